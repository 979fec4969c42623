//go:build !unix

package keeper_test

import "time"

// processCPUTime is not measured here; benchmarks then omit the CPU time.
func processCPUTime() time.Duration { return 0 }
