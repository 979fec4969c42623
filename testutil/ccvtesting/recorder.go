package ccvtesting

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"
	"github.com/cosmos/ibc-go/v11/modules/core/exported"
)

// channelReader finds a channel's counterparty.
type channelReader interface {
	GetChannel(ctx sdk.Context, portID, channelID string) (channeltypes.Channel, bool)
}

// PacketRecorder is an ICS4 wrapper that passes packets to the real one and
// keeps a copy of each packet sent, so the test can relay it. Packets sent
// in Begin/EndBlock leave no trace in what ibctesting returns, so this is
// how a test sees them.
type PacketRecorder struct {
	inner    porttypes.ICS4Wrapper
	channels channelReader
	sent     []channeltypes.Packet
}

var _ porttypes.ICS4Wrapper = (*PacketRecorder)(nil)

// NewPacketRecorder wraps inner; channels resolves destinations.
func NewPacketRecorder(inner porttypes.ICS4Wrapper, channels channelReader) *PacketRecorder {
	return &PacketRecorder{inner: inner, channels: channels}
}

// SendPacket sends through the real wrapper and records the packet if the
// send succeeded.
func (r *PacketRecorder) SendPacket(ctx sdk.Context, sourcePort, sourceChannel string, timeoutHeight clienttypes.Height, timeoutTimestamp uint64, data []byte) (uint64, error) {
	seq, err := r.inner.SendPacket(ctx, sourcePort, sourceChannel, timeoutHeight, timeoutTimestamp, data)
	if err != nil {
		return 0, err
	}
	ch, _ := r.channels.GetChannel(ctx, sourcePort, sourceChannel)
	r.sent = append(r.sent, channeltypes.NewPacket(data, seq, sourcePort, sourceChannel,
		ch.Counterparty.PortId, ch.Counterparty.ChannelId, timeoutHeight, timeoutTimestamp))
	return seq, nil
}

// WriteAcknowledgement passes through.
func (r *PacketRecorder) WriteAcknowledgement(ctx sdk.Context, packet exported.PacketI, ack exported.Acknowledgement) error {
	return r.inner.WriteAcknowledgement(ctx, packet, ack)
}

// GetAppVersion passes through.
func (r *PacketRecorder) GetAppVersion(ctx sdk.Context, portID, channelID string) (string, bool) {
	return r.inner.GetAppVersion(ctx, portID, channelID)
}

// Take returns the packets recorded on a channel since the last Take, in
// the order they were sent, and forgets them. A packet sent in a block whose
// state was discarded (a failed tx) is not committed; callers relay only
// what the chain committed.
func (r *PacketRecorder) Take(sourceChannel string) []channeltypes.Packet {
	var taken, kept []channeltypes.Packet
	for _, p := range r.sent {
		if p.SourceChannel == sourceChannel {
			taken = append(taken, p)
		} else {
			kept = append(kept, p)
		}
	}
	r.sent = kept
	return taken
}
