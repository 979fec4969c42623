package keeper

import (
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// StopConsumer stops securing a consumer: it is no longer sent validator
// updates, and its state is deleted one provider unbonding period later, so
// that evidence of what its validators did can still be acted on.
func (k *Keeper) StopConsumer(ctx sdk.Context, consumerID string) error {
	unbonding, err := k.stakingKeeper.UnbondingTime(ctx)
	if err != nil {
		return err
	}
	removalTime := ctx.BlockTime().Add(unbonding)
	if err := k.setConsumerPhase(ctx, consumerID, types.CONSUMER_PHASE_STOPPED); err != nil {
		return err
	}
	if err := k.RemovalTime.Set(ctx, consumerID, removalTime); err != nil {
		return err
	}
	return k.RemovalTimeQueue.Set(ctx, collections.Join(removalTime, consumerID))
}

// stopConsumerFor stops a consumer because of a fault, logging and emitting
// the reason.
func (k *Keeper) stopConsumerFor(ctx sdk.Context, consumerID, reason string) error {
	phase, err := k.consumerPhase(ctx, consumerID)
	if err != nil || phase != types.CONSUMER_PHASE_LAUNCHED {
		return err
	}
	k.Logger(ctx).Error("stopping consumer", "consumer_id", consumerID, "reason", reason)
	if err := k.StopConsumer(ctx, consumerID); err != nil {
		return err
	}
	emitEvent(ctx, EventConsumerStopped{ConsumerID: consumerID, Reason: reason})
	return nil
}

// BeginBlockRemoveConsumers deletes the stopped consumers whose removal time
// has come. A failure is logged and leaves that consumer stopped.
func (k *Keeper) BeginBlockRemoveConsumers(ctx sdk.Context) error {
	due, err := k.popDue(ctx, k.RemovalTimeQueue)
	if err != nil {
		return err
	}
	for _, consumerID := range due {
		err := k.runIsolated(ctx, "delete consumer "+consumerID, func(ctx sdk.Context) error {
			return k.DeleteConsumer(ctx, consumerID)
		})
		if err != nil {
			k.Logger(ctx).Error("consumer deletion failed", "consumer_id", consumerID, "error", err)
		}
	}
	return nil
}

// DeleteConsumer removes a stopped consumer's state. What explorers show
// (chain id, owner, metadata, parameters, phase) is kept.
func (k *Keeper) DeleteConsumer(ctx sdk.Context, consumerID string) error {
	if err := k.closeConsumerChannel(ctx, consumerID); err != nil {
		return err
	}
	if clientID, err := k.ConsumerClientID.Get(ctx, consumerID); err == nil {
		if err := k.ClientIDToConsumerID.Remove(ctx, clientID); err != nil {
			return err
		}
	}
	removals := []func() error{
		func() error { return k.ConsumerClientID.Remove(ctx, consumerID) },
		func() error { return k.ConsumerGenesis.Remove(ctx, consumerID) },
		func() error { return k.InitChainHeight.Remove(ctx, consumerID) },
		func() error { return k.PendingVSCPackets.Remove(ctx, consumerID) },
		func() error { return k.EquivocationEvidenceMinHeight.Remove(ctx, consumerID) },
		func() error { return k.deleteHandledEvidence(ctx, consumerID) },
		func() error { return k.RemovalTime.Remove(ctx, consumerID) },
		func() error { return k.deleteConsumerValSet(ctx, consumerID) },
		func() error { return k.deleteConsumerKeyAssignments(ctx, consumerID) },
		func() error { return k.deleteConsumerCommissionRates(ctx, consumerID) },
		func() error { return k.deleteOptInState(ctx, consumerID) },
		func() error { return k.SlashAcks.Remove(ctx, consumerID) },
		func() error { return k.deleteQueuedInfractionParameters(ctx, consumerID) },
		func() error { return k.setConsumerPhase(ctx, consumerID, types.CONSUMER_PHASE_DELETED) },
	}
	for _, remove := range removals {
		if err := remove(); err != nil && !errors.Is(err, collections.ErrNotFound) {
			return err
		}
	}
	emitEvent(ctx, EventConsumerDeleted{ConsumerID: consumerID})
	return nil
}

// closeConsumerChannel forgets the consumer's channel and closes it unless
// it is closed already (an ordered channel closes on a timeout).
func (k *Keeper) closeConsumerChannel(ctx sdk.Context, consumerID string) error {
	channelID, err := k.ConsumerChannelID.Get(ctx, consumerID)
	if errors.Is(err, collections.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if ch, found := k.channelKeeper.GetChannel(ctx, ccv.ProviderPortID, channelID); found && ch.State != channeltypes.CLOSED {
		if err := k.channelKeeper.ChanCloseInit(ctx, ccv.ProviderPortID, channelID); err != nil {
			k.Logger(ctx).Error("cannot close consumer channel", "consumer_id", consumerID, "channel_id", channelID, "error", err)
		}
	}
	if err := k.ChannelIDToConsumerID.Remove(ctx, channelID); err != nil {
		return err
	}
	return k.ConsumerChannelID.Remove(ctx, consumerID)
}
