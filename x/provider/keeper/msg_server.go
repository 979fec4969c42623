package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

type msgServer struct {
	*Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the provider's Msg service.
func NewMsgServerImpl(k *Keeper) types.MsgServer {
	return msgServer{Keeper: k}
}

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

// UpdateParams replaces the module parameters; governance only.
func (s msgServer) UpdateParams(goCtx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := sdk.ValidateAuthority(ctx, s.authority, msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidParams, err.Error())
	}
	if err := s.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, nil
}

func (s msgServer) requireAccount(addr, role string) error {
	if _, err := s.accountKeeper.AddressCodec().StringToBytes(addr); err != nil {
		return errorsmod.Wrapf(types.ErrInvalidAddress, "%s %q: %s", role, addr, err)
	}
	return nil
}
