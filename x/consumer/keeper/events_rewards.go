package keeper

import (
	"strconv"

	sdk "github.com/cosmos/cosmos-sdk/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

// Reward events. fee_distribution, fee_transfer_channel_opened and the
// distribution attributes are the incumbent's names; the others are ours.
const (
	EventTypeFeeDistribution          = "fee_distribution"
	EventTypeFeeTransferFailed        = "fee_transfer_failed"
	EventTypeFeeTransferChannelOpened = "fee_transfer_channel_opened"

	AttributeDistributionCurrentHeight = "current_distribution_height"
	AttributeDistributionNextHeight    = "next_distribution_height"
	AttributeDistributionFraction      = "distribution_fraction"
	AttributeDistributionTotal         = "total"
	AttributeDistributionToProvider    = "provider_amount"
	AttributeDistributionMemo          = "memo"
	AttributeAmount                    = "amount"
)

// feeDistribution is what one transmission round did.
type feeDistribution struct {
	channelID string
	memo      string
	// total is the balance of cons_to_send_to_provider before the round;
	// sent is the part that left (allowed denoms whose transfer succeeded).
	total, sent sdk.Coins
}

// emitFeeDistribution records a transmission round on an open channel.
func emitFeeDistribution(ctx sdk.Context, params ccvtypes.ConsumerParams, d feeDistribution) {
	height := ctx.BlockHeight()
	ctx.EventManager().EmitEvent(sdk.NewEvent(
		EventTypeFeeDistribution,
		sdk.NewAttribute(sdk.AttributeKeyModule, types.ModuleName),
		sdk.NewAttribute(AttributeDistributionCurrentHeight, strconv.FormatInt(height, 10)),
		sdk.NewAttribute(AttributeDistributionNextHeight, strconv.FormatInt(height+params.BlocksPerDistributionTransmission, 10)),
		sdk.NewAttribute(AttributeDistributionFraction, params.ConsumerRedistributionFraction),
		sdk.NewAttribute(AttributeDistributionTotal, d.total.String()),
		sdk.NewAttribute(AttributeDistributionToProvider, d.sent.String()),
		sdk.NewAttribute(channeltypes.AttributeKeyChannelID, d.channelID),
		sdk.NewAttribute(AttributeDistributionMemo, d.memo),
	))
}

// emitFeeTransferFailed records a reward transfer that failed; its tokens
// stay in cons_to_send_to_provider.
func emitFeeTransferFailed(ctx sdk.Context, channelID string, coin sdk.Coin, err error) {
	ctx.EventManager().EmitEvent(sdk.NewEvent(
		EventTypeFeeTransferFailed,
		sdk.NewAttribute(sdk.AttributeKeyModule, types.ModuleName),
		sdk.NewAttribute(channeltypes.AttributeKeyChannelID, channelID),
		sdk.NewAttribute(AttributeAmount, coin.String()),
		sdk.NewAttribute(AttributeKeyAckError, err.Error()),
	))
}

// emitFeeTransferChannelOpened records that the consumer started the
// handshake of the distribution channel.
func emitFeeTransferChannelOpened(ctx sdk.Context, channelID string, connectionHops []string) {
	attrs := []sdk.Attribute{
		sdk.NewAttribute(sdk.AttributeKeyModule, types.ModuleName),
		sdk.NewAttribute(channeltypes.AttributeKeyChannelID, channelID),
		sdk.NewAttribute(channeltypes.AttributeKeyPortID, transfertypes.PortID),
	}
	if len(connectionHops) > 0 {
		attrs = append(attrs, sdk.NewAttribute(channeltypes.AttributeKeyConnectionID, connectionHops[0]))
	}
	ctx.EventManager().EmitEvent(sdk.NewEvent(EventTypeFeeTransferChannelOpened, attrs...))
}
