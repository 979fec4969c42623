package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// CreateConsumer registers a consumer owned by the submitter.
func (s msgServer) CreateConsumer(goCtx context.Context, msg *types.MsgCreateConsumer) (*types.MsgCreateConsumerResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := s.requireAccount(msg.Submitter, "submitter"); err != nil {
		return nil, err
	}
	consumerID, err := s.Keeper.CreateConsumer(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgCreateConsumerResponse{ConsumerId: consumerID}, nil
}

// UpdateConsumer applies an owner's update.
func (s msgServer) UpdateConsumer(goCtx context.Context, msg *types.MsgUpdateConsumer) (*types.MsgUpdateConsumerResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := s.requireAccount(msg.Owner, "owner"); err != nil {
		return nil, err
	}
	if err := s.Keeper.UpdateConsumer(ctx, msg); err != nil {
		return nil, err
	}
	return &types.MsgUpdateConsumerResponse{}, nil
}

// RemoveConsumer stops a launched consumer.
func (s msgServer) RemoveConsumer(goCtx context.Context, msg *types.MsgRemoveConsumer) (*types.MsgRemoveConsumerResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := s.requireAccount(msg.Owner, "owner"); err != nil {
		return nil, err
	}
	if err := s.Keeper.RemoveConsumer(ctx, msg.ConsumerId, msg.Owner); err != nil {
		return nil, err
	}
	return &types.MsgRemoveConsumerResponse{}, nil
}
