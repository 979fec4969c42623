package relayer

import (
	"fmt"
	"strconv"
	"strings"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
)

// ClientStatusActive is ibc-go's status of a usable client.
const ClientStatusActive = "Active"

// DefaultMaxMsgsPerTx bounds a batch so a transaction stays well inside the
// block gas limit and a single failure costs little.
const DefaultMaxMsgsPerTx = 50

// Options configure the planner for one path.
type Options struct {
	// MaxMsgsPerTx bounds the messages in one transaction, client update
	// included; 0 means DefaultMaxMsgsPerTx.
	MaxMsgsPerTx int
	// Open lists channels the path opens when they do not exist yet.
	Open []ChannelSpec
}

// ChannelSpec is a channel the relayer opens itself, on Side, once the
// connection is open, if Side has no channel on PortID over it yet.
type ChannelSpec struct {
	Side               Side
	PortID             string
	CounterpartyPortID string
	Ordering           channeltypes.Order
	Version            string
}

// CCVChannel is the CCV channel: the consumer (side A) opens it.
func CCVChannel() ChannelSpec {
	return ChannelSpec{
		Side: SideA, PortID: "consumer", CounterpartyPortID: "provider",
		Ordering: channeltypes.ORDERED, Version: "1",
	}
}

// Tx is one transaction for one chain. Its proofs come from the other
// chain's snapshot height.
type Tx struct {
	Side    Side
	Actions []Action
}

// Plan is what to send this round, and why anything is waiting.
type Plan struct {
	Txs   []Tx
	Notes []string
}

// Empty reports whether the plan sends nothing.
func (p Plan) Empty() bool { return len(p.Txs) == 0 }

// MakePlan decides what to send for one path. It is pure: the same snapshot
// and options always give the same plan, in the same order.
func MakePlan(s Snapshot, opts Options) Plan {
	p := &planner{snap: s, opts: opts}
	if opts.MaxMsgsPerTx <= 0 {
		p.opts.MaxMsgsPerTx = DefaultMaxMsgsPerTx
	}
	if !p.clientsUsable() {
		return Plan{Notes: p.notes}
	}
	if connA, connB, open := p.connection(); open {
		p.channels(connA, connB)
		p.packets()
	}
	return Plan{Txs: p.batch(), Notes: p.notes}
}

type planner struct {
	snap    Snapshot
	opts    Options
	actions [2][]Action
	notes   []string
}

func (p *planner) add(side Side, a Action) {
	p.actions[side] = append(p.actions[side], a)
}

func (p *planner) note(format string, args ...any) {
	p.notes = append(p.notes, fmt.Sprintf(format, args...))
}

// clientsUsable refuses to plan over a missing, expired or frozen client:
// every handshake step and packet needs both.
func (p *planner) clientsUsable() bool {
	ok := true
	for _, side := range []Side{SideA, SideB} {
		c := p.snap.Chain(side)
		switch {
		case c.Client.ID == "":
			p.note("%s has no client of %s", c.ChainID, p.snap.Chain(side.Other()).ChainID)
			ok = false
		case c.Client.Status != ClientStatusActive:
			p.note("client %s on %s is %s: it needs recovery by governance", c.Client.ID, c.ChainID, c.Client.Status)
			ok = false
		}
	}
	return ok
}

// batch puts each side's actions into transactions of at most
// MaxMsgsPerTx messages. When the client needs an update, every
// transaction starts with it: each then simulates and executes on its own
// (a repeated update to the same height is a no-op in ibc-go).
func (p *planner) batch() []Tx {
	var txs []Tx
	for _, side := range []Side{SideA, SideB} {
		actions := p.actions[side]
		update, ok := p.clientUpdate(side, actions)
		if !ok {
			actions = withoutProofs(actions)
		}
		if update != nil && len(actions) == 0 {
			txs = append(txs, Tx{Side: side, Actions: []Action{*update}})
			continue
		}
		per := p.opts.MaxMsgsPerTx
		if update != nil {
			per = max(per-1, 1)
		}
		for len(actions) > 0 {
			n := min(len(actions), per)
			tx := Tx{Side: side}
			if update != nil {
				tx.Actions = append(tx.Actions, *update)
			}
			tx.Actions = append(tx.Actions, actions[:n]...)
			txs = append(txs, tx)
			actions = actions[n:]
		}
	}
	return txs
}

// clientUpdate returns the update side's client needs before actions, or
// nil; ok is false when the proofs cannot be verified at all this round.
func (p *planner) clientUpdate(side Side, actions []Action) (*UpdateClient, bool) {
	self, other := p.snap.Chain(side), p.snap.Chain(side.Other())
	target := uint64(other.Height) + 1
	needProof := false
	for _, a := range actions {
		needProof = needProof || a.NeedsProof()
	}
	latest := self.Client.LatestHeight
	switch {
	case needProof && latest > target:
		// Someone moved the client past our snapshot; the next snapshot
		// reads the counterparty at or above it.
		p.note("client %s on %s is at %d, past the %s snapshot (%d): waiting for a newer snapshot",
			self.Client.ID, self.ChainID, latest, other.ChainID, target)
		return nil, false
	case needProof && latest < target:
		return &UpdateClient{ClientID: self.Client.ID, TrustedHeight: latest, TargetHeight: target}, true
	case !needProof && latest < target && p.clientStale(side):
		return &UpdateClient{ClientID: self.Client.ID, TrustedHeight: latest, TargetHeight: target}, true
	}
	return nil, true
}

// clientStale reports a client whose latest consensus state is older than
// a third of its trusting period: update it before it expires.
func (p *planner) clientStale(side Side) bool {
	self, other := p.snap.Chain(side), p.snap.Chain(side.Other())
	if self.Client.TrustingPeriod <= 0 || self.Client.LatestTime.IsZero() {
		return false
	}
	return other.Time.Sub(self.Client.LatestTime) > self.Client.TrustingPeriod/3
}

func withoutProofs(actions []Action) []Action {
	var out []Action
	for _, a := range actions {
		if !a.NeedsProof() {
			out = append(out, a)
		}
	}
	return out
}

// idLess orders IBC identifiers ("connection-2" < "connection-10") by
// prefix, then numeric suffix, so choices never depend on string order.
func idLess(a, b string) bool {
	pa, na := splitID(a)
	pb, nb := splitID(b)
	if pa != pb {
		return pa < pb
	}
	if na != nb {
		return na < nb
	}
	return a < b
}

func splitID(id string) (string, int64) {
	i := strings.LastIndexByte(id, '-')
	if i < 0 {
		return id, -1
	}
	n, err := strconv.ParseInt(id[i+1:], 10, 64)
	if err != nil {
		return id, -1
	}
	return id[:i], n
}
