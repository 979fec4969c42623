package relayer

import (
	"context"
	"errors"
	"fmt"
	"strings"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// executeSide sends one side's transactions of a plan, in order, and
// waits for them. It returns the highest height they landed at, also when
// it fails: the next round must not plan before that height.
//
// A message that cannot be built or that fails simulation is dropped with
// a log line, so one bad packet never blocks the others; the next
// snapshot still shows it, so nothing is forgotten.
func (r *Relayer) executeSide(ctx context.Context, ps *pathState, side Side, txs []Tx, snap Snapshot) (int64, error) {
	dst, src := ps.chain(side), ps.chain(side.Other())
	b := msgBuilder{dst: dst, src: src, srcHeight: snap.Chain(side.Other()).Height}

	dst.txMu.Lock()
	defer dst.txMu.Unlock()
	accNum, seq, err := dst.accountState(ctx)
	if err != nil {
		return 0, err
	}
	var sent []pending
	var sendErr error
	for _, tx := range txs {
		msgs, actions := r.buildMsgs(ctx, b, tx)
		if len(msgs) == 0 {
			continue
		}
		p, err := r.send(ctx, ps, dst, msgs, actions, accNum, &seq)
		if err != nil {
			// Stop, but still wait for what is in flight: planned again
			// before it lands, it would be sent twice.
			sendErr = err
			break
		}
		if p.hash != nil {
			sent = append(sent, p)
		}
	}
	top, err := r.waitSent(ctx, ps, dst, b, sent)
	return top, errors.Join(sendErr, err)
}

// pending is a broadcast transaction and what it carries.
type pending struct {
	hash    []byte
	actions []Action
}

// send simulates and broadcasts one transaction at *seq, and advances
// *seq if the chain took it. A zero pending means nothing was sent.
//
// When the chain expects another sequence (a transaction of this key it
// has not committed yet, from another process or an earlier round), send
// retries once at the sequence the chain names: the refused attempt used
// nothing, so nothing goes out twice.
func (r *Relayer) send(ctx context.Context, ps *pathState, dst *Chain, msgs []sdk.Msg, actions []Action, accNum uint64, seq *uint64) (pending, error) {
	for retried := false; ; retried = true {
		gas, kept, keptActions, err := r.simulateDropping(ctx, dst, msgs, actions, *seq)
		if err == nil && len(kept) == 0 {
			return pending{}, nil
		}
		var hash []byte
		broadcast := err == nil
		if broadcast {
			hash, err = dst.signAndBroadcast(ctx, kept, gas, accNum, *seq)
		}
		if want, ok := expectedSequence(err); ok && want != *seq && !retried {
			r.log.Warn("account sequence mismatch; retrying at the chain's", "chain", dst.id, "had", *seq, "expected", want)
			*seq = want
			continue
		}
		if isRedundant(err) {
			// Another relayer delivered all of it first; the sequence was
			// not used.
			r.log.Info("already relayed by someone else", "path", ps.cfg.Name, "chain", dst.id, "actions", describe(keptActions))
			return pending{}, nil
		}
		if err != nil {
			if broadcast {
				r.stats.add(func(s *Stats) { s.FailedTxs++ })
			}
			return pending{}, err
		}
		*seq++
		return pending{hash, keptActions}, nil
	}
}

// waitSent waits for each sent transaction's block. A transaction that
// failed in its block is counted, logged and returned as an error; its
// messages come back in the next snapshot.
func (r *Relayer) waitSent(ctx context.Context, ps *pathState, dst *Chain, b msgBuilder, sent []pending) (int64, error) {
	var top int64
	var failed []error
	for _, p := range sent {
		inc, err := dst.waitIncluded(ctx, p.hash)
		if err != nil {
			return top, errors.Join(append(failed, err)...)
		}
		top = max(top, inc.Height)
		if err := inc.err(dst.id); err != nil {
			r.stats.add(func(s *Stats) { s.FailedTxs++ })
			r.log.Error("transaction failed in its block", "path", ps.cfg.Name, "chain", dst.id, "err", err)
			failed = append(failed, err)
			continue
		}
		r.stats.countTx(p.actions)
		r.log.Info("relayed", "path", ps.cfg.Name, "chain", dst.id, "height", inc.Height,
			"proofs_from", fmt.Sprintf("%s@%d", b.src.id, b.srcHeight+1), "msgs", len(p.actions),
			"gas", inc.GasUsed, "tx", inc.Hash, "actions", describe(p.actions))
	}
	return top, errors.Join(failed...)
}

// buildMsgs turns a planned transaction into messages. Without its client
// update, no proof in the transaction could verify, so the whole
// transaction is skipped.
func (r *Relayer) buildMsgs(ctx context.Context, b msgBuilder, tx Tx) ([]sdk.Msg, []Action) {
	var msgs []sdk.Msg
	var built []Action
	for _, action := range tx.Actions {
		msg, err := b.build(ctx, action)
		if err != nil {
			r.log.Warn("cannot build message; skipping it this round", "chain", b.dst.id, "action", action.String(), "err", err)
			if isUpdate(action) {
				return nil, nil
			}
			continue
		}
		msgs = append(msgs, msg)
		built = append(built, action)
	}
	if onlyUpdateLeft(built) && len(tx.Actions) > 1 {
		return nil, nil // nothing left to prove
	}
	return msgs, built
}

// simulateDropping simulates msgs, dropping each message the chain refuses
// until the rest passes. A refused client update ends the attempt: the
// proofs after it cannot verify without it.
func (r *Relayer) simulateDropping(ctx context.Context, c *Chain, msgs []sdk.Msg, actions []Action, seq uint64) (uint64, []sdk.Msg, []Action, error) {
	for len(msgs) > 0 {
		gas, idx, err := c.simulate(ctx, msgs, seq)
		if err == nil {
			return gas, msgs, actions, nil
		}
		if idx < 0 || idx >= len(msgs) || (isUpdate(actions[idx]) && len(msgs) > 1) {
			return 0, nil, nil, fmt.Errorf("%s: simulation: %w", c.id, err)
		}
		r.stats.add(func(s *Stats) { s.Dropped++ })
		r.log.Warn("chain refuses message; dropped from this batch", "chain", c.id, "action", actions[idx].String(), "err", err)
		msgs = append(msgs[:idx:idx], msgs[idx+1:]...)
		actions = append(actions[:idx:idx], actions[idx+1:]...)
		if onlyUpdateLeft(actions) {
			return 0, nil, nil, nil
		}
	}
	return 0, nil, nil, nil
}

func isUpdate(a Action) bool {
	_, ok := a.(UpdateClient)
	return ok
}

func onlyUpdateLeft(actions []Action) bool {
	return len(actions) == 1 && isUpdate(actions[0])
}

func describe(actions []Action) string {
	parts := make([]string, len(actions))
	for i, a := range actions {
		parts[i] = a.String()
	}
	return strings.Join(parts, "; ")
}

// isRedundant recognises ibc-go's refusal of a transaction whose packet
// messages have all been relayed already (ErrRedundantTx).
func isRedundant(err error) bool {
	return err != nil && strings.Contains(err.Error(), "packet messages are redundant")
}
