package keeper

import (
	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// The reward record is what makes rewards visible: per consumer and denom,
// and per validator, consumer and denom, the lifetime totals and the recent
// amounts. Recent amounts are kept in buckets of types.RewardsBucketBlocks
// blocks; the last types.RewardsWindowBuckets buckets are kept, so the
// record's size is bounded whatever the chain's age.

// rewardsBucket is the bucket a height's amounts go to.
func rewardsBucket(height int64) uint64 {
	if height < 0 {
		return 0
	}
	return uint64(height) / types.RewardsBucketBlocks
}

// oldestRewardsBucket is the first bucket of the window ending at height.
func oldestRewardsBucket(height int64) uint64 {
	current := rewardsBucket(height)
	if current < types.RewardsWindowBuckets-1 {
		return 0
	}
	return current - (types.RewardsWindowBuckets - 1)
}

// RewardsWindow returns the blocks the recent amounts cover at this height.
func RewardsWindow(ctx sdk.Context) exttypes.RewardsWindow {
	return exttypes.RewardsWindow{
		StartHeight:  int64(oldestRewardsBucket(ctx.BlockHeight()) * types.RewardsBucketBlocks),
		EndHeight:    ctx.BlockHeight(),
		BucketBlocks: types.RewardsBucketBlocks,
	}
}

// recordConsumerRewards adds amounts to a consumer's totals and current
// bucket.
func (k *Keeper) recordConsumerRewards(ctx sdk.Context, consumerID, denom string, add exttypes.ConsumerRewardAmounts) error {
	total, err := getOptional(ctx, k.ConsumerRewardsTotals, collections.Join(consumerID, denom))
	if err != nil {
		return err
	}
	if err := k.ConsumerRewardsTotals.Set(ctx, collections.Join(consumerID, denom), total.Add(add)); err != nil {
		return err
	}
	key := collections.Join3(rewardsBucket(ctx.BlockHeight()), consumerID, denom)
	bucket, err := getOptional(ctx, k.ConsumerRewardsBuckets, key)
	if err != nil {
		return err
	}
	return k.ConsumerRewardsBuckets.Set(ctx, key, bucket.Add(add))
}

// recordValidatorRewards adds amounts to a validator's totals and current
// bucket for one consumer.
func (k *Keeper) recordValidatorRewards(ctx sdk.Context, consAddr []byte, consumerID, denom string, add exttypes.ValidatorRewardAmounts) error {
	totalKey := collections.Join3(consAddr, consumerID, denom)
	total, err := getOptional(ctx, k.ValidatorRewardsTotals, totalKey)
	if err != nil {
		return err
	}
	if err := k.ValidatorRewardsTotals.Set(ctx, totalKey, total.Add(add)); err != nil {
		return err
	}
	key := collections.Join4(rewardsBucket(ctx.BlockHeight()), consAddr, consumerID, denom)
	bucket, err := getOptional(ctx, k.ValidatorRewardsBuckets, key)
	if err != nil {
		return err
	}
	return k.ValidatorRewardsBuckets.Set(ctx, key, bucket.Add(add))
}

// pruneRewardBuckets drops the buckets that have left the window.
func (k *Keeper) pruneRewardBuckets(ctx sdk.Context) error {
	oldest := oldestRewardsBucket(ctx.BlockHeight())
	if oldest == 0 {
		return nil
	}
	consumerRng := new(collections.Range[collections.Triple[uint64, string, string]]).
		EndExclusive(collections.TriplePrefix[uint64, string, string](oldest))
	if err := k.ConsumerRewardsBuckets.Clear(ctx, consumerRng); err != nil {
		return err
	}
	validatorRng := new(collections.Range[collections.Quad[uint64, []byte, string, string]]).
		EndExclusive(collections.QuadPrefix[uint64, []byte, string, string](oldest))
	return k.ValidatorRewardsBuckets.Clear(ctx, validatorRng)
}

// recentConsumerRewards sums a consumer's buckets in the window, by denom.
func (k *Keeper) recentConsumerRewards(ctx sdk.Context, consumerID string) (map[string]exttypes.ConsumerRewardAmounts, error) {
	sums := map[string]exttypes.ConsumerRewardAmounts{}
	for b := oldestRewardsBucket(ctx.BlockHeight()); b <= rewardsBucket(ctx.BlockHeight()); b++ {
		rng := collections.NewSuperPrefixedTripleRange[uint64, string, string](b, consumerID)
		err := k.ConsumerRewardsBuckets.Walk(ctx, rng, func(key collections.Triple[uint64, string, string], v exttypes.ConsumerRewardAmounts) (bool, error) {
			sums[key.K3()] = sums[key.K3()].Add(v)
			return false, nil
		})
		if err != nil {
			return nil, err
		}
	}
	return sums, nil
}

// consumerDenom keys a validator's rewards by consumer and denom.
type consumerDenom struct{ consumerID, denom string }

// recentValidatorRewards sums a validator's buckets in the window, by
// consumer and denom.
func (k *Keeper) recentValidatorRewards(ctx sdk.Context, consAddr []byte) (map[consumerDenom]exttypes.ValidatorRewardAmounts, error) {
	sums := map[consumerDenom]exttypes.ValidatorRewardAmounts{}
	for b := oldestRewardsBucket(ctx.BlockHeight()); b <= rewardsBucket(ctx.BlockHeight()); b++ {
		rng := collections.NewSuperPrefixedQuadRange[uint64, []byte, string, string](b, consAddr)
		err := k.ValidatorRewardsBuckets.Walk(ctx, rng, func(key collections.Quad[uint64, []byte, string, string], v exttypes.ValidatorRewardAmounts) (bool, error) {
			cd := consumerDenom{key.K3(), key.K4()}
			sums[cd] = sums[cd].Add(v)
			return false, nil
		})
		if err != nil {
			return nil, err
		}
	}
	return sums, nil
}
