package keeper

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// QueryConsumerValidators returns a consumer's validators: the stored set
// once launched, the set it would get now before launch, nothing after it
// stopped.
func (q queryServer) QueryConsumerValidators(goCtx context.Context, req *types.QueryConsumerValidatorsRequest) (*types.QueryConsumerValidatorsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	phase, err := q.requireConsumerID(ctx, req.ConsumerId)
	if err != nil {
		return nil, err
	}
	var set []types.ConsensusValidator
	switch {
	case phase == types.CONSUMER_PHASE_LAUNCHED:
		set, err = q.GetConsumerValSet(ctx, req.ConsumerId)
	case IsPrelaunched(phase):
		set, err = q.ComputeConsumerNextValSet(ctx, req.ConsumerId)
	}
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	validators := make([]*types.QueryConsumerValidatorsValidator, 0, len(set))
	for _, cv := range set {
		v, err := q.describeConsumerValidator(ctx, req.ConsumerId, cv)
		if err != nil {
			return nil, status.Error(codes.Internal, err.Error())
		}
		validators = append(validators, v)
	}
	return &types.QueryConsumerValidatorsResponse{Validators: validators}, nil
}

func (q queryServer) describeConsumerValidator(ctx sdk.Context, consumerID string, cv types.ConsensusValidator) (*types.QueryConsumerValidatorsValidator, error) {
	consAddr, err := q.stakingKeeper.ConsensusAddressCodec().BytesToString(cv.ProviderConsAddr)
	if err != nil {
		return nil, err
	}
	out := &types.QueryConsumerValidatorsValidator{
		ProviderAddress: consAddr,
		ConsumerKey:     cv.PublicKey,
		Power:           cv.Power, //nolint:staticcheck // deprecated, still filled for old clients
		ConsumerPower:   cv.Power,
	}
	inCurrent, err := q.ConsumerValidators.Has(ctx, collections.Join(consumerID, cv.ProviderConsAddr))
	if err != nil {
		return nil, err
	}
	out.ValidatesCurrentEpoch = inCurrent

	val, err := q.stakingKeeper.GetValidatorByConsAddr(ctx, cv.ProviderConsAddr)
	if err != nil {
		// The validator may have been removed from staking since the set
		// was computed; report what the set says.
		return out, nil //nolint:nilerr // partial information is still useful
	}
	valAddr, err := q.stakingKeeper.ValidatorAddressCodec().StringToBytes(val.GetOperator())
	if err != nil {
		return nil, err
	}
	providerPower, err := q.stakingKeeper.GetLastValidatorPower(ctx, valAddr)
	if err != nil {
		return nil, err
	}
	rate := val.Commission.Rate
	out.Rate = rate //nolint:staticcheck // deprecated, still filled for old clients
	out.ConsumerCommissionRate = rate
	if consumerRate, err := q.ConsumerCommissionRate.Get(ctx, collections.Join(consumerID, cv.ProviderConsAddr)); err == nil {
		out.ConsumerCommissionRate = consumerRate
	}
	out.ProviderCommissionRate = rate
	out.Description = val.Description
	out.ProviderOperatorAddress = val.GetOperator()
	out.Jailed = val.Jailed
	out.Status = val.Status
	out.ProviderTokens = val.Tokens
	out.ProviderPower = providerPower
	return out, nil
}
