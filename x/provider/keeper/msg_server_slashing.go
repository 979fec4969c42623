package keeper

import (
	"context"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// SubmitConsumerMisbehaviour punishes the validators that signed both of two
// conflicting consumer headers.
func (s msgServer) SubmitConsumerMisbehaviour(goCtx context.Context, msg *types.MsgSubmitConsumerMisbehaviour) (*types.MsgSubmitConsumerMisbehaviourResponse, error) {
	return nil, errNotYet("MsgSubmitConsumerMisbehaviour")
}

// SubmitConsumerDoubleVoting punishes a validator that signed two different
// blocks at one height of a consumer.
func (s msgServer) SubmitConsumerDoubleVoting(goCtx context.Context, msg *types.MsgSubmitConsumerDoubleVoting) (*types.MsgSubmitConsumerDoubleVotingResponse, error) {
	return nil, errNotYet("MsgSubmitConsumerDoubleVoting")
}
