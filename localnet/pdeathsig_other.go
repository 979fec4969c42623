//go:build !linux

package localnet

import "syscall"

// setParentDeathSignal is Linux-only; elsewhere tests rely on t.Cleanup.
func setParentDeathSignal(*syscall.SysProcAttr) {}
