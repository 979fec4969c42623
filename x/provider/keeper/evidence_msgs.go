package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// SubmitConsumerMisbehaviour punishes the validators that signed both of two
// conflicting consumer headers.
func (s msgServer) SubmitConsumerMisbehaviour(goCtx context.Context, msg *types.MsgSubmitConsumerMisbehaviour) (*types.MsgSubmitConsumerMisbehaviourResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := s.requireAccount(msg.Submitter, "submitter"); err != nil {
		return nil, err
	}
	if _, err := s.HandleConsumerMisbehaviour(ctx, msg); err != nil {
		return nil, err
	}
	return &types.MsgSubmitConsumerMisbehaviourResponse{}, nil
}

// SubmitConsumerDoubleVoting punishes a validator that signed two different
// blocks at one height of a consumer.
func (s msgServer) SubmitConsumerDoubleVoting(goCtx context.Context, msg *types.MsgSubmitConsumerDoubleVoting) (*types.MsgSubmitConsumerDoubleVotingResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := s.requireAccount(msg.Submitter, "submitter"); err != nil {
		return nil, err
	}
	if _, err := s.HandleConsumerDoubleVoting(ctx, msg); err != nil {
		return nil, err
	}
	return &types.MsgSubmitConsumerDoubleVotingResponse{}, nil
}
