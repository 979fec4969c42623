//go:build unix

package keeper_test

import (
	"syscall"
	"time"
)

// processCPUTime is the CPU time (user and system) this process has used.
// Benchmarks report it beside wall time: on a machine shared with other
// work, wall time also counts the waits for a core.
func processCPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
