package keeper

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// QueryConsumerChainOptedInValidators returns the consensus addresses of the
// validators opted in to a consumer, in address order.
func (q queryServer) QueryConsumerChainOptedInValidators(goCtx context.Context, req *types.QueryConsumerChainOptedInValidatorsRequest) (*types.QueryConsumerChainOptedInValidatorsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	if _, err := q.requireConsumerID(ctx, req.ConsumerId); err != nil {
		return nil, err
	}
	addrs, err := q.GetOptedIn(ctx, req.ConsumerId)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	out := make([]string, 0, len(addrs))
	for _, a := range addrs {
		s, err := q.stakingKeeper.ConsensusAddressCodec().BytesToString(a)
		if err != nil {
			return nil, status.Error(codes.Internal, err.Error())
		}
		out = append(out, s)
	}
	return &types.QueryConsumerChainOptedInValidatorsResponse{ValidatorsProviderAddresses: out}, nil
}

// QueryConsumerChainsValidatorHasToValidate returns, in id order, the
// active consumers a validator secures now or would secure from the next
// epoch (or launch).
func (q queryServer) QueryConsumerChainsValidatorHasToValidate(goCtx context.Context, req *types.QueryConsumerChainsValidatorHasToValidateRequest) (*types.QueryConsumerChainsValidatorHasToValidateResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	consAddr, err := q.stakingKeeper.ConsensusAddressCodec().StringToBytes(req.ProviderAddress)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "provider_address %q is not a consensus address: %s", req.ProviderAddress, err)
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	ids, err := q.ConsumerIDsInPhase(ctx, types.CONSUMER_PHASE_UNSPECIFIED)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	consumerIDs := []string{}
	for _, id := range ids {
		has, err := q.hasToValidate(ctx, id, consAddr)
		if err != nil {
			return nil, status.Error(codes.Internal, err.Error())
		}
		if has {
			consumerIDs = append(consumerIDs, id)
		}
	}
	return &types.QueryConsumerChainsValidatorHasToValidateResponse{ConsumerIds: consumerIDs}, nil
}

// hasToValidate reports whether a validator is in an active consumer's
// current set or in the set it would get next. Computing the next set may
// write (top-N opt-ins); in a query those writes are discarded.
func (q queryServer) hasToValidate(ctx sdk.Context, consumerID string, consAddr []byte) (bool, error) {
	phase, err := q.consumerPhase(ctx, consumerID)
	if err != nil || !IsActive(phase) {
		return false, err
	}
	inCurrent, err := q.ConsumerValidators.Has(ctx, collections.Join(consumerID, consAddr))
	if err != nil || inCurrent {
		return inCurrent, err
	}
	next, err := q.ComputeConsumerNextValSet(ctx, consumerID)
	if err != nil {
		return false, err
	}
	for _, v := range next {
		if string(v.ProviderConsAddr) == string(consAddr) {
			return true, nil
		}
	}
	return false, nil
}

// minPowerForListing is a chain's stored top-N minimum power, or -1 if it
// is not a top-N chain (or the minimum is not known yet).
func (q queryServer) minPowerForListing(ctx sdk.Context, consumerID string, topN uint32) (int64, error) {
	if topN == 0 {
		return -1, nil
	}
	minPower, found, err := q.GetMinPowerInTopN(ctx, consumerID)
	if err != nil || !found {
		return -1, err
	}
	return minPower, nil
}
