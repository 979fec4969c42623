package provider

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"
	"github.com/cosmos/ibc-go/v11/modules/core/exported"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/keeper"
)

// IBCModule is the provider end of CCV channels. Callbacks only route: the
// checks and packet logic live in the keeper (launch_handshake.go, relay.go).
// Spec tags refer to ICS-028 (cross-chain validation), methods.md.
type IBCModule struct {
	keeper *keeper.Keeper
}

var _ porttypes.IBCModule = IBCModule{}

// NewIBCModule returns the provider's IBC module.
func NewIBCModule(k *keeper.Keeper) IBCModule {
	return IBCModule{keeper: k}
}

// OnChanOpenInit is refused: the consumer opens CCV channels.
// Spec tag: [CCV-PCF-COINIT.1]
func (IBCModule) OnChanOpenInit(sdk.Context, channeltypes.Order, []string, string, string, channeltypes.Counterparty, string) (string, error) {
	return "", errorsmod.Wrap(ccv.ErrInvalidChannelFlow, "a CCV channel must be opened by the consumer chain")
}

// OnChanOpenTry checks the consumer's channel and answers with the
// handshake metadata.
// Spec tag: [CCV-PCF-COTRY.1]
func (m IBCModule) OnChanOpenTry(
	ctx sdk.Context,
	order channeltypes.Order,
	connectionHops []string,
	portID, _ string,
	counterparty channeltypes.Counterparty,
	counterpartyVersion string,
) (string, error) {
	return m.keeper.VerifyChanOpenTry(ctx, order, connectionHops, portID, counterparty, counterpartyVersion)
}

// OnChanOpenAck is refused: the provider never initiates.
// Spec tag: [CCV-PCF-COACK.1]
func (IBCModule) OnChanOpenAck(sdk.Context, string, string, string, string) error {
	return errorsmod.Wrap(ccv.ErrInvalidChannelFlow, "a CCV channel must be opened by the consumer chain")
}

// OnChanOpenConfirm records the channel and sends the consumer its first
// VSC packet.
// Spec tag: [CCV-PCF-COCONFIRM.1]
func (m IBCModule) OnChanOpenConfirm(ctx sdk.Context, _, channelID string) error {
	return m.keeper.SetConsumerChain(ctx, channelID)
}

// OnChanCloseInit is refused: closing a CCV channel would leave a consumer
// unsecured.
// Spec tag: [CCV-PCF-CCINIT.1]
func (IBCModule) OnChanCloseInit(sdk.Context, string, string) error {
	return errorsmod.Wrap(ccv.ErrInvalidChannelFlow, "a CCV channel cannot be closed by a user")
}

// OnChanCloseConfirm has nothing to do.
// Spec tag: [CCV-PCF-CCCONFIRM.1]
func (IBCModule) OnChanCloseConfirm(sdk.Context, string, string) error {
	return nil
}

// OnRecvPacket handles a consumer packet (slash request or the deprecated
// VSCMatured).
// Spec tag: [CCV-PCF-RCVP.1]
func (m IBCModule) OnRecvPacket(ctx sdk.Context, _ string, packet channeltypes.Packet, _ sdk.AccAddress) exported.Acknowledgement {
	return m.keeper.OnRecvConsumerPacket(ctx, packet)
}

// OnAcknowledgementPacket handles the consumer's answer to a VSC packet.
// Spec tag: [CCV-PCF-ACKP.1]
func (m IBCModule) OnAcknowledgementPacket(ctx sdk.Context, _ string, packet channeltypes.Packet, acknowledgement []byte, _ sdk.AccAddress) error {
	var ack channeltypes.Acknowledgement
	if err := ccv.ModuleCdc.UnmarshalJSON(acknowledgement, &ack); err != nil {
		return errorsmod.Wrapf(ccv.ErrInvalidPacketAck, "cannot decode acknowledgement: %s", err)
	}
	return m.keeper.OnAcknowledgementPacket(ctx, packet, ack)
}

// OnTimeoutPacket stops the consumer whose VSC packet timed out.
// Spec tag: [CCV-PCF-TOP.1]
func (m IBCModule) OnTimeoutPacket(ctx sdk.Context, _ string, packet channeltypes.Packet, _ sdk.AccAddress) error {
	return m.keeper.OnTimeoutPacket(ctx, packet)
}

// SetICS4Wrapper sets where the keeper sends packets.
func (m IBCModule) SetICS4Wrapper(wrapper porttypes.ICS4Wrapper) {
	m.keeper.SetICS4Wrapper(wrapper)
}
