package keeper

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

type queryServer struct {
	*Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServer returns the provider's Query service.
func NewQueryServer(k *Keeper) types.QueryServer {
	return queryServer{Keeper: k}
}

// requireConsumerID checks a request's consumer id and that it exists.
func (q queryServer) requireConsumerID(ctx sdk.Context, consumerID string) (types.ConsumerPhase, error) {
	if err := ccv.ValidateConsumerID(consumerID); err != nil {
		return 0, status.Error(codes.InvalidArgument, err.Error())
	}
	phase, err := q.consumerPhase(ctx, consumerID)
	if err != nil {
		return 0, status.Error(codes.Internal, err.Error())
	}
	if phase == types.CONSUMER_PHASE_UNSPECIFIED {
		return 0, status.Errorf(codes.NotFound, "no consumer with id %s", consumerID)
	}
	return phase, nil
}

// QueryParams returns the module parameters.
func (q queryServer) QueryParams(goCtx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	return &types.QueryParamsResponse{Params: q.mustGetParams(ctx)}, nil
}

// QueryBlocksUntilNextEpoch returns the blocks left until the next epoch.
func (q queryServer) QueryBlocksUntilNextEpoch(goCtx context.Context, _ *types.QueryBlocksUntilNextEpochRequest) (*types.QueryBlocksUntilNextEpochResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	return &types.QueryBlocksUntilNextEpochResponse{BlocksUntilNextEpoch: q.BlocksUntilNextEpoch(ctx)}, nil
}

// extQueryServer serves Rampart's own queries (rampart.provider.v1), which
// go beyond the incumbent's API.
type extQueryServer struct {
	*Keeper
}

// NewExtQueryServer returns the rampart.provider.v1 Query service.
func NewExtQueryServer(k *Keeper) exttypes.QueryServer {
	return extQueryServer{Keeper: k}
}
