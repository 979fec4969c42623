package relayer_test

import (
	"math/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	"github.com/rampart-ics/rampart/relayer"
)

func TestPlanClients(t *testing.T) {
	tests := []struct {
		name      string
		malleate  func(s *relayer.Snapshot)
		want      []relayer.Tx
		wantNotes int
	}{
		{
			name: "an expired client stops the path, with a note",
			malleate: func(s *relayer.Snapshot) {
				s.B.Client.Status = "Expired"
				s.B.Channels[0].Unreceived = []channeltypes.Packet{vsc(1)}
			},
			wantNotes: 1,
		},
		{
			name:      "a missing client stops the path",
			malleate:  func(s *relayer.Snapshot) { s.A.Client = relayer.ClientView{} },
			wantNotes: 1,
		},
		{
			name: "a client already at the proof height is not updated",
			malleate: func(s *relayer.Snapshot) {
				s.A.Client.LatestHeight = 51
				s.B.Channels[0].Unreceived = []channeltypes.Packet{vsc(1)}
			},
			want: []relayer.Tx{{Side: relayer.SideA, Actions: recvs(1)}},
		},
		{
			name: "a client past the snapshot holds proof messages back",
			malleate: func(s *relayer.Snapshot) {
				s.A.Client.LatestHeight = 60
				s.B.Channels[0].Unreceived = []channeltypes.Packet{vsc(1)}
			},
			wantNotes: 1,
		},
		{
			name: "a client older than a third of its trusting period is refreshed on its own",
			malleate: func(s *relayer.Snapshot) {
				s.B.Time = t0.Add(25 * time.Minute)
			},
			want: []relayer.Tx{{Side: relayer.SideA, Actions: []relayer.Action{updateA}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := baseSnapshot()
			openCCV(&s)
			tc.malleate(&s)
			plan := relayer.MakePlan(s, ccvOpts)
			require.Equal(t, tc.want, plan.Txs)
			require.Len(t, plan.Notes, tc.wantNotes, "notes: %v", plan.Notes)
		})
	}
}

func TestPlanBatches(t *testing.T) {
	s := baseSnapshot()
	openCCV(&s)
	var seqs []uint64
	for i := uint64(1); i <= 120; i++ {
		s.B.Channels[0].Unreceived = append(s.B.Channels[0].Unreceived, vsc(i))
		seqs = append(seqs, i)
	}
	plan := relayer.MakePlan(s, relayer.Options{MaxMsgsPerTx: 50, Open: ccvOpts.Open})

	require.Len(t, plan.Txs, 3)
	var got []relayer.Action
	for _, tx := range plan.Txs {
		require.Equal(t, relayer.SideA, tx.Side)
		require.LessOrEqual(t, len(tx.Actions), 50)
		require.Equal(t, updateA, tx.Actions[0], "every tx carries the client update its proofs need")
		got = append(got, tx.Actions[1:]...)
	}
	require.Equal(t, []int{50, 50, 23}, []int{len(plan.Txs[0].Actions), len(plan.Txs[1].Actions), len(plan.Txs[2].Actions)})
	require.Equal(t, recvs(seqs...), got)
}

// The plan depends only on the snapshot's content, not on the order the
// executor happened to list channels, packets or connections in.
func TestPlanIsDeterministic(t *testing.T) {
	build := func(shuffle *rand.Rand) relayer.Snapshot {
		s := baseSnapshot()
		openCCV(&s)
		transferA := channel("transfer", "channel-1", channeltypes.OPEN, "connection-0", "transfer", "channel-8", "ics20-1")
		transferB := channel("transfer", "channel-8", channeltypes.OPEN, "connection-4", "transfer", "channel-1", "ics20-1")
		transferA.Ordering, transferB.Ordering = channeltypes.UNORDERED, channeltypes.UNORDERED
		s.A.Channels = append(s.A.Channels, transferA)
		s.B.Channels = append(s.B.Channels, transferB)
		s.B.Channels[0].Unreceived = []channeltypes.Packet{vsc(4), vsc(5), vsc(6)}
		s.A.Channels[0].Acks = []relayer.PacketAck{{Packet: vsc(1), Ack: []byte{1}}, {Packet: vsc(2), Ack: []byte{1}}}
		if shuffle != nil {
			shuffle.Shuffle(len(s.A.Channels), func(i, j int) { s.A.Channels[i], s.A.Channels[j] = s.A.Channels[j], s.A.Channels[i] })
			shuffle.Shuffle(len(s.B.Channels), func(i, j int) { s.B.Channels[i], s.B.Channels[j] = s.B.Channels[j], s.B.Channels[i] })
			for i := range s.B.Channels {
				pk := s.B.Channels[i].Unreceived
				shuffle.Shuffle(len(pk), func(i, j int) { pk[i], pk[j] = pk[j], pk[i] })
			}
			for i := range s.A.Channels {
				acks := s.A.Channels[i].Acks
				shuffle.Shuffle(len(acks), func(i, j int) { acks[i], acks[j] = acks[j], acks[i] })
			}
		}
		return s
	}
	want := relayer.MakePlan(build(nil), ccvOpts)
	require.Len(t, want.Txs, 2)
	for seed := int64(1); seed <= 20; seed++ {
		require.Equal(t, want, relayer.MakePlan(build(rand.New(rand.NewSource(seed))), ccvOpts), "seed %d", seed)
	}
}
