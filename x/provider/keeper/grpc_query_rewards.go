package keeper

import (
	"context"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// QueryRegisteredConsumerRewardDenoms returns the reward denoms accepted from every consumer.
func (q queryServer) QueryRegisteredConsumerRewardDenoms(goCtx context.Context, req *types.QueryRegisteredConsumerRewardDenomsRequest) (*types.QueryRegisteredConsumerRewardDenomsResponse, error) {
	return nil, errNotYet("QueryRegisteredConsumerRewardDenoms")
}
