package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// QueryRegisteredConsumerRewardDenoms returns the reward denoms accepted from every consumer.
func (q queryServer) QueryRegisteredConsumerRewardDenoms(goCtx context.Context, _ *types.QueryRegisteredConsumerRewardDenomsRequest) (*types.QueryRegisteredConsumerRewardDenomsResponse, error) {
	denoms, err := q.GetRegisteredRewardDenoms(sdk.UnwrapSDKContext(goCtx))
	if err != nil {
		return nil, err
	}
	return &types.QueryRegisteredConsumerRewardDenomsResponse{Denoms: denoms}, nil
}
