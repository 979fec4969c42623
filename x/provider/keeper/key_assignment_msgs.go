package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// AssignConsumerKey sets the key a validator uses on one consumer from the
// next epoch.
func (s msgServer) AssignConsumerKey(goCtx context.Context, msg *types.MsgAssignConsumerKey) (*types.MsgAssignConsumerKeyResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	val, chainID, err := s.validatorOnActiveConsumer(ctx, msg.ConsumerId, msg.ProviderAddr, msg.Signer)
	if err != nil {
		return nil, err
	}
	if err := s.assignConsumerKeyJSON(ctx, msg.ConsumerId, val, msg.ConsumerKey); err != nil {
		return nil, err
	}
	emitEvent(ctx, EventAssignConsumerKey{ConsumerID: msg.ConsumerId, ChainID: chainID, Validator: msg.ProviderAddr, ConsumerKey: msg.ConsumerKey})
	return &types.MsgAssignConsumerKeyResponse{}, nil
}

// assignConsumerKeyJSON parses a key in the messages' JSON form and assigns
// it.
func (s msgServer) assignConsumerKeyJSON(ctx sdk.Context, consumerID string, val stakingtypes.Validator, keyJSON string) error {
	key, err := types.ParseConsumerKey(keyJSON)
	if err != nil {
		return err
	}
	return s.Keeper.AssignConsumerKey(ctx, consumerID, val, key)
}
