package keeper

import (
	"context"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// AssignConsumerKey sets the key a validator uses on one consumer.
func (s msgServer) AssignConsumerKey(goCtx context.Context, msg *types.MsgAssignConsumerKey) (*types.MsgAssignConsumerKeyResponse, error) {
	return nil, errNotYet("MsgAssignConsumerKey")
}

// OptIn makes a validator secure a consumer from the next epoch.
func (s msgServer) OptIn(goCtx context.Context, msg *types.MsgOptIn) (*types.MsgOptInResponse, error) {
	return nil, errNotYet("MsgOptIn")
}

// SetConsumerCommissionRate sets a validator's commission on one consumer.
func (s msgServer) SetConsumerCommissionRate(goCtx context.Context, msg *types.MsgSetConsumerCommissionRate) (*types.MsgSetConsumerCommissionRateResponse, error) {
	return nil, errNotYet("MsgSetConsumerCommissionRate")
}
