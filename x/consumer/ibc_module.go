package consumer

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/keeper"
)

var (
	_ porttypes.IBCModule             = IBCModule{}
	_ porttypes.PacketDataUnmarshaler = IBCModule{}
)

// IBCModule is the consumer's end of the CCV channel. It checks channel
// parameters and decodes bytes; the keeper does the rest.
type IBCModule struct {
	keeper *keeper.Keeper
}

// NewIBCModule returns the consumer's IBC module, to route port "consumer".
func NewIBCModule(k *keeper.Keeper) IBCModule {
	return IBCModule{keeper: k}
}

// OnChanOpenInit accepts only the CCV channel: ORDERED, from port
// "consumer" to port "provider", version "1", on one connection over the
// provider client, while no CCV channel is established.
//
// Spec tag: [CCV-CCF-COINIT.1]
func (im IBCModule) OnChanOpenInit(
	ctx sdk.Context, order channeltypes.Order, connectionHops []string, portID, _ string,
	counterparty channeltypes.Counterparty, version string,
) (string, error) {
	if version == "" {
		version = ccvtypes.Version
	}
	if err := validateChannelParams(order, portID, counterparty.PortId, version); err != nil {
		return "", err
	}
	if err := im.keeper.VerifyChanOpenInit(ctx, connectionHops); err != nil {
		return "", err
	}
	return version, nil
}

func validateChannelParams(order channeltypes.Order, portID, counterpartyPortID, version string) error {
	switch {
	case order != ccvtypes.Order:
		return errorsmod.Wrapf(channeltypes.ErrInvalidChannelOrdering, "expected %s, got %s", ccvtypes.Order, order)
	case portID != ccvtypes.ConsumerPortID:
		return errorsmod.Wrapf(porttypes.ErrInvalidPort, "expected port %s, got %s", ccvtypes.ConsumerPortID, portID)
	case counterpartyPortID != ccvtypes.ProviderPortID:
		return errorsmod.Wrapf(porttypes.ErrInvalidPort, "expected counterparty port %s, got %s", ccvtypes.ProviderPortID, counterpartyPortID)
	case version != ccvtypes.Version:
		return errorsmod.Wrapf(ccvtypes.ErrInvalidVersion, "expected %q, got %q", ccvtypes.Version, version)
	}
	return nil
}

// OnChanOpenTry is refused: the consumer always initiates the handshake.
//
// Spec tag: [CCV-CCF-COTRY.1]
func (IBCModule) OnChanOpenTry(
	sdk.Context, channeltypes.Order, []string, string, string, channeltypes.Counterparty, string,
) (string, error) {
	return "", errorsmod.Wrap(ccvtypes.ErrInvalidChannelFlow, "channel handshake must be initiated by the consumer")
}

// OnChanOpenAck takes the provider's handshake metadata (proto-encoded in
// its version), stores its reward address and opens the reward transfer
// channel on the same connection.
//
// Spec tag: [CCV-CCF-COACK.1]
func (im IBCModule) OnChanOpenAck(ctx sdk.Context, _, channelID, _, counterpartyVersion string) error {
	return im.keeper.OnChanOpenAck(ctx, channelID, counterpartyVersion)
}

// OnChanOpenConfirm is refused: confirm happens on the provider.
//
// Spec tag: [CCV-CCF-COCONFIRM.1]
func (IBCModule) OnChanOpenConfirm(sdk.Context, string, string) error {
	return errorsmod.Wrap(ccvtypes.ErrInvalidChannelFlow, "channel handshake must be confirmed by the provider")
}

// OnChanCloseInit allows only closing a duplicate channel.
//
// Spec tag: [CCV-CCF-CCINIT.1]
func (im IBCModule) OnChanCloseInit(ctx sdk.Context, _, channelID string) error {
	return im.keeper.VerifyChanCloseInit(ctx, channelID)
}

// OnChanCloseConfirm has nothing to do: the consumer keeps running.
//
// Spec tag: [CCV-CCF-CCCONFIRM.1]
func (IBCModule) OnChanCloseConfirm(sdk.Context, string, string) error {
	return nil
}

// OnRecvPacket applies a VSC packet. Any failure, down to undecodable bytes,
// becomes an error acknowledgement; nothing here panics.
//
// Spec tag: [CCV-CCF-RCVP.1]
func (im IBCModule) OnRecvPacket(ctx sdk.Context, _ string, packet channeltypes.Packet, _ sdk.AccAddress) ibcexported.Acknowledgement {
	data, err := ccvtypes.UnmarshalValidatorSetChangePacketData(packet.GetData())
	if err == nil {
		err = im.keeper.OnRecvVSCPacket(ctx, packet, data)
	}
	keeper.EmitRecvPacket(ctx, data.ValsetUpdateId, err)
	if err != nil {
		im.keeper.Logger(ctx).Error("refused VSC packet", "channel", packet.DestinationChannel, "sequence", packet.Sequence, "error", err)
		return ccvtypes.NewErrorAck(err)
	}
	return ccvtypes.NewResultAck(ccvtypes.V1Result)
}

// OnAcknowledgementPacket handles the provider's answer to a consumer
// packet.
//
// Spec tag: [CCV-CCF-ACKP.1]
func (im IBCModule) OnAcknowledgementPacket(ctx sdk.Context, _ string, packet channeltypes.Packet, acknowledgement []byte, _ sdk.AccAddress) error {
	var ack channeltypes.Acknowledgement
	if err := channeltypes.SubModuleCdc.UnmarshalJSON(acknowledgement, &ack); err != nil {
		return errorsmod.Wrapf(ccvtypes.ErrInvalidPacketAck, "cannot decode acknowledgement: %s", err)
	}
	if err := ack.ValidateBasic(); err != nil {
		return errorsmod.Wrapf(ccvtypes.ErrInvalidPacketAck, "%s", err)
	}
	return im.keeper.OnAcknowledgementPacket(ctx, packet, ack)
}

// OnTimeoutPacket handles a consumer packet that timed out.
//
// Spec tag: [CCV-CCF-TOP.1]
func (im IBCModule) OnTimeoutPacket(ctx sdk.Context, _ string, packet channeltypes.Packet, _ sdk.AccAddress) error {
	return im.keeper.OnTimeoutPacket(ctx, packet)
}

// SetICS4Wrapper sets the wrapper the keeper sends packets through.
func (im IBCModule) SetICS4Wrapper(wrapper porttypes.ICS4Wrapper) {
	im.keeper.SetICS4Wrapper(wrapper)
}

// UnmarshalPacketData decodes VSC packet data for middleware above the
// consumer.
func (IBCModule) UnmarshalPacketData(_ sdk.Context, _, _ string, bz []byte) (any, string, error) {
	data, err := ccvtypes.UnmarshalValidatorSetChangePacketData(bz)
	if err != nil {
		return nil, "", err
	}
	return data, ccvtypes.Version, nil
}
