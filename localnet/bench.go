package localnet

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"
)

// BenchOptions shape BenchDelegations.
type BenchOptions struct {
	// Trials is the number of delegations; default 20.
	Trials int
	// MaxJitter bounds the random pause before each delegation, so that
	// delegations land at every point of the provider's epoch rather than
	// in step with it; default 10s.
	MaxJitter time.Duration
	// Seed seeds the pauses (0: from the clock).
	Seed uint64
	// Out receives one line per trial; nil discards them.
	Out io.Writer
}

// DelegationTrial is one delegation's way to the consumer.
type DelegationTrial struct {
	// Height is the provider block that included the delegation; EpochEnd
	// the first epoch end at or after it, where the provider sends it.
	Height, EpochEnd int64
	// Total runs from the provider's commit of Height (the next block's
	// header time) until the consumer's CometBFT RPC shows the new power.
	Total time.Duration
	// EpochWait is the part of Total until the provider committed
	// EpochEnd; Total - EpochWait is delivery: relaying and the consumer
	// applying the change.
	EpochWait time.Duration
}

// Delivery is the part of Total after the epoch end.
func (t DelegationTrial) Delivery() time.Duration { return t.Total - t.EpochWait }

// BenchReport summarises the trials.
type BenchReport struct {
	Trials         []DelegationTrial
	BlocksPerEpoch int64
}

// BenchDelegations delegates one unit of power to the last validator,
// trials times, and measures each time from the provider's commit of the
// delegation to the consumer's CometBFT validator set showing it.
func (n *Network) BenchDelegations(ctx context.Context, opts BenchOptions) (BenchReport, error) {
	opts.Trials = cmp.Or(opts.Trials, 20)
	opts.MaxJitter = cmp.Or(opts.MaxJitter, 10*time.Second)
	if opts.Seed == 0 {
		opts.Seed = uint64(time.Now().UnixNano())
	}
	if opts.Out == nil {
		opts.Out = io.Discard
	}
	if len(n.Consumers) == 0 {
		return BenchReport{}, fmt.Errorf("the network has no consumer")
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0))
	c := &n.Consumers[0]
	target := len(n.Provider.Nodes) - 1
	bpe, err := n.blocksPerEpoch(ctx)
	if err != nil {
		return BenchReport{}, err
	}
	key, err := n.ConsensusKey(target)
	if err != nil {
		return BenchReport{}, err
	}
	valoper, err := n.operatorAddress(ctx, target)
	if err != nil {
		return BenchReport{}, err
	}
	const unit = 1_000_000 // one unit of consensus power
	amount := fmt.Sprintf("%d%s", unit, BondDenom)
	report := BenchReport{BlocksPerEpoch: bpe}
	for i := range opts.Trials {
		pause := time.Duration(rng.Int64N(int64(opts.MaxJitter)))
		select {
		case <-ctx.Done():
			return report, ctx.Err()
		case <-time.After(pause):
		}
		before, err := c.Nodes[0].Validators(ctx)
		if err != nil {
			return report, err
		}
		want := powerOf(before, key) + 1
		height, err := n.Tx(ctx, &n.Provider, UserKey, "staking", "delegate", valoper, amount)
		if err != nil {
			return report, fmt.Errorf("trial %d: %w", i+1, err)
		}
		err = waitFor(ctx, 3*time.Minute, 200*time.Millisecond, func() (bool, error) {
			vals, err := c.Nodes[0].Validators(ctx)
			return err == nil && powerOf(vals, key) >= want, nil
		})
		seen := time.Now()
		if err != nil {
			return report, fmt.Errorf("trial %d: %s's validator set did not change: %w", i+1, c.ChainID, err)
		}
		trial := DelegationTrial{Height: height, EpochEnd: epochEnd(height, bpe)}
		committed, err := n.commitTime(ctx, height)
		if err != nil {
			return report, err
		}
		epochCommitted, err := n.commitTime(ctx, trial.EpochEnd)
		if err != nil {
			return report, err
		}
		trial.Total, trial.EpochWait = seen.Sub(committed), epochCommitted.Sub(committed)
		report.Trials = append(report.Trials, trial)
		fmt.Fprintf(opts.Out, "trial %2d: included at %d, epoch end %d: %5.1f s (epoch wait %4.1f s, delivery %4.1f s)\n",
			i+1, height, trial.EpochEnd, trial.Total.Seconds(), trial.EpochWait.Seconds(), trial.Delivery().Seconds())
	}
	return report, nil
}

// epochEnd is the first height at or after h where the provider ends an
// epoch (heights that are multiples of blocksPerEpoch).
func epochEnd(h, blocksPerEpoch int64) int64 {
	if blocksPerEpoch <= 1 {
		return h
	}
	return (h + blocksPerEpoch - 1) / blocksPerEpoch * blocksPerEpoch
}

// blocksPerEpoch reads the provider's parameter.
func (n *Network) blocksPerEpoch(ctx context.Context) (int64, error) {
	var res struct {
		Params struct {
			Snake string `json:"blocks_per_epoch"`
			Camel string `json:"blocksPerEpoch"`
		} `json:"params"`
	}
	if err := n.Query(ctx, &n.Provider, &res, "provider", "params"); err != nil {
		return 0, err
	}
	bpe, err := strconv.ParseInt(cmp.Or(res.Params.Snake, res.Params.Camel), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("provider params: blocks_per_epoch: %w", err)
	}
	return bpe, nil
}

// commitTime is when the provider committed height h: the time in the
// next block's header (CometBFT's median of the commit's vote times).
func (n *Network) commitTime(ctx context.Context, h int64) (time.Time, error) {
	node := n.Provider.Nodes[0]
	if err := node.WaitHeight(ctx, h+1, time.Minute); err != nil {
		return time.Time{}, err
	}
	var res struct {
		Result struct {
			Block struct {
				Header struct {
					Time time.Time `json:"time"`
				} `json:"header"`
			} `json:"block"`
		} `json:"result"`
	}
	if err := getJSON(ctx, fmt.Sprintf("%s/block?height=%d", node.RPC(), h+1), &res); err != nil {
		return time.Time{}, fmt.Errorf("%s: block %d: %w", node.Name, h+1, err)
	}
	return res.Result.Block.Header.Time, nil
}

// Percentile is the nearest-rank percentile p (0 < p <= 100) of ds: the
// smallest value at least p% of them do not exceed. Zero for no values.
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	sorted := slices.Clone(ds)
	slices.Sort(sorted)
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}

// Print writes the summary: p50, p95, min and max of each part.
func (r BenchReport) Print(w io.Writer) {
	parts := []struct {
		name string
		of   func(DelegationTrial) time.Duration
	}{
		{"delegation to consumer set", func(t DelegationTrial) time.Duration { return t.Total }},
		{"  epoch wait", func(t DelegationTrial) time.Duration { return t.EpochWait }},
		{"  delivery after epoch end", DelegationTrial.Delivery},
	}
	fmt.Fprintf(w, "%d trials, blocks_per_epoch %d\n", len(r.Trials), r.BlocksPerEpoch)
	fmt.Fprintf(w, "%-28s %7s %7s %7s %7s\n", "", "p50", "p95", "min", "max")
	for _, part := range parts {
		ds := make([]time.Duration, len(r.Trials))
		for i, t := range r.Trials {
			ds[i] = part.of(t)
		}
		fmt.Fprintf(w, "%-28s %6.1fs %6.1fs %6.1fs %6.1fs\n", part.name,
			Percentile(ds, 50).Seconds(), Percentile(ds, 95).Seconds(), Percentile(ds, 0).Seconds(), Percentile(ds, 100).Seconds())
	}
}
