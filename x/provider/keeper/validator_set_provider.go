package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// ProviderValidatorUpdates computes the provider's own CometBFT updates:
// the difference between the stored set and the first
// max_provider_consensus_validators bonded validators. It stores the new set.
func (k *Keeper) ProviderValidatorUpdates(ctx sdk.Context) ([]abci.ValidatorUpdate, error) {
	current, err := k.lastProviderConsensusSet(ctx)
	if err != nil {
		return nil, err
	}
	next, err := k.ProviderConsensusSet(ctx)
	if err != nil {
		return nil, err
	}
	if err := k.setLastProviderConsensusSet(ctx, next); err != nil {
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

func (k *Keeper) setLastProviderConsensusSet(ctx sdk.Context, set []types.ConsensusValidator) error {
	if err := k.LastProviderConsensusVals.Clear(ctx, nil); err != nil {
		return err
	}
	for _, v := range set {
		if err := k.LastProviderConsensusVals.Set(ctx, v.ProviderConsAddr, v); err != nil {
			return err
		}
	}
	return nil
}
