package relayer

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"
)

// maxBackoff caps the wait after repeated failures on a path.
const maxBackoff = 10 * time.Second

// roundTimeout bounds one snapshot-plan-execute round.
const roundTimeout = 3 * time.Minute

// Relayer runs the configured paths: every time a chain of a path has a
// new block, it snapshots both chains, plans, and executes the plan.
type Relayer struct {
	cfg   Config
	log   *slog.Logger
	poll  time.Duration
	stats statsCounter
	clock clock
	// dial connects a configured chain; ConnectChain, or a fake in tests.
	dial func(context.Context, ChainConfig, KeyConfig, *slog.Logger) (*Chain, error)

	mu     sync.Mutex
	chains map[string]*Chain
	paths  []*pathState
}

// pathState is what the runner remembers about a path between rounds. It
// only paces the rounds: what to relay always comes from the chains.
type pathState struct {
	cfg      PathConfig
	opts     Options
	a, b     *Chain
	seen     [2]int64 // latest heights at the last snapshot
	minState [2]int64 // our last txs' heights: snapshots must include them
	failures int
	retryAt  time.Time
	notes    []string
}

func (ps *pathState) chain(side Side) *Chain {
	if side == SideA {
		return ps.a
	}
	return ps.b
}

// New checks the configuration and prepares the relayer; chains are
// dialled when Run starts, and re-dialled while they are down.
func New(cfg Config, log *slog.Logger) (*Relayer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	poll, _ := cfg.pollInterval()
	r := &Relayer{cfg: cfg, log: log, poll: poll, clock: realClock{}, dial: ConnectChain, chains: map[string]*Chain{}}
	for _, p := range cfg.Paths {
		specs, _ := p.channelSpecs()
		r.paths = append(r.paths, &pathState{cfg: p, opts: Options{MaxMsgsPerTx: cfg.MaxMsgsPerTx, Open: specs}})
	}
	return r, nil
}

// Stats returns what the relayer has sent so far.
func (r *Relayer) Stats() Stats { return r.stats.snapshot() }

// Run relays until ctx ends.
func (r *Relayer) Run(ctx context.Context) error {
	r.log.Info("relayer starting", "paths", len(r.paths), "poll", r.poll.String())
	for {
		r.Step(ctx)
		if r.clock.Sleep(ctx, r.poll) != nil {
			r.log.Info("relayer stopping", "stats", r.Stats().String())
			return nil
		}
	}
}

// Step gives every path one round, if it has something new to look at.
func (r *Relayer) Step(ctx context.Context) {
	for _, ps := range r.paths {
		if r.clock.Now().Before(ps.retryAt) {
			continue
		}
		rctx, cancel := context.WithTimeout(ctx, roundTimeout)
		err := r.round(rctx, ps)
		cancel()
		if err != nil && ctx.Err() == nil {
			ps.failures++
			wait := min(r.poll<<min(ps.failures, 10), maxBackoff)
			ps.retryAt = r.clock.Now().Add(wait)
			r.log.Warn("round failed; backing off", "path", ps.cfg.Name, "retry_in", wait.String(), "err", err)
			continue
		}
		ps.failures = 0
	}
}

// round snapshots, plans and executes one path once.
func (r *Relayer) round(ctx context.Context, ps *pathState) error {
	if err := r.connect(ctx, ps); err != nil {
		return err
	}
	la, _, err := ps.a.Latest(ctx)
	if err != nil {
		return err
	}
	lb, _, err := ps.b.Latest(ctx)
	if err != nil {
		return err
	}
	if la == ps.seen[SideA] && lb == ps.seen[SideB] {
		return nil // no new block: nothing can have changed
	}
	if la-1 < ps.minState[SideA] || lb-1 < ps.minState[SideB] {
		return nil // our last transactions are not under a provable height yet
	}
	snap, err := readSnapshot(ctx, ps.a, ps.b, ps.cfg.AClient, ps.cfg.BClient)
	if err != nil {
		return err
	}
	plan := MakePlan(snap, ps.opts)
	if !slices.Equal(plan.Notes, ps.notes) {
		for _, n := range plan.Notes {
			r.log.Info("waiting", "path", ps.cfg.Name, "why", n)
		}
		ps.notes = plan.Notes
	}
	if !plan.Empty() {
		if err := r.execute(ctx, ps, plan, snap); err != nil {
			return err
		}
	}
	ps.seen = [2]int64{la, lb}
	return nil
}

// execute runs both sides' transactions concurrently: they go to
// different chains and wait for different blocks.
func (r *Relayer) execute(ctx context.Context, ps *pathState, plan Plan, snap Snapshot) error {
	var bySide [2][]Tx
	for _, tx := range plan.Txs {
		bySide[tx.Side] = append(bySide[tx.Side], tx)
	}
	var wg sync.WaitGroup
	var errs [2]error
	var heights [2]int64
	for _, side := range []Side{SideA, SideB} {
		if len(bySide[side]) == 0 {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			heights[side], errs[side] = r.executeSide(ctx, ps, side, bySide[side], snap)
		}()
	}
	wg.Wait()
	for _, side := range []Side{SideA, SideB} {
		ps.minState[side] = max(ps.minState[side], heights[side])
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// connect dials the path's chains that are not connected yet.
func (r *Relayer) connect(ctx context.Context, ps *pathState) error {
	var err error
	if ps.a == nil {
		if ps.a, err = r.chainByID(ctx, ps.cfg.A); err != nil {
			return err
		}
	}
	if ps.b == nil {
		if ps.b, err = r.chainByID(ctx, ps.cfg.B); err != nil {
			return err
		}
	}
	return nil
}

func (r *Relayer) chainByID(ctx context.Context, id string) (*Chain, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.chains[id]; ok {
		return c, nil
	}
	for _, cc := range r.cfg.Chains {
		if cc.ChainID != id {
			continue
		}
		c, err := r.dial(ctx, cc, r.cfg.Key, r.log)
		if err != nil {
			return nil, err
		}
		r.log.Info("connected", "chain", id, "rpc", cc.RPC, "signer", c.Signer())
		r.chains[id] = c
		return c, nil
	}
	return nil, fmt.Errorf("chain %s is not configured", id)
}
