package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// ChangeRewardDenoms changes the reward denoms accepted from every consumer;
// governance only.
func (s msgServer) ChangeRewardDenoms(goCtx context.Context, msg *types.MsgChangeRewardDenoms) (*types.MsgChangeRewardDenomsResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := sdk.ValidateAuthority(ctx, s.authority, msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := s.Keeper.ChangeRewardDenoms(ctx, msg.DenomsToAdd, msg.DenomsToRemove); err != nil {
		return nil, err
	}
	emitEvent(ctx, EventChangeRewardDenoms{Added: msg.DenomsToAdd, Removed: msg.DenomsToRemove})
	return &types.MsgChangeRewardDenomsResponse{}, nil
}
