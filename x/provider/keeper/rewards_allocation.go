package keeper

import (
	"fmt"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// BeginBlockRD prunes the reward record and, from height 2 on, allocates
// the consumers' rewards (block flow step 5).
func (k *Keeper) BeginBlockRD(ctx sdk.Context) error {
	if err := k.pruneRewardBuckets(ctx); err != nil {
		return err
	}
	if ctx.BlockHeight() <= 1 {
		return nil
	}
	return k.AllocateConsumerRewards(ctx)
}

// AllocateConsumerRewards allocates, for every consumer with a client, each
// allowlisted denom of its allocation record. Each (consumer, denom) runs
// isolated: a failure leaves that record as it was, to be retried at the
// next block, and says why in an event.
func (k *Keeper) AllocateConsumerRewards(ctx sdk.Context) error {
	var ids []string
	err := k.ConsumerClientID.Walk(ctx, nil, func(id, _ string) (bool, error) {
		ids = append(ids, id)
		return false, nil
	})
	if err != nil {
		return err
	}
	registered, err := k.GetRegisteredRewardDenoms(ctx)
	if err != nil {
		return err
	}
	vals := newStakingValidators(k)
	for _, id := range ids {
		if err := k.allocateConsumer(ctx, id, registered, vals); err != nil {
			return err
		}
	}
	return k.releaseDeletedConsumersRewards(ctx)
}

// releaseDeletedConsumersRewards sends what a deleted consumer still has in
// its record (it has no validators left to pay) to the community pool, in
// whole tokens and whatever the denom, rather than leave it in the rewards
// pool forever.
func (k *Keeper) releaseDeletedConsumersRewards(ctx sdk.Context) error {
	var ids []string
	err := k.ConsumerRewardsAllocation.Walk(ctx, nil, func(id string, _ types.ConsumerRewardsAllocation) (bool, error) {
		phase, err := k.consumerPhase(ctx, id)
		if phase == types.CONSUMER_PHASE_DELETED {
			ids = append(ids, id)
		}
		return err != nil, err
	})
	if err != nil {
		return err
	}
	for _, id := range ids {
		alloc, err := k.ConsumerRewardsAllocation.Get(ctx, id)
		if err != nil {
			return err
		}
		for _, c := range alloc.Rewards {
			if !c.Amount.TruncateInt().IsPositive() {
				continue
			}
			denom := c.Denom
			err := k.runIsolated(ctx, "releasing deleted consumer "+id+" rewards in "+denom, func(ctx sdk.Context) error {
				current, err := k.ConsumerRewardsAllocation.Get(ctx, id)
				if err != nil {
					return err
				}
				return k.settleConsumerDenom(ctx, id, denom, current, math.ZeroInt(), current.Rewards.AmountOf(denom).TruncateInt())
			})
			if err != nil {
				emitEvent(ctx, EventRewardsAllocationFailed{ConsumerID: id, Denom: denom, Err: err})
			}
		}
	}
	return nil
}

// allocateConsumer allocates one consumer's record; registered is the
// global reward allowlist, read once per block.
func (k *Keeper) allocateConsumer(ctx sdk.Context, consumerID string, registered []string, vals *stakingValidators) error {
	alloc, err := getOptional(ctx, k.ConsumerRewardsAllocation, consumerID)
	if err != nil || alloc.Rewards.IsZero() {
		return err
	}
	allowed, err := k.withConsumerRewardDenoms(ctx, consumerID, registered)
	if err != nil {
		return err
	}
	for _, denom := range allowed {
		if !alloc.Rewards.AmountOf(denom).IsPositive() {
			continue
		}
		what := fmt.Sprintf("allocating consumer %s rewards in %s", consumerID, denom)
		err := k.runIsolated(ctx, what, func(ctx sdk.Context) error {
			return k.allocateConsumerDenom(ctx, consumerID, denom, vals)
		})
		if err != nil {
			k.Logger(ctx).Error("consumer rewards kept for the next block", "consumer_id", consumerID, "denom", denom, "error", err)
			emitEvent(ctx, EventRewardsAllocationFailed{ConsumerID: consumerID, Denom: denom, Err: err})
		}
	}
	return nil
}

// rewardRecipient is a consumer validator that receives rewards now.
type rewardRecipient struct {
	val      stakingtypes.Validator
	consAddr []byte
	power    int64
}

// allocateConsumerDenom splits one denom of a consumer's record: the
// community tax share to the community pool, the rest to the consumer's
// eligible validators by power, each in whole tokens so that what leaves
// the pool is exactly what the record loses. What cannot be split (dust)
// stays in the record. With no validator in the set at all, everything
// goes to the community pool; with validators but none eligible yet,
// everything waits for them.
func (k *Keeper) allocateConsumerDenom(ctx sdk.Context, consumerID, denom string, vals *stakingValidators) error {
	alloc, err := getOptional(ctx, k.ConsumerRewardsAllocation, consumerID)
	if err != nil {
		return err
	}
	amount := alloc.Rewards.AmountOf(denom)
	set, err := k.GetConsumerValSet(ctx, consumerID)
	if err != nil {
		return err
	}
	if len(set) == 0 {
		return k.settleConsumerDenom(ctx, consumerID, denom, alloc, math.ZeroInt(), amount.TruncateInt())
	}
	recipients, totalPower, err := k.rewardRecipients(ctx, consumerID, set, vals)
	if err != nil || totalPower == 0 {
		return err
	}
	tax, err := k.distrKeeper.GetCommunityTax(ctx)
	if err != nil {
		return err
	}
	validatorsShare := amount.MulTruncate(math.LegacyOneDec().Sub(tax))
	toValidators := validatorsShare.TruncateInt()
	shares := make([]math.Int, len(recipients))
	distributed := math.ZeroInt()
	for i, r := range recipients {
		shares[i] = toValidators.MulRaw(r.power).QuoRaw(totalPower)
		distributed = distributed.Add(shares[i])
	}
	if distributed.IsPositive() {
		coins := sdk.NewCoins(sdk.NewCoin(denom, distributed))
		if err := k.bankKeeper.SendCoinsFromModuleToModule(ctx, ccv.ConsumerRewardsPool, distrtypes.ModuleName, coins); err != nil {
			return err
		}
	}
	for i, r := range recipients {
		if err := k.payValidator(ctx, consumerID, denom, r, shares[i]); err != nil {
			return err
		}
	}
	return k.settleConsumerDenom(ctx, consumerID, denom, alloc, distributed, amount.Sub(validatorsShare).TruncateInt())
}

// stakingValidators looks validators up in x/staking by consensus address
// at most once per block. Allocation only reads x/staking, and the same
// validators secure most consumers: with 50 consumers of 200 validators
// this is 200 lookups a block instead of 10,000.
type stakingValidators struct {
	k     *Keeper
	found map[string]stakingLookup
}

type stakingLookup struct {
	val stakingtypes.Validator
	err error
}

func newStakingValidators(k *Keeper) *stakingValidators {
	return &stakingValidators{k: k, found: map[string]stakingLookup{}}
}

// get returns what x/staking answered for the address, asking it the
// first time.
func (s *stakingValidators) get(ctx sdk.Context, consAddr []byte) (stakingtypes.Validator, error) {
	if l, ok := s.found[string(consAddr)]; ok {
		return l.val, l.err
	}
	val, err := s.k.stakingKeeper.GetValidatorByConsAddr(ctx, consAddr)
	s.found[string(consAddr)] = stakingLookup{val, err}
	return val, err
}

// rewardRecipients returns the validators of a consumer's set that have
// been in it long enough, with their staking record and the sum of their
// powers. A validator staking no longer knows is left out.
func (k *Keeper) rewardRecipients(ctx sdk.Context, consumerID string, set []types.ConsensusValidator, vals *stakingValidators) ([]rewardRecipient, int64, error) {
	params := k.mustGetParams(ctx)
	wait := params.NumberOfEpochsToStartReceivingRewards * params.BlocksPerEpoch
	rates, err := k.consumerCommissionRates(ctx, consumerID)
	if err != nil {
		return nil, 0, err
	}
	var (
		recipients []rewardRecipient
		total      int64
	)
	for _, cv := range set {
		if cv.Power <= 0 || ctx.BlockHeight()-cv.JoinHeight < wait {
			continue
		}
		val, err := vals.get(ctx, cv.ProviderConsAddr)
		if err != nil {
			k.Logger(ctx).Info("consumer validator unknown to staking gets no rewards", "consumer_id", consumerID,
				"provider_cons_addr", sdk.ConsAddress(cv.ProviderConsAddr).String())
			continue
		}
		// The validator's commission for this consumer if it set one, else
		// its provider commission.
		if rate, ok := rates[string(cv.ProviderConsAddr)]; ok {
			val.Commission.Rate = rate
		}
		recipients = append(recipients, rewardRecipient{val: val, consAddr: cv.ProviderConsAddr, power: cv.Power})
		total += cv.Power
	}
	return recipients, total, nil
}

// consumerCommissionRates returns the commissions validators set for a
// consumer, by provider consensus address: one prefix walk instead of one
// (mostly missing) read per validator.
func (k *Keeper) consumerCommissionRates(ctx sdk.Context, consumerID string) (map[string]math.LegacyDec, error) {
	rates := map[string]math.LegacyDec{}
	rng := collections.NewPrefixedPairRange[string, []byte](consumerID)
	err := k.ConsumerCommissionRate.Walk(ctx, rng, func(key collections.Pair[string, []byte], rate math.LegacyDec) (bool, error) {
		rates[string(key.K2())] = rate
		return false, nil
	})
	return rates, err
}

// payValidator credits a validator's share in x/distribution, whose
// commission split uses the rate set on the validator value (the consumer
// commission, see rewardRecipients), and records it.
func (k *Keeper) payValidator(ctx sdk.Context, consumerID, denom string, r rewardRecipient, share math.Int) error {
	if !share.IsPositive() {
		return nil
	}
	tokens := sdk.NewDecCoins(sdk.NewDecCoin(denom, share))
	if err := k.distrKeeper.AllocateTokensToValidator(ctx, r.val, tokens); err != nil {
		return errorsmod.Wrapf(types.ErrRewardAllocation, "validator %s: %s", r.val.GetOperator(), err)
	}
	return k.recordValidatorRewards(ctx, r.consAddr, consumerID, denom, exttypes.ValidatorRewardAmounts{
		Rewards:    share,
		Commission: tokens.MulDec(r.val.GetCommission()).AmountOf(denom),
	})
}

// settleConsumerDenom funds the community pool from the rewards pool, takes
// what left the pool out of the allocation record and records it.
func (k *Keeper) settleConsumerDenom(ctx sdk.Context, consumerID, denom string, alloc types.ConsumerRewardsAllocation,
	distributed, toCommunity math.Int,
) error {
	if toCommunity.IsPositive() {
		coins := sdk.NewCoins(sdk.NewCoin(denom, toCommunity))
		if err := k.distrKeeper.FundCommunityPool(ctx, coins, RewardsPoolAddress()); err != nil {
			return err
		}
	}
	taken := distributed.Add(toCommunity)
	if !taken.IsPositive() {
		return nil
	}
	rest, negative := alloc.Rewards.SafeSub(sdk.NewDecCoins(sdk.NewDecCoin(denom, taken)))
	if negative {
		return errorsmod.Wrapf(types.ErrRewardAllocation, "allocating %s%s exceeds the record %s", taken, denom, alloc.Rewards)
	}
	if err := k.setConsumerRewardsAllocation(ctx, consumerID, rest); err != nil {
		return err
	}
	record := exttypes.ZeroConsumerRewardAmounts()
	record.Distributed, record.CommunityPool = distributed, toCommunity
	if err := k.recordConsumerRewards(ctx, consumerID, denom, record); err != nil {
		return err
	}
	emitEvent(ctx, EventDistributedRewards{
		ConsumerID: consumerID, Denom: denom, Validators: distributed, CommunityPool: toCommunity, Pending: rest.AmountOf(denom),
	})
	return nil
}

// setConsumerRewardsAllocation stores a record, or deletes an empty one.
func (k *Keeper) setConsumerRewardsAllocation(ctx sdk.Context, consumerID string, rewards sdk.DecCoins) error {
	if rewards.IsZero() {
		return k.ConsumerRewardsAllocation.Remove(ctx, consumerID)
	}
	return k.ConsumerRewardsAllocation.Set(ctx, consumerID, types.ConsumerRewardsAllocation{Rewards: rewards})
}
