package relayer

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
)

func execA(r *Relayer, ps *pathState, txs ...Tx) (int64, error) {
	return r.executeSide(context.Background(), ps, SideA, txs, Snapshot{})
}

func TestExecuteSendsAtTheAccountSequenceWithAdjustedGas(t *testing.T) {
	h := newHarness(t)
	r, ps := h.connectedPath()

	height, err := execA(r, ps, connOpenInit())
	require.NoError(t, err)

	sent := h.a.sent()
	require.Len(t, sent, 1)
	require.True(t, sent[0].accepted)
	require.Equal(t, uint64(7), sent[0].seq, "the account's sequence")
	require.Equal(t, uint64(150_000), sent[0].gas, "simulated gas times the default adjustment 1.5")
	require.Equal(t, int64(11), height, "the block the tx landed in")
	require.Equal(t, 1, connections(h.a))
	require.Equal(t, 1, r.Stats().Txs)
}

func TestExecuteSequenceMismatch(t *testing.T) {
	tests := []struct {
		name string
		// setup puts another transaction of the key in a's mempool.
		setup func(n *fakeNode)
		// wantSeqs are the sequences of every broadcast; the last is taken.
		wantSeqs []uint64
	}{
		{
			name:     "seen by simulation: no refused broadcast at all",
			setup:    func(n *fakeNode) { n.foreign = 1 },
			wantSeqs: []uint64{8},
		},
		{
			name: "seen by CheckTx: one refused broadcast, then the chain's sequence",
			setup: func(n *fakeNode) {
				n.beforeCheck = func(n *fakeNode) {
					if len(n.broadcasts) == 0 {
						n.foreign = 1 // lands between our simulation and broadcast
					}
				}
			},
			wantSeqs: []uint64{7, 8},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			r, ps := h.connectedPath()
			tc.setup(h.a)

			_, err := execA(r, ps, connOpenInit())
			require.NoError(t, err)

			var seqs []uint64
			for _, b := range h.a.sent() {
				seqs = append(seqs, b.seq)
			}
			require.Equal(t, tc.wantSeqs, seqs)
			txs, inits := accepted(h.a)
			require.Equal(t, 1, txs, "exactly one transaction accepted: no double submission")
			require.Equal(t, 1, inits)
			require.Equal(t, Stats{Txs: 1, Msgs: 1, Handshakes: 1}, r.Stats())
		})
	}
}

func TestExecuteSequenceMismatchRetriesOnlyOnce(t *testing.T) {
	h := newHarness(t)
	r, ps := h.connectedPath()
	// Another sender of the key wins every race.
	h.a.beforeCheck = func(n *fakeNode) { n.foreign++ }

	_, err := execA(r, ps, connOpenInit())
	require.ErrorContains(t, err, "account sequence mismatch")
	require.Len(t, h.a.sent(), 2, "one retry, not a loop")
	txs, _ := accepted(h.a)
	require.Zero(t, txs)
	require.Equal(t, 1, r.Stats().FailedTxs)
}

func TestExecuteRefusedTxStopsTheBatchButWaitsForSentOnes(t *testing.T) {
	h := newHarness(t)
	r, ps := h.connectedPath()
	h.a.checkTx = []outcome{{}, {code: sdkerrors.ErrInsufficientFee.ABCICode(), codespace: sdkerrors.RootCodespace, log: "insufficient fees"}}
	chanInit := Tx{Side: SideA, Actions: []Action{ChanOpenInit{
		PortID: "transfer", ConnectionID: "connection-0",
		CounterpartyPortID: "transfer", Ordering: channeltypes.UNORDERED, Version: "ics20-1",
	}}}

	height, err := execA(r, ps, connOpenInit(), chanInit, connOpenInit())

	require.ErrorContains(t, err, "tx refused (codespace sdk, code 13): insufficient fees")
	require.Len(t, h.a.sent(), 2, "nothing sent after the refusal, and the refused tx not retried")
	require.Equal(t, int64(11), height, "the first tx's block, so the next round waits for it")
	require.Positive(t, h.a.count("Tx"), "the first tx was waited for")
	require.Equal(t, 1, r.Stats().Txs)
	require.Equal(t, 1, r.Stats().FailedTxs)
}

func TestExecuteOutOfGasInBlock(t *testing.T) {
	h := newHarness(t)
	r, ps := h.connectedPath()
	h.a.deliverTx = []outcome{{code: sdkerrors.ErrOutOfGas.ABCICode(), codespace: sdkerrors.RootCodespace, log: "out of gas in location: WriteFlat"}}

	height, err := execA(r, ps, connOpenInit())

	require.ErrorContains(t, err, "ran out of gas at height 11 (used 150001 of 150000")
	require.Equal(t, int64(11), height, "its sequence is used: the next round must read above it")
	require.Zero(t, connections(h.a), "the message did not take effect")
	require.Equal(t, Stats{FailedTxs: 1}, r.Stats(), "not counted as relayed")
}

func TestExecuteWaitsForInclusionWhileTheNodeIsUnreachable(t *testing.T) {
	h := newHarness(t)
	r, ps := h.connectedPath()
	h.a.txDown = 3

	_, err := execA(r, ps, connOpenInit())
	require.NoError(t, err)
	require.Equal(t, []time.Duration{inclusionPoll, inclusionPoll, inclusionPoll}, h.clock.slept)
	require.Len(t, h.a.sent(), 1, "waiting never resends")
}

func TestExecuteGivesUpWaitingAfterTheInclusionTimeout(t *testing.T) {
	h := newHarness(t)
	r, ps := h.connectedPath()
	h.a.beforeCheck = func(n *fakeNode) { n.txDown = 1 << 20 }

	_, err := execA(r, ps, connOpenInit())
	require.ErrorContains(t, err, "not included after 1m0s")
	for _, d := range h.clock.slept {
		require.Equal(t, inclusionPoll, d, "a steady poll, no tight loop")
	}
	require.Len(t, h.clock.slept, int(inclusionTimeout/inclusionPoll)+1)
	require.Len(t, h.a.sent(), 1)
}
