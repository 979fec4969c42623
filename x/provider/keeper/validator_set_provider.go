package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// ProviderValidatorUpdates computes the provider's own CometBFT updates:
// the difference between the stored set and the first
// max_provider_consensus_validators bonded validators. It stores the new
// set, writing only the members that changed: this runs every block, and
// most blocks change nothing.
func (k *Keeper) ProviderValidatorUpdates(ctx sdk.Context) ([]abci.ValidatorUpdate, error) {
	current, err := k.lastProviderConsensusSet(ctx)
	if err != nil {
		return nil, err
	}
	next, err := k.ProviderConsensusSet(ctx)
	if err != nil {
		return nil, err
	}
	if err := k.writeLastProviderConsensusSet(ctx, current, next); err != nil {
		return nil, err
	}
	return DiffValidators(current, next), nil
}

func (k *Keeper) lastProviderConsensusSet(ctx sdk.Context) ([]types.ConsensusValidator, error) {
	var set []types.ConsensusValidator
	err := k.LastProviderConsensusVals.Walk(ctx, nil, func(_ []byte, v types.ConsensusValidator) (bool, error) {
		set = append(set, v)
		return false, nil
	})
	return set, err
}

// setLastProviderConsensusSet replaces the stored provider set.
func (k *Keeper) setLastProviderConsensusSet(ctx sdk.Context, set []types.ConsensusValidator) error {
	current, err := k.lastProviderConsensusSet(ctx)
	if err != nil {
		return err
	}
	return k.writeLastProviderConsensusSet(ctx, current, set)
}

// writeLastProviderConsensusSet turns the stored provider set, current,
// into next.
func (k *Keeper) writeLastProviderConsensusSet(ctx sdk.Context, current, next []types.ConsensusValidator) error {
	return writeSetChanges(current, next,
		func(v types.ConsensusValidator) error {
			return k.LastProviderConsensusVals.Set(ctx, v.ProviderConsAddr, v)
		},
		func(v types.ConsensusValidator) error {
			return k.LastProviderConsensusVals.Remove(ctx, v.ProviderConsAddr)
		})
}
