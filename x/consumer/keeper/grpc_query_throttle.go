package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/consumer/types"
)

// QueryThrottleState returns the slash record (nil when no slash packet is
// in flight or bounced) and the packets waiting for the provider.
func (q Querier) QueryThrottleState(ctx context.Context, _ *types.QueryThrottleStateRequest) (*types.QueryThrottleStateResponse, error) {
	record, packets, err := q.ThrottleState(sdk.UnwrapSDKContext(ctx))
	if err != nil {
		return nil, err
	}
	return &types.QueryThrottleStateResponse{SlashRecord: record, PacketDataQueue: packets}, nil
}
