package keeper

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
)

// openDistributionChannel starts the ICS-20 channel rewards are sent on,
// unless distribution_transmission_channel names a channel that exists: an
// UNORDERED "transfer" channel, version ics20-1, on the CCV channel's
// connection, as the incumbent consumer opens it when the CCV handshake
// reaches ChanOpenAck (see Rewards in x/consumer/README.md). Core's
// ChanOpenInit runs the transfer module's checks and writes the channel; a
// relayer completes the handshake. Should that fail, the CCV handshake
// still goes on: rewards then wait in cons_to_send_to_provider until
// governance names a channel.
func (k *Keeper) openDistributionChannel(ctx sdk.Context, ccvChannelID string) error {
	params, err := k.GetConsumerParams(ctx)
	if err != nil {
		return err
	}
	if id := params.DistributionTransmissionChannel; id != "" {
		if _, found := k.channelKeeper.GetChannel(ctx, transfertypes.PortID, id); found {
			return nil
		}
	}
	ccvChannel, found := k.channelKeeper.GetChannel(ctx, ccvtypes.ConsumerPortID, ccvChannelID)
	if !found {
		return errorsmod.Wrapf(ccvtypes.ErrChannelNotFound, "CCV channel %s", ccvChannelID)
	}
	msg := channeltypes.NewMsgChannelOpenInit(transfertypes.PortID, transfertypes.V1, channeltypes.UNORDERED,
		ccvChannel.ConnectionHops, transfertypes.PortID, "")
	var channelID string
	err = k.runCached(ctx, func(c sdk.Context) error {
		res, err := k.channelOpenInitiator.ChannelOpenInit(c, msg)
		if err == nil {
			channelID = res.ChannelId
		}
		return err
	})
	if err != nil {
		k.Logger(ctx).Error("opening the distribution transfer channel failed; set distribution_transmission_channel by governance",
			"connection_hops", ccvChannel.ConnectionHops, "error", err)
		return nil
	}
	params.DistributionTransmissionChannel = channelID
	if err := k.Params.Set(ctx, params); err != nil {
		return err
	}
	k.Logger(ctx).Info("distribution transfer channel opened", "channel", channelID)
	emitEvent(ctx, EventFeeTransferChannelOpened{ChannelID: channelID, ConnectionHops: ccvChannel.ConnectionHops})
	return nil
}
