package keeper

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
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

// Punishments lists punishments oldest first, optionally filtered by
// consumer and by validator.
func (q extQueryServer) Punishments(goCtx context.Context, req *exttypes.QueryPunishmentsRequest) (*exttypes.QueryPunishmentsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if req.ProviderAddress != "" {
		if _, err := sdk.ConsAddressFromBech32(req.ProviderAddress); err != nil {
			return nil, status.Errorf(codes.InvalidArgument, "provider address %q: %v", req.ProviderAddress, err)
		}
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	records, page, err := query.CollectionFilteredPaginate(ctx, q.Keeper.Punishments, req.Pagination,
		func(_ uint64, p exttypes.Punishment) (bool, error) {
			return (req.ConsumerId == "" || p.ConsumerId == req.ConsumerId) &&
				(req.ProviderAddress == "" || p.ProviderAddress == req.ProviderAddress), nil
		},
		func(_ uint64, p exttypes.Punishment) (exttypes.Punishment, error) { return p, nil })
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &exttypes.QueryPunishmentsResponse{Punishments: records, Pagination: page}, nil
}
