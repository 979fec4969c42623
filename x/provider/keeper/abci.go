package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	abci "github.com/cometbft/cometbft/abci/types"
)

// BeginBlock launches due consumers, deletes stopped consumers whose
// removal time has come, applies matured infraction parameter changes,
// replenishes the slash meter and allocates consumer rewards, in the
// incumbent's order.
func (k *Keeper) BeginBlock(ctx sdk.Context) error {
	if err := k.BeginBlockLaunchConsumers(ctx); err != nil {
		return err
	}
	if err := k.BeginBlockRemoveConsumers(ctx); err != nil {
		return err
	}
	if err := k.BeginBlockUpdateInfractionParameters(ctx); err != nil {
		return err
	}
	if err := k.BeginBlockReplenishSlashMeter(ctx); err != nil {
		return err
	}
	return k.BeginBlockRD(ctx)
}

// EndBlock dates the current valset update id, computes the provider's own
// validator updates and, at each epoch's end, the consumers' updates; then
// sends every queued VSC packet it can.
func (k *Keeper) EndBlock(ctx sdk.Context) ([]abci.ValidatorUpdate, error) {
	valsetUpdateID, err := k.ValsetUpdateID.Get(ctx)
	if err != nil {
		return nil, err
	}
	// Infractions the consumers report under this id happened on the set
	// that takes effect from the next block.
	if err := k.ValsetUpdateIDToHeight.Set(ctx, valsetUpdateID, uint64(ctx.BlockHeight()+1)); err != nil {
		return nil, err
	}
	if err := k.PruneKeyAssignments(ctx); err != nil {
		return nil, err
	}
	updates, err := k.ProviderValidatorUpdates(ctx)
	if err != nil {
		return nil, err
	}
	if k.IsEpochEnd(ctx) {
		if err := k.QueueVSCPackets(ctx); err != nil {
			return nil, err
		}
	}
	if err := k.SendPendingVSCPackets(ctx); err != nil {
		return nil, err
	}
	return updates, nil
}

// IsEpochEnd reports whether this block ends an epoch.
func (k *Keeper) IsEpochEnd(ctx sdk.Context) bool {
	return ctx.BlockHeight()%k.mustGetParams(ctx).BlocksPerEpoch == 0
}

// BlocksUntilNextEpoch returns how many blocks remain until the next epoch
// ends; 0 if this block ends one.
func (k *Keeper) BlocksUntilNextEpoch(ctx sdk.Context) uint64 {
	perEpoch := k.mustGetParams(ctx).BlocksPerEpoch
	return uint64((perEpoch - ctx.BlockHeight()%perEpoch) % perEpoch)
}
