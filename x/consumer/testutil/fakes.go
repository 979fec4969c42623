package testutil

import (
	"context"
	"slices"

	sdk "github.com/cosmos/cosmos-sdk/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"
	"github.com/cosmos/ibc-go/v11/modules/core/exported"
)

// SentPacket is a packet handed to FakeICS4Wrapper.
type SentPacket struct {
	Sequence         uint64
	Port, Channel    string
	TimeoutHeight    clienttypes.Height
	TimeoutTimestamp uint64
	Data             []byte
}

// FakeICS4Wrapper records the packets the consumer sends. While Err is set,
// every send fails with it and nothing is recorded.
type FakeICS4Wrapper struct {
	Sent []SentPacket
	Err  error
	next uint64
}

var _ porttypes.ICS4Wrapper = (*FakeICS4Wrapper)(nil)

// SendPacket records the packet under the next sequence.
func (w *FakeICS4Wrapper) SendPacket(_ sdk.Context, port, channel string, timeoutHeight clienttypes.Height,
	timeoutTimestamp uint64, data []byte,
) (uint64, error) {
	if w.Err != nil {
		return 0, w.Err
	}
	w.next++
	w.Sent = append(w.Sent, SentPacket{w.next, port, channel, timeoutHeight, timeoutTimestamp, data})
	return w.next, nil
}

// WriteAcknowledgement is not used by the consumer (acknowledgements are
// synchronous).
func (*FakeICS4Wrapper) WriteAcknowledgement(sdk.Context, exported.PacketI, exported.Acknowledgement) error {
	return nil
}

// GetAppVersion answers the CCV version.
func (*FakeICS4Wrapper) GetAppVersion(sdk.Context, string, string) (string, bool) { return "1", true }

// FakeSlashingHooks records the validators the consumer reports as bonded.
type FakeSlashingHooks struct {
	Bonded []sdk.ConsAddress
	Err    error
}

// AfterValidatorBonded records consAddr.
func (h *FakeSlashingHooks) AfterValidatorBonded(_ context.Context, consAddr sdk.ConsAddress, _ sdk.ValAddress) error {
	if h.Err != nil {
		return h.Err
	}
	h.Bonded = append(h.Bonded, consAddr)
	return nil
}

// FakeChannelKeeper answers that every channel is open and records the
// closes the consumer asks for.
type FakeChannelKeeper struct {
	Closed []string
}

// GetChannel returns an OPEN channel, CLOSED once closed.
func (k *FakeChannelKeeper) GetChannel(_ sdk.Context, _, channelID string) (channeltypes.Channel, bool) {
	if slices.Contains(k.Closed, channelID) {
		return channeltypes.Channel{State: channeltypes.CLOSED}, true
	}
	return channeltypes.Channel{State: channeltypes.OPEN}, true
}

// ChanCloseInit records the close.
func (k *FakeChannelKeeper) ChanCloseInit(_ sdk.Context, _, channelID string) error {
	k.Closed = append(k.Closed, channelID)
	return nil
}
