package relayer_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/rampart-ics/rampart/relayer"
)

func event(typ string, kv ...string) abci.Event {
	ev := abci.Event{Type: typ}
	for i := 0; i+1 < len(kv); i += 2 {
		ev.Attributes = append(ev.Attributes, abci.EventAttribute{Key: kv[i], Value: kv[i+1], Index: true})
	}
	return ev
}

func TestParsePacketEvent(t *testing.T) {
	common := []string{
		"packet_data_hex", "7b7d", "packet_timeout_height", "1-250", "packet_timeout_timestamp", "1700000000000000000",
		"packet_sequence", "7", "packet_src_port", "provider", "packet_src_channel", "channel-0",
		"packet_dst_port", "consumer", "packet_dst_channel", "channel-3",
	}
	want := channeltypes.Packet{
		Sequence: 7, SourcePort: "provider", SourceChannel: "channel-0", DestinationPort: "consumer",
		DestinationChannel: "channel-3", Data: []byte("{}"), TimeoutHeight: clienttypes.NewHeight(1, 250),
		TimeoutTimestamp: 1_700_000_000_000_000_000,
	}
	tests := []struct {
		name    string
		ev      abci.Event
		want    relayer.PacketAck
		wantErr string
	}{
		{
			name: "send_packet",
			ev:   event("send_packet", common...),
			want: relayer.PacketAck{Packet: want},
		},
		{
			name: "write_acknowledgement carries the ack bytes",
			ev:   event("write_acknowledgement", append(common, "packet_ack_hex", "7b22726573756c74223a2241513d3d227d")...),
			want: relayer.PacketAck{Packet: want, Ack: []byte(`{"result":"AQ=="}`)},
		},
		{
			name:    "a sequence that is not a number",
			ev:      event("send_packet", append(append([]string{}, common...)[:6], "packet_sequence", "x")...),
			wantErr: "sequence",
		},
		{
			name:    "data that is not hex",
			ev:      event("send_packet", append([]string{"packet_data_hex", "zz"}, common[2:]...)...),
			wantErr: "data",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := relayer.ParsePacketEvent(tc.ev)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}
