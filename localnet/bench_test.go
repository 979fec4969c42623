package localnet_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/rampart-ics/rampart/localnet"
)

func TestPercentile(t *testing.T) {
	s := func(secs ...float64) []time.Duration {
		out := make([]time.Duration, len(secs))
		for i, v := range secs {
			out[i] = time.Duration(v * float64(time.Second))
		}
		return out
	}
	require.Zero(t, localnet.Percentile(nil, 50))
	one := s(7)
	for _, p := range []float64{0, 50, 95, 100} {
		require.Equal(t, 7*time.Second, localnet.Percentile(one, p))
	}
	// 1..20 s, unsorted: nearest rank.
	twenty := s(20, 3, 1, 2, 19, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18)
	require.Equal(t, 10*time.Second, localnet.Percentile(twenty, 50))
	require.Equal(t, 19*time.Second, localnet.Percentile(twenty, 95))
	require.Equal(t, 1*time.Second, localnet.Percentile(twenty, 0))
	require.Equal(t, 20*time.Second, localnet.Percentile(twenty, 100))
	require.Equal(t, 20*time.Second, twenty[0], "the input is not reordered")
	require.Equal(t, 2*time.Second, localnet.Percentile(s(1, 2, 3), 50))
}

func TestEpochEnd(t *testing.T) {
	for _, c := range []struct{ h, bpe, want int64 }{
		{1, 10, 10}, {10, 10, 10}, {11, 10, 20}, {19, 10, 20}, {7, 1, 7}, {7, 0, 7},
	} {
		require.Equal(t, c.want, localnet.EpochEnd(c.h, c.bpe), "height %d, %d blocks per epoch", c.h, c.bpe)
	}
}

func TestBenchReportPrint(t *testing.T) {
	r := localnet.BenchReport{BlocksPerEpoch: 10, Trials: []localnet.DelegationTrial{
		{Height: 21, EpochEnd: 30, Total: 12 * time.Second, EpochWait: 9 * time.Second},
		{Height: 30, EpochEnd: 30, Total: 4 * time.Second},
		{Height: 35, EpochEnd: 40, Total: 8500 * time.Millisecond, EpochWait: 5 * time.Second},
	}}
	var out bytes.Buffer
	r.Print(&out)
	require.Equal(t, `3 trials, blocks_per_epoch 10
                                 p50     p95     min     max
delegation to consumer set      8.5s   12.0s    4.0s   12.0s
  epoch wait                    5.0s    9.0s    0.0s    9.0s
  delivery after epoch end      3.5s    4.0s    3.0s    4.0s
`, out.String())
}
