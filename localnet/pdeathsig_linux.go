package localnet

import "syscall"

// setParentDeathSignal asks the kernel to kill the child when its parent
// dies, so a test killed mid-run leaves no node behind.
func setParentDeathSignal(attr *syscall.SysProcAttr) {
	attr.Pdeathsig = syscall.SIGKILL
}
