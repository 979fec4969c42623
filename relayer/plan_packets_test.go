package relayer_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	"github.com/rampart-ics/rampart/relayer"
)

// openCCV gives the fixture an open connection and CCV channel:
// consumer/channel-0 on A, provider/channel-7 on B.
func openCCV(s *relayer.Snapshot) {
	openConnections(s)
	s.A.Channels = []relayer.ChannelView{channel("consumer", "channel-0", channeltypes.OPEN, "connection-0", "provider", "channel-7", "1")}
	s.B.Channels = []relayer.ChannelView{channel("provider", "channel-7", channeltypes.OPEN, "connection-4", "consumer", "channel-0", "meta")}
}

// vsc is a provider → consumer packet that times out an hour after t0.
func vsc(seq uint64) channeltypes.Packet {
	return channeltypes.Packet{
		Sequence: seq, SourcePort: "provider", SourceChannel: "channel-7",
		DestinationPort: "consumer", DestinationChannel: "channel-0",
		Data: []byte(`{"valset_update_id":"1"}`), TimeoutTimestamp: uint64(t0.Add(time.Hour).UnixNano()),
	}
}

func recvs(seqs ...uint64) []relayer.Action {
	var out []relayer.Action
	for _, s := range seqs {
		out = append(out, relayer.RecvPacket{Packet: vsc(s)})
	}
	return out
}

func TestPlanPackets(t *testing.T) {
	okAck := []byte(`{"result":"AQ=="}`)
	tests := []struct {
		name      string
		malleate  func(s *relayer.Snapshot)
		want      []relayer.Tx
		wantNotes int
	}{
		{
			name:     "nothing pending: nothing sent",
			malleate: func(*relayer.Snapshot) {},
		},
		{
			name: "VSC packets go to the consumer in sequence order, after a client update",
			malleate: func(s *relayer.Snapshot) {
				s.B.Channels[0].Unreceived = []channeltypes.Packet{vsc(3), vsc(2)}
			},
			want: []relayer.Tx{{Side: relayer.SideA, Actions: append([]relayer.Action{updateA}, recvs(2, 3)...)}},
		},
		{
			name: "acknowledgements written on the consumer go back to the provider",
			malleate: func(s *relayer.Snapshot) {
				s.A.Channels[0].Acks = []relayer.PacketAck{{Packet: vsc(2), Ack: okAck}, {Packet: vsc(1), Ack: okAck}}
			},
			want: []relayer.Tx{{Side: relayer.SideB, Actions: []relayer.Action{
				updateB,
				relayer.AckPacket{Packet: vsc(1), Ack: okAck},
				relayer.AckPacket{Packet: vsc(2), Ack: okAck},
			}}},
		},
		{
			name: "both directions in one round: one tx per chain",
			malleate: func(s *relayer.Snapshot) {
				s.B.Channels[0].Unreceived = []channeltypes.Packet{vsc(2)}
				s.A.Channels[0].Acks = []relayer.PacketAck{{Packet: vsc(1), Ack: okAck}}
			},
			want: []relayer.Tx{
				{Side: relayer.SideA, Actions: append([]relayer.Action{updateA}, recvs(2)...)},
				{Side: relayer.SideB, Actions: []relayer.Action{updateB, relayer.AckPacket{Packet: vsc(1), Ack: okAck}}},
			},
		},
		{
			name: "ordered channel: the first timed-out packet is timed out on the sender, the rest wait",
			malleate: func(s *relayer.Snapshot) {
				s.A.Time = t0.Add(2 * time.Hour)
				s.B.Channels[0].Unreceived = []channeltypes.Packet{vsc(1), vsc(2)}
			},
			want: []relayer.Tx{{Side: relayer.SideB, Actions: []relayer.Action{
				updateB, relayer.TimeoutPacket{Packet: vsc(1), Ordered: true},
			}}},
		},
		{
			name: "a timeout height reached on the receiver times the packet out",
			malleate: func(s *relayer.Snapshot) {
				p := vsc(1)
				p.TimeoutTimestamp = 0
				p.TimeoutHeight = clienttypes.NewHeight(1, 21)
				s.B.Channels[0].Unreceived = []channeltypes.Packet{p}
			},
			want: []relayer.Tx{{Side: relayer.SideB, Actions: []relayer.Action{
				updateB, relayer.TimeoutPacket{Packet: func() channeltypes.Packet {
					p := vsc(1)
					p.TimeoutTimestamp = 0
					p.TimeoutHeight = clienttypes.NewHeight(1, 21)
					return p
				}(), Ordered: true},
			}}},
		},
		{
			name: "ordered channel: a packet without data blocks the ones after it",
			malleate: func(s *relayer.Snapshot) {
				s.B.Channels[0].Unreceived = []channeltypes.Packet{vsc(1), vsc(3)}
				s.B.Channels[0].MissingData = []uint64{2}
			},
			want:      []relayer.Tx{{Side: relayer.SideA, Actions: append([]relayer.Action{updateA}, recvs(1)...)}},
			wantNotes: 1,
		},
		{
			name: "unordered channel: a packet without data is skipped",
			malleate: func(s *relayer.Snapshot) {
				s.B.Channels[0].Ordering = channeltypes.UNORDERED
				s.B.Channels[0].Unreceived = []channeltypes.Packet{vsc(1), vsc(3)}
				s.B.Channels[0].MissingData = []uint64{2}
			},
			want:      []relayer.Tx{{Side: relayer.SideA, Actions: append([]relayer.Action{updateA}, recvs(1, 3)...)}},
			wantNotes: 1,
		},
		{
			name: "the receiving end is closed: packets wait, no timeout before it is due",
			malleate: func(s *relayer.Snapshot) {
				s.A.Channels[0].State = channeltypes.CLOSED
				s.B.Channels[0].Unreceived = []channeltypes.Packet{vsc(1)}
			},
			wantNotes: 1,
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
