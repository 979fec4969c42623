package keeper

import (
	"slices"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// ChangeRewardDenoms adds and removes denoms of the global reward allowlist.
// Adding a denom already there, or removing one that is not, is logged and
// skipped.
func (k *Keeper) ChangeRewardDenoms(ctx sdk.Context, toAdd, toRemove []string) error {
	for _, denom := range toAdd {
		has, err := k.RegisteredRewardDenoms.Has(ctx, denom)
		if err != nil {
			return err
		}
		if has {
			k.Logger(ctx).Info("reward denom is already registered; skipped", "denom", denom)
			continue
		}
		if err := k.RegisteredRewardDenoms.Set(ctx, denom); err != nil {
			return err
		}
	}
	for _, denom := range toRemove {
		has, err := k.RegisteredRewardDenoms.Has(ctx, denom)
		if err != nil {
			return err
		}
		if !has {
			k.Logger(ctx).Info("reward denom is not registered; not removed", "denom", denom)
			continue
		}
		if err := k.RegisteredRewardDenoms.Remove(ctx, denom); err != nil {
			return err
		}
	}
	return nil
}

// GetRegisteredRewardDenoms returns the global reward allowlist, sorted.
func (k *Keeper) GetRegisteredRewardDenoms(ctx sdk.Context) ([]string, error) {
	var denoms []string
	err := k.RegisteredRewardDenoms.Walk(ctx, nil, func(denom string) (bool, error) {
		denoms = append(denoms, denom)
		return false, nil
	})
	return denoms, err
}

// AllowedRewardDenoms returns the denoms allocated for a consumer: the
// global list and the consumer's own, sorted and without duplicates.
func (k *Keeper) AllowedRewardDenoms(ctx sdk.Context, consumerID string) ([]string, error) {
	registered, err := k.GetRegisteredRewardDenoms(ctx)
	if err != nil {
		return nil, err
	}
	return k.withConsumerRewardDenoms(ctx, consumerID, registered)
}

// withConsumerRewardDenoms is AllowedRewardDenoms given the global list.
func (k *Keeper) withConsumerRewardDenoms(ctx sdk.Context, consumerID string, registered []string) ([]string, error) {
	own, err := getOptional(ctx, k.ConsumerRewardDenoms, consumerID)
	if err != nil {
		return nil, err
	}
	denoms := append(slices.Clone(registered), own.Denoms...)
	slices.Sort(denoms)
	return slices.Compact(denoms), nil
}
