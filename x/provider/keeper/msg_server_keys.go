package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

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
	emitAssignConsumerKey(ctx, msg.ConsumerId, chainID, msg.ProviderAddr, msg.ConsumerKey)
	return &types.MsgAssignConsumerKeyResponse{}, nil
}

// OptIn makes a validator secure a consumer from the next epoch, with the
// key it gives if any.
func (s msgServer) OptIn(goCtx context.Context, msg *types.MsgOptIn) (*types.MsgOptInResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	val, chainID, err := s.validatorOnActiveConsumer(ctx, msg.ConsumerId, msg.ProviderAddr, msg.Signer)
	if err != nil {
		return nil, err
	}
	if msg.ConsumerKey != "" {
		if err := s.assignConsumerKeyJSON(ctx, msg.ConsumerId, val, msg.ConsumerKey); err != nil {
			return nil, err
		}
	}
	providerAddr, err := val.GetConsAddr()
	if err != nil {
		return nil, err
	}
	if err := s.SetOptedIn(ctx, msg.ConsumerId, providerAddr); err != nil {
		return nil, err
	}
	emitOptIn(ctx, msg.ConsumerId, chainID, msg.ProviderAddr, msg.ConsumerKey)
	return &types.MsgOptInResponse{}, nil
}

// SetConsumerCommissionRate sets a validator's commission on one consumer.
func (s msgServer) SetConsumerCommissionRate(goCtx context.Context, msg *types.MsgSetConsumerCommissionRate) (*types.MsgSetConsumerCommissionRateResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	val, chainID, err := s.validatorOnActiveConsumer(ctx, msg.ConsumerId, msg.ProviderAddr, msg.Signer)
	if err != nil {
		return nil, err
	}
	providerAddr, err := val.GetConsAddr()
	if err != nil {
		return nil, err
	}
	if err := s.Keeper.SetConsumerCommissionRate(ctx, msg.ConsumerId, providerAddr, msg.Rate); err != nil {
		return nil, err
	}
	emitSetConsumerCommissionRate(ctx, msg.ConsumerId, chainID, msg.ProviderAddr, msg.Rate.String())
	return &types.MsgSetConsumerCommissionRateResponse{}, nil
}

// validatorOnActiveConsumer checks what every validator message needs: the
// signer is the account of the validator named by its operator address,
// the validator exists and the consumer is active. It returns the
// validator and the consumer's chain id.
func (s msgServer) validatorOnActiveConsumer(ctx sdk.Context, consumerID, valoper, signer string) (stakingtypes.Validator, string, error) {
	var none stakingtypes.Validator
	valAddr, err := s.stakingKeeper.ValidatorAddressCodec().StringToBytes(valoper)
	if err != nil {
		return none, "", errorsmod.Wrapf(types.ErrInvalidAddress, "provider_addr %q: %s", valoper, err)
	}
	signerAddr, err := s.accountKeeper.AddressCodec().StringToBytes(signer)
	if err != nil {
		return none, "", errorsmod.Wrapf(types.ErrInvalidAddress, "signer %q: %s", signer, err)
	}
	if !sdk.AccAddress(signerAddr).Equals(sdk.AccAddress(valAddr)) {
		return none, "", errorsmod.Wrapf(types.ErrUnauthorized, "signer %s is not the account of validator %s", signer, valoper)
	}
	phase, err := s.requireConsumer(ctx, consumerID)
	if err != nil {
		return none, "", err
	}
	if !IsActive(phase) {
		return none, "", errorsmod.Wrapf(types.ErrInvalidPhase, "consumer %s is %s: expected registered, initialized or launched", consumerID, phase)
	}
	chainID, err := s.GetConsumerChainID(ctx, consumerID)
	if err != nil {
		return none, "", err
	}
	val, err := s.stakingKeeper.GetValidator(ctx, valAddr)
	if err != nil {
		return none, "", errorsmod.Wrapf(types.ErrNoValidatorProviderAddress, "%s: %s", valoper, err)
	}
	return val, chainID, nil
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
