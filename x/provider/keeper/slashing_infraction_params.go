package keeper

import (
	"bytes"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// A launched consumer's validators agreed to the punishments in force when
// they started validating it. A change therefore waits one provider
// unbonding period, long enough for anyone who disagrees to unbond before
// it applies.

// updateInfractionParameters applies an owner's new punishments: at once
// before launch, after one provider unbonding period once launched.
func (k *Keeper) updateInfractionParameters(ctx sdk.Context, consumerID string, prelaunched bool, update types.InfractionParameters) error {
	current, err := k.ConsumerInfractionParams.Get(ctx, consumerID)
	if err != nil {
		return err
	}
	next := overrideInfractionParameters(current, update)
	if prelaunched {
		return k.ConsumerInfractionParams.Set(ctx, consumerID, next)
	}
	return k.QueueInfractionParameters(ctx, consumerID, current, next)
}

// QueueInfractionParameters schedules next to replace a launched consumer's
// current parameters one provider unbonding period from now, replacing any
// change already queued. Submitting the current parameters cancels the
// queued change.
func (k *Keeper) QueueInfractionParameters(ctx sdk.Context, consumerID string, current, next types.InfractionParameters) error {
	cancelled, err := k.cancelQueuedInfractionParameters(ctx, consumerID)
	if err != nil {
		return err
	}
	same, err := k.sameInfractionParameters(current, next)
	if err != nil {
		return err
	}
	if same {
		if cancelled != nil {
			emitEvent(ctx, EventInfractionParamsQueued{ConsumerID: consumerID, ApplyTime: cancelled.ApplyTime, Cancelled: true})
		}
		return nil
	}
	unbonding, err := k.stakingKeeper.UnbondingTime(ctx)
	if err != nil {
		return err
	}
	queued := types.QueuedInfractionParameters{Parameters: &next, ApplyTime: ctx.BlockTime().Add(unbonding)}
	if err := k.setQueuedInfractionParameters(ctx, consumerID, queued); err != nil {
		return err
	}
	emitEvent(ctx, EventInfractionParamsQueued{ConsumerID: consumerID, ApplyTime: queued.ApplyTime, Cancelled: false})
	return nil
}

func (k *Keeper) setQueuedInfractionParameters(ctx sdk.Context, consumerID string, queued types.QueuedInfractionParameters) error {
	if err := k.QueuedInfractionParams.Set(ctx, consumerID, queued); err != nil {
		return err
	}
	return k.InfractionParamsQueue.Set(ctx, collections.Join(queued.ApplyTime, consumerID))
}

// cancelQueuedInfractionParameters drops a consumer's queued change and
// returns it; nil if there was none.
func (k *Keeper) cancelQueuedInfractionParameters(ctx sdk.Context, consumerID string) (*types.QueuedInfractionParameters, error) {
	queued, err := k.QueuedInfractionParams.Get(ctx, consumerID)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if err := k.InfractionParamsQueue.Remove(ctx, collections.Join(queued.ApplyTime, consumerID)); err != nil {
		return nil, err
	}
	return &queued, k.QueuedInfractionParams.Remove(ctx, consumerID)
}

// sameInfractionParameters compares by encoding: the parameters hold
// decimals, whose in-memory forms may differ for equal values.
func (k *Keeper) sameInfractionParameters(a, b types.InfractionParameters) (bool, error) {
	ab, err := k.cdc.Marshal(&a)
	if err != nil {
		return false, err
	}
	bb, err := k.cdc.Marshal(&b)
	if err != nil {
		return false, err
	}
	return bytes.Equal(ab, bb), nil
}

// BeginBlockUpdateInfractionParameters applies the queued changes whose
// time has come, at most MaxItemsPerBlock per block. One consumer's failure
// is logged and does not stop the others.
func (k *Keeper) BeginBlockUpdateInfractionParameters(ctx sdk.Context) error {
	due, err := k.popDue(ctx, k.InfractionParamsQueue)
	if err != nil {
		return err
	}
	for _, consumerID := range due {
		err := k.runIsolated(ctx, "apply infraction parameters of consumer "+consumerID, func(ctx sdk.Context) error {
			return k.applyQueuedInfractionParameters(ctx, consumerID)
		})
		if err != nil {
			k.Logger(ctx).Error("queued infraction parameters not applied", "consumer_id", consumerID, "error", err)
		}
	}
	return nil
}

func (k *Keeper) applyQueuedInfractionParameters(ctx sdk.Context, consumerID string) error {
	queued, err := k.QueuedInfractionParams.Get(ctx, consumerID)
	if err != nil {
		return err
	}
	if err := k.QueuedInfractionParams.Remove(ctx, consumerID); err != nil {
		return err
	}
	if queued.Parameters == nil {
		return nil
	}
	if err := k.ConsumerInfractionParams.Set(ctx, consumerID, *queued.Parameters); err != nil {
		return err
	}
	emitEvent(ctx, EventInfractionParamsApplied{ConsumerID: consumerID})
	return nil
}

// deleteQueuedInfractionParameters is part of a consumer's deletion.
func (k *Keeper) deleteQueuedInfractionParameters(ctx sdk.Context, consumerID string) error {
	_, err := k.cancelQueuedInfractionParameters(ctx, consumerID)
	return err
}
