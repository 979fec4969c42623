package relayer

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
)

// expectNextTryAfter checks that Step leaves a down node alone until wait
// has passed, then tries it exactly once.
func expectNextTryAfter(t *testing.T, h *harness, r *Relayer, wait time.Duration) {
	t.Helper()
	before := h.a.count("Status")
	h.clock.advance(wait - time.Nanosecond)
	r.Step(context.Background())
	require.Equal(t, before, h.a.count("Status"), "retried before its backoff of %s", wait)
	h.clock.advance(time.Nanosecond)
	r.Step(context.Background())
	require.Equal(t, before+1, h.a.count("Status"), "not retried after its backoff of %s", wait)
}

func TestRunnerBacksOffWhileANodeIsDownAndRecovers(t *testing.T) {
	h := newHarness(t)
	r := h.relayer()
	h.a.setDown(true)

	r.Step(context.Background()) // cannot even dial a
	require.Equal(t, 1, h.a.count("Status"))
	require.Contains(t, h.log.String(), "connection refused")
	// Doubling from the poll interval, capped.
	for _, wait := range []time.Duration{2 * testPoll, 4 * testPoll, 8 * testPoll, maxBackoff, maxBackoff} {
		expectNextTryAfter(t, h, r, wait)
	}
	require.Zero(t, h.b.count("BroadcastTxSync"))

	// Back up: the next try relays, once.
	h.a.setDown(false)
	h.clock.advance(maxBackoff)
	r.Step(context.Background())
	txs, inits := accepted(h.a)
	require.Equal(t, 1, txs)
	require.Equal(t, 1, inits)

	// A success resets the backoff: the next outage starts from the poll
	// interval again.
	h.a.setDown(true)
	r.Step(context.Background())
	expectNextTryAfter(t, h, r, 2*testPoll)
}

func TestRunnerRetriesARefusedTxAfterBackoff(t *testing.T) {
	h := newHarness(t)
	r := h.relayer()
	h.a.checkTx = []outcome{{code: sdkerrors.ErrInsufficientFee.ABCICode(), codespace: sdkerrors.RootCodespace, log: "insufficient fees"}}

	r.Step(context.Background())
	require.Len(t, h.a.sent(), 1)
	require.Contains(t, h.log.String(), "round failed; backing off")
	require.Contains(t, h.log.String(), "insufficient fees")

	// A new block, but the path waits out its backoff: no tight loop.
	h.a.newBlock()
	r.Step(context.Background())
	require.Len(t, h.a.sent(), 1)

	h.clock.advance(2 * testPoll)
	r.Step(context.Background())
	require.Len(t, h.a.sent(), 2, "retried from a fresh snapshot: nothing lost")
	txs, inits := accepted(h.a)
	require.Equal(t, 1, txs)
	require.Equal(t, 1, inits)
	require.Equal(t, 1, connections(h.a))
}

func TestRunnerRelaysAgainAfterOutOfGas(t *testing.T) {
	h := newHarness(t)
	r := h.relayer()
	h.a.deliverTx = []outcome{{code: sdkerrors.ErrOutOfGas.ABCICode(), codespace: sdkerrors.RootCodespace, log: "out of gas"}}

	r.Step(context.Background())
	require.Contains(t, h.log.String(), "ran out of gas")
	require.Zero(t, connections(h.a))

	h.clock.advance(2 * testPoll)
	h.a.newBlock()
	r.Step(context.Background())
	sent := h.a.sent()
	require.Len(t, sent, 2)
	require.Equal(t, []uint64{7, 8}, []uint64{sent[0].seq, sent[1].seq}, "the failed tx used its sequence")
	require.Equal(t, 1, connections(h.a))
	require.Equal(t, 1, r.Stats().Txs)
	require.Equal(t, 1, r.Stats().FailedTxs)
}

func TestRunnerRestartDoesNotResendWhatWasDelivered(t *testing.T) {
	h := newHarness(t)
	first := h.relayer()
	first.Step(context.Background())
	_, inits := accepted(h.a)
	require.Equal(t, 1, inits)
	require.Equal(t, 1, connections(h.a))

	// A new instance knows only what the chains say.
	restarted := h.relayer()
	for range 3 {
		h.a.newBlock()
		h.b.newBlock()
		restarted.Step(context.Background())
	}
	_, inits = accepted(h.a)
	require.Equal(t, 1, inits, "ConnOpenInit sent again after the restart")
	require.Len(t, h.a.sent(), 1)
	// It moved on to the next step (TRY on b, which needs a's header; the
	// fake has none, so it is skipped), instead of doing nothing.
	require.Positive(t, h.a.count("Commit"))
	require.Zero(t, h.b.count("BroadcastTxSync"))
}
