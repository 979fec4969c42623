package keeper

import (
	"strconv"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	"github.com/rampart-ics/rampart/x/consumer/types"
)

// Event types and attribute keys. The names are the incumbent's, so that
// indexers and relayers that watch for them keep working.
const (
	EventTypeChannelEstablished = "channel_established"
	EventTypePacket             = "ccv_packet"
	EventTypeTimeout            = "timeout"

	AttributeKeyAckSuccess     = "success"
	AttributeKeyAck            = "acknowledgement"
	AttributeKeyAckError       = "error"
	AttributeKeyValsetUpdateID = "valset_update_id"
)

// emitChannelEstablished records that the first VSC packet fixed the CCV
// channel.
func emitChannelEstablished(ctx sdk.Context, portID, channelID string) {
	ctx.EventManager().EmitEvent(sdk.NewEvent(
		EventTypeChannelEstablished,
		sdk.NewAttribute(sdk.AttributeKeyModule, types.ModuleName),
		sdk.NewAttribute(channeltypes.AttributeKeyChannelID, channelID),
		sdk.NewAttribute(channeltypes.AttributeKeyPortID, portID),
	))
}

// EmitRecvPacket records the outcome of a received VSC packet. vscID is 0
// when the packet could not be decoded.
func EmitRecvPacket(ctx sdk.Context, vscID uint64, ackErr error) {
	attrs := []sdk.Attribute{
		sdk.NewAttribute(sdk.AttributeKeyModule, types.ModuleName),
		sdk.NewAttribute(AttributeKeyValsetUpdateID, strconv.FormatUint(vscID, 10)),
		sdk.NewAttribute(AttributeKeyAckSuccess, strconv.FormatBool(ackErr == nil)),
	}
	if ackErr != nil {
		attrs = append(attrs, sdk.NewAttribute(AttributeKeyAckError, ackErr.Error()))
	}
	ctx.EventManager().EmitEvent(sdk.NewEvent(EventTypePacket, attrs...))
}

// emitAcknowledgement records the provider's answer to a consumer packet.
func emitAcknowledgement(ctx sdk.Context, ack channeltypes.Acknowledgement) {
	attrs := []sdk.Attribute{
		sdk.NewAttribute(sdk.AttributeKeyModule, types.ModuleName),
		sdk.NewAttribute(AttributeKeyAck, ack.String()),
	}
	if errMsg := ack.GetError(); errMsg != "" {
		attrs = append(attrs, sdk.NewAttribute(AttributeKeyAckError, errMsg))
	} else {
		attrs = append(attrs, sdk.NewAttribute(AttributeKeyAckSuccess, string(ack.GetResult())))
	}
	ctx.EventManager().EmitEvent(sdk.NewEvent(EventTypePacket, attrs...))
}

// emitTimeout records that a consumer packet timed out.
func emitTimeout(ctx sdk.Context, channelID string) {
	ctx.EventManager().EmitEvent(sdk.NewEvent(
		EventTypeTimeout,
		sdk.NewAttribute(sdk.AttributeKeyModule, types.ModuleName),
		sdk.NewAttribute(channeltypes.AttributeKeyChannelID, channelID),
	))
}

// Slash request event and attributes, named as the incumbent names them.
const (
	EventTypeConsumerSlashRequest = "consumer_slash_request"

	AttributeKeyValidatorAddress = "validator_address"
	AttributeKeyInfractionType   = "infraction_type"
	AttributeKeyInfractionHeight = "infraction_height"
)

// emitSlashRequest records that a slash packet was queued for the provider.
func emitSlashRequest(ctx sdk.Context, validator string, vscID uint64, infraction stakingtypes.Infraction, height int64) {
	ctx.EventManager().EmitEvent(sdk.NewEvent(
		EventTypeConsumerSlashRequest,
		sdk.NewAttribute(sdk.AttributeKeyModule, types.ModuleName),
		sdk.NewAttribute(AttributeKeyValidatorAddress, validator),
		sdk.NewAttribute(AttributeKeyValsetUpdateID, strconv.FormatUint(vscID, 10)),
		sdk.NewAttribute(AttributeKeyInfractionType, infraction.String()),
		sdk.NewAttribute(AttributeKeyInfractionHeight, strconv.FormatInt(height, 10)),
	))
}
