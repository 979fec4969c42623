package keeper

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// QueryThrottleState returns the slash meter, its allowance and when it is
// next replenished.
func (q queryServer) QueryThrottleState(goCtx context.Context, req *types.QueryThrottleStateRequest) (*types.QueryThrottleStateResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	meter, err := q.GetSlashMeter(ctx)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	allowance, err := q.SlashMeterAllowance(ctx)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	candidate, err := q.GetSlashMeterReplenishCandidate(ctx)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	// Both are within ±MaxTotalVotingPower, far inside int64.
	return &types.QueryThrottleStateResponse{
		SlashMeter:             meter.Int64(),
		SlashMeterAllowance:    allowance.Int64(),
		NextReplenishCandidate: candidate,
	}, nil
}
