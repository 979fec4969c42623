package keeper

import (
	"cmp"
	"context"
	"slices"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// ConsumerRewards shows, per denom, what a consumer's rewards did.
func (q extQueryServer) ConsumerRewards(goCtx context.Context, req *exttypes.QueryConsumerRewardsRequest) (*exttypes.QueryConsumerRewardsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := ccv.ValidateConsumerID(req.ConsumerId); err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	phase, err := q.consumerPhase(ctx, req.ConsumerId)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	if phase == types.CONSUMER_PHASE_UNSPECIFIED {
		return nil, status.Errorf(codes.NotFound, "no consumer %s", req.ConsumerId)
	}
	rewards, err := q.consumerDenomRewards(ctx, req.ConsumerId)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &exttypes.QueryConsumerRewardsResponse{Rewards: rewards, Window: RewardsWindow(ctx)}, nil
}

// consumerDenomRewards gathers, by denom, a consumer's totals, recent
// amounts and pending allocation.
func (q extQueryServer) consumerDenomRewards(ctx sdk.Context, consumerID string) ([]exttypes.ConsumerDenomRewards, error) {
	byDenom := map[string]*exttypes.ConsumerDenomRewards{}
	entry := func(denom string) *exttypes.ConsumerDenomRewards {
		if e, ok := byDenom[denom]; ok {
			return e
		}
		e := &exttypes.ConsumerDenomRewards{
			Denom: denom, Lifetime: exttypes.ZeroConsumerRewardAmounts(),
			Recent: exttypes.ZeroConsumerRewardAmounts(), Pending: math.LegacyZeroDec(),
		}
		byDenom[denom] = e
		return e
	}
	err := q.ConsumerRewardsTotals.Walk(ctx, collections.NewPrefixedPairRange[string, string](consumerID),
		func(key collections.Pair[string, string], v exttypes.ConsumerRewardAmounts) (bool, error) {
			entry(key.K2()).Lifetime = v.Add(exttypes.ConsumerRewardAmounts{})
			return false, nil
		})
	if err != nil {
		return nil, err
	}
	recent, err := q.recentConsumerRewards(ctx, consumerID)
	if err != nil {
		return nil, err
	}
	for denom, v := range recent {
		entry(denom).Recent = v
	}
	alloc, err := getOptional(ctx, q.ConsumerRewardsAllocation, consumerID)
	if err != nil {
		return nil, err
	}
	for _, c := range alloc.Rewards {
		entry(c.Denom).Pending = c.Amount
	}
	allowed, err := q.AllowedRewardDenoms(ctx, consumerID)
	if err != nil {
		return nil, err
	}
	out := make([]exttypes.ConsumerDenomRewards, 0, len(byDenom))
	for denom, e := range byDenom {
		e.Allowlisted = slices.Contains(allowed, denom)
		out = append(out, *e)
	}
	slices.SortFunc(out, func(a, b exttypes.ConsumerDenomRewards) int { return cmp.Compare(a.Denom, b.Denom) })
	return out, nil
}

// ValidatorRewards shows what a validator received for securing each
// consumer.
func (q extQueryServer) ValidatorRewards(goCtx context.Context, req *exttypes.QueryValidatorRewardsRequest) (*exttypes.QueryValidatorRewardsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	consAddr, err := q.stakingKeeper.ConsensusAddressCodec().StringToBytes(req.ProviderAddress)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "provider address %q: %s", req.ProviderAddress, err)
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	byKey := map[consumerDenom]*exttypes.ValidatorConsumerRewards{}
	entry := func(cd consumerDenom) *exttypes.ValidatorConsumerRewards {
		if e, ok := byKey[cd]; ok {
			return e
		}
		e := &exttypes.ValidatorConsumerRewards{
			ConsumerId: cd.consumerID, Denom: cd.denom,
			Lifetime: exttypes.ZeroValidatorRewardAmounts(), Recent: exttypes.ZeroValidatorRewardAmounts(),
		}
		byKey[cd] = e
		return e
	}
	err = q.ValidatorRewardsTotals.Walk(ctx, collections.NewPrefixedTripleRange[[]byte, string, string](consAddr),
		func(key collections.Triple[[]byte, string, string], v exttypes.ValidatorRewardAmounts) (bool, error) {
			entry(consumerDenom{key.K2(), key.K3()}).Lifetime = v.Add(exttypes.ValidatorRewardAmounts{})
			return false, nil
		})
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	recent, err := q.recentValidatorRewards(ctx, consAddr)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	for cd, v := range recent {
		entry(cd).Recent = v
	}
	out := make([]exttypes.ValidatorConsumerRewards, 0, len(byKey))
	for cd, e := range byKey {
		if req.ConsumerId == "" || cd.consumerID == req.ConsumerId {
			out = append(out, *e)
		}
	}
	slices.SortFunc(out, func(a, b exttypes.ValidatorConsumerRewards) int {
		return cmp.Or(cmp.Compare(len(a.ConsumerId), len(b.ConsumerId)), cmp.Compare(a.ConsumerId, b.ConsumerId), cmp.Compare(a.Denom, b.Denom))
	})
	return &exttypes.QueryValidatorRewardsResponse{Rewards: out, Window: RewardsWindow(ctx)}, nil
}

// QueryRegisteredConsumerRewardDenoms returns the reward denoms accepted from every consumer.
func (q queryServer) QueryRegisteredConsumerRewardDenoms(goCtx context.Context, _ *types.QueryRegisteredConsumerRewardDenomsRequest) (*types.QueryRegisteredConsumerRewardDenomsResponse, error) {
	denoms, err := q.GetRegisteredRewardDenoms(sdk.UnwrapSDKContext(goCtx))
	if err != nil {
		return nil, err
	}
	return &types.QueryRegisteredConsumerRewardDenomsResponse{Denoms: denoms}, nil
}
