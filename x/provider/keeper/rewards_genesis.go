package keeper

import (
	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// importRewards loads the global reward allowlist and the reward record.
// Allocation records travel with each consumer's state.
func (k *Keeper) importRewards(ctx sdk.Context, gs *types.GenesisState) error {
	for _, denom := range gs.RegisteredConsumerRewardDenoms {
		if err := k.RegisteredRewardDenoms.Set(ctx, denom); err != nil {
			return err
		}
	}
	h := gs.RewardsHistory
	for _, e := range h.ConsumerTotals {
		if err := k.ConsumerRewardsTotals.Set(ctx, collections.Join(e.ConsumerId, e.Denom), e.Amounts); err != nil {
			return err
		}
	}
	for _, e := range h.ConsumerBuckets {
		if err := k.ConsumerRewardsBuckets.Set(ctx, collections.Join3(e.Bucket, e.ConsumerId, e.Denom), e.Amounts); err != nil {
			return err
		}
	}
	for _, e := range h.ValidatorTotals {
		key := collections.Join3(e.ProviderConsAddr, e.ConsumerId, e.Denom)
		if err := k.ValidatorRewardsTotals.Set(ctx, key, e.Amounts); err != nil {
			return err
		}
	}
	for _, e := range h.ValidatorBuckets {
		key := collections.Join4(e.Bucket, e.ProviderConsAddr, e.ConsumerId, e.Denom)
		if err := k.ValidatorRewardsBuckets.Set(ctx, key, e.Amounts); err != nil {
			return err
		}
	}
	return nil
}

// exportRewards writes out the global reward allowlist and the reward
// record.
func (k *Keeper) exportRewards(ctx sdk.Context, gs *types.GenesisState) error {
	var err error
	if gs.RegisteredConsumerRewardDenoms, err = k.GetRegisteredRewardDenoms(ctx); err != nil {
		return err
	}
	h := &gs.RewardsHistory
	err = k.ConsumerRewardsTotals.Walk(ctx, nil, func(key collections.Pair[string, string], v exttypes.ConsumerRewardAmounts) (bool, error) {
		h.ConsumerTotals = append(h.ConsumerTotals, exttypes.ConsumerRewardsEntry{ConsumerId: key.K1(), Denom: key.K2(), Amounts: v})
		return false, nil
	})
	if err != nil {
		return err
	}
	err = k.ConsumerRewardsBuckets.Walk(ctx, nil, func(key collections.Triple[uint64, string, string], v exttypes.ConsumerRewardAmounts) (bool, error) {
		h.ConsumerBuckets = append(h.ConsumerBuckets, exttypes.ConsumerRewardsEntry{Bucket: key.K1(), ConsumerId: key.K2(), Denom: key.K3(), Amounts: v})
		return false, nil
	})
	if err != nil {
		return err
	}
	err = k.ValidatorRewardsTotals.Walk(ctx, nil, func(key collections.Triple[[]byte, string, string], v exttypes.ValidatorRewardAmounts) (bool, error) {
		h.ValidatorTotals = append(h.ValidatorTotals, exttypes.ValidatorRewardsEntry{
			ProviderConsAddr: key.K1(), ConsumerId: key.K2(), Denom: key.K3(), Amounts: v,
		})
		return false, nil
	})
	if err != nil {
		return err
	}
	return k.ValidatorRewardsBuckets.Walk(ctx, nil, func(key collections.Quad[uint64, []byte, string, string], v exttypes.ValidatorRewardAmounts) (bool, error) {
		h.ValidatorBuckets = append(h.ValidatorBuckets, exttypes.ValidatorRewardsEntry{
			Bucket: key.K1(), ProviderConsAddr: key.K2(), ConsumerId: key.K3(), Denom: key.K4(), Amounts: v,
		})
		return false, nil
	})
}
