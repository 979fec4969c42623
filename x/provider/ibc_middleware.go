package provider

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"
	"github.com/cosmos/ibc-go/v11/modules/core/exported"

	"github.com/rampart-ics/rampart/x/provider/keeper"
)

// IBCMiddleware sits above the ICS-20 transfer app. Every callback goes
// to transfer unchanged; after transfer has received tokens for the
// consumer rewards pool, the provider books them under the consumer they
// came from. It never changes a transfer's outcome.
type IBCMiddleware struct {
	app    porttypes.IBCModule
	ics4   porttypes.ICS4Wrapper
	keeper *keeper.Keeper
}

var _ porttypes.Middleware = (*IBCMiddleware)(nil)

// NewIBCMiddleware wraps the transfer app. Packets the middleware is asked
// to send go to ics4 (the channel keeper).
func NewIBCMiddleware(app porttypes.IBCModule, ics4 porttypes.ICS4Wrapper, k *keeper.Keeper) *IBCMiddleware {
	return &IBCMiddleware{app: app, ics4: ics4, keeper: k}
}

// SetUnderlyingApplication sets the wrapped app.
func (im *IBCMiddleware) SetUnderlyingApplication(app porttypes.IBCModule) { im.app = app }

// SetICS4Wrapper sets where the middleware's sends go.
func (im *IBCMiddleware) SetICS4Wrapper(wrapper porttypes.ICS4Wrapper) { im.ics4 = wrapper }

// OnChanOpenInit passes through.
func (im *IBCMiddleware) OnChanOpenInit(ctx sdk.Context, order channeltypes.Order, hops []string, portID, channelID string,
	counterparty channeltypes.Counterparty, version string,
) (string, error) {
	return im.app.OnChanOpenInit(ctx, order, hops, portID, channelID, counterparty, version)
}

// OnChanOpenTry passes through.
func (im *IBCMiddleware) OnChanOpenTry(ctx sdk.Context, order channeltypes.Order, hops []string, portID, channelID string,
	counterparty channeltypes.Counterparty, counterpartyVersion string,
) (string, error) {
	return im.app.OnChanOpenTry(ctx, order, hops, portID, channelID, counterparty, counterpartyVersion)
}

// OnChanOpenAck passes through.
func (im *IBCMiddleware) OnChanOpenAck(ctx sdk.Context, portID, channelID, counterpartyChannelID, counterpartyVersion string) error {
	return im.app.OnChanOpenAck(ctx, portID, channelID, counterpartyChannelID, counterpartyVersion)
}

// OnChanOpenConfirm passes through.
func (im *IBCMiddleware) OnChanOpenConfirm(ctx sdk.Context, portID, channelID string) error {
	return im.app.OnChanOpenConfirm(ctx, portID, channelID)
}

// OnChanCloseInit passes through.
func (im *IBCMiddleware) OnChanCloseInit(ctx sdk.Context, portID, channelID string) error {
	return im.app.OnChanCloseInit(ctx, portID, channelID)
}

// OnChanCloseConfirm passes through.
func (im *IBCMiddleware) OnChanCloseConfirm(ctx sdk.Context, portID, channelID string) error {
	return im.app.OnChanCloseConfirm(ctx, portID, channelID)
}

// OnRecvPacket lets transfer receive the tokens; if it succeeded and the
// receiver is the consumer rewards pool, books them for their consumer.
func (im *IBCMiddleware) OnRecvPacket(ctx sdk.Context, channelVersion string, packet channeltypes.Packet, relayer sdk.AccAddress) exported.Acknowledgement {
	ack := im.app.OnRecvPacket(ctx, channelVersion, packet, relayer)
	if ack == nil || !ack.Success() {
		return ack
	}
	data, err := transfertypes.UnmarshalPacketData(packet.GetData(), channelVersion, "")
	if err != nil || !im.keeper.IsRewardsPool(data.Receiver) {
		return ack
	}
	im.keeper.OnRewardsReceived(ctx, packet, data)
	return ack
}

// OnAcknowledgementPacket passes through.
func (im *IBCMiddleware) OnAcknowledgementPacket(ctx sdk.Context, channelVersion string, packet channeltypes.Packet,
	acknowledgement []byte, relayer sdk.AccAddress,
) error {
	return im.app.OnAcknowledgementPacket(ctx, channelVersion, packet, acknowledgement, relayer)
}

// OnTimeoutPacket passes through.
func (im *IBCMiddleware) OnTimeoutPacket(ctx sdk.Context, channelVersion string, packet channeltypes.Packet, relayer sdk.AccAddress) error {
	return im.app.OnTimeoutPacket(ctx, channelVersion, packet, relayer)
}

// SendPacket passes through to the channel keeper.
func (im *IBCMiddleware) SendPacket(ctx sdk.Context, sourcePort, sourceChannel string, timeoutHeight clienttypes.Height,
	timeoutTimestamp uint64, data []byte,
) (uint64, error) {
	return im.ics4.SendPacket(ctx, sourcePort, sourceChannel, timeoutHeight, timeoutTimestamp, data)
}

// WriteAcknowledgement passes through to the channel keeper.
func (im *IBCMiddleware) WriteAcknowledgement(ctx sdk.Context, packet exported.PacketI, ack exported.Acknowledgement) error {
	return im.ics4.WriteAcknowledgement(ctx, packet, ack)
}

// GetAppVersion passes through to the channel keeper.
func (im *IBCMiddleware) GetAppVersion(ctx sdk.Context, portID, channelID string) (string, bool) {
	return im.ics4.GetAppVersion(ctx, portID, channelID)
}
