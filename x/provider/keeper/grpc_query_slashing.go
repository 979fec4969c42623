package keeper

import (
	"context"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// QueryThrottleState returns the slash meter and its replenishment.
func (q queryServer) QueryThrottleState(goCtx context.Context, req *types.QueryThrottleStateRequest) (*types.QueryThrottleStateResponse, error) {
	return nil, errNotYet("QueryThrottleState")
}
