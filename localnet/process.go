package localnet

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

// Process is a process the network started: how to start it again, and
// how to recognise it (a pid can be reused by an unrelated process).
type Process struct {
	PID  int      `json:"pid"`
	Args []string `json:"args"`
	Log  string   `json:"log"`
	// Marker is a string of the command line (a home or config path) that
	// only this process has.
	Marker string `json:"marker"`
}

// start runs the process detached in its own session, so it outlives the
// command that started it; output goes to its log file. With
// dieWithParent (tests) the kernel kills it when the parent dies.
func (p *Process) start(dieWithParent bool) error {
	logFile, err := os.OpenFile(p.Log, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	defer logFile.Close()
	cmd := exec.Command(p.Args[0], p.Args[1:]...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if dieWithParent {
		setParentDeathSignal(cmd.SysProcAttr)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting %s: %w", p.Args[0], err)
	}
	p.PID = cmd.Process.Pid
	// Reap it when it exits, so a dead child is not left a zombie that
	// still looks alive.
	go func() { _ = cmd.Wait() }()
	// For a moment after Start the child's /proc cmdline can still be
	// ours; wait until it is its own, so Alive is right from here on.
	for range 100 {
		if p.Alive() {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	return nil
}

// Alive reports whether the recorded pid is running and is this process.
func (p *Process) Alive() bool {
	if p.PID <= 0 {
		return false
	}
	if err := syscall.Kill(p.PID, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	cmdline, err := os.ReadFile("/proc/" + strconv.Itoa(p.PID) + "/cmdline")
	if err != nil {
		// Gone, unless there is no procfs to ask: then trust kill(0).
		return !procfsAvailable()
	}
	if st, err := os.ReadFile("/proc/" + strconv.Itoa(p.PID) + "/stat"); err == nil && isZombie(st) {
		return false
	}
	return bytes.Contains(cmdline, []byte(p.Marker))
}

// stop ends the process group with SIGTERM, then SIGKILL after grace.
func (p *Process) stop(grace time.Duration) error {
	if !p.Alive() {
		p.PID = 0
		return nil
	}
	// The process leads its own session, so its group id is its pid.
	_ = syscall.Kill(-p.PID, syscall.SIGTERM)
	deadline := time.Now().Add(grace)
	for time.Now().Before(deadline) {
		if !p.Alive() {
			p.PID = 0
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	_ = syscall.Kill(-p.PID, syscall.SIGKILL)
	for range 50 {
		if !p.Alive() {
			p.PID = 0
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("process %d (%s) survived SIGKILL", p.PID, p.Args[0])
}

func procfsAvailable() bool {
	_, err := os.Stat("/proc/self/cmdline")
	return err == nil
}

// isZombie reads the state letter of /proc/<pid>/stat ("pid (comm) S ...").
func isZombie(stat []byte) bool {
	i := bytes.LastIndexByte(stat, ')')
	return i >= 0 && i+2 < len(stat) && stat[i+2] == 'Z'
}
