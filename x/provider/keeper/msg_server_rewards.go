package keeper

import (
	"context"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// ChangeRewardDenoms changes the reward denoms accepted from every consumer.
func (s msgServer) ChangeRewardDenoms(goCtx context.Context, msg *types.MsgChangeRewardDenoms) (*types.MsgChangeRewardDenomsResponse, error) {
	return nil, errNotYet("MsgChangeRewardDenoms")
}
