package keeper

import (
	"bytes"
	"context"
	"errors"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// OptOut makes a validator stop securing a launched consumer from the next
// epoch. The signer must be the validator's own account.
func (s msgServer) OptOut(goCtx context.Context, msg *types.MsgOptOut) (*types.MsgOptOutResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	val, err := s.optOutValidator(ctx, msg.ProviderAddr, msg.Signer)
	if err != nil {
		return nil, err
	}
	consAddr, err := val.GetConsAddr()
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidAddress, "validator %s has no consensus address: %s", msg.ProviderAddr, err)
	}
	if err := s.Keeper.OptOut(ctx, msg.ConsumerId, consAddr); err != nil {
		return nil, err
	}
	chainID, err := s.GetConsumerChainID(ctx, msg.ConsumerId)
	if err != nil {
		return nil, err
	}
	emitEvent(ctx, EventOptOut{ConsumerID: msg.ConsumerId, ChainID: chainID, Validator: msg.ProviderAddr, Submitter: msg.Signer})
	return &types.MsgOptOutResponse{}, nil
}

// optOutValidator returns the validator whose operator address is given,
// checking that the signer is the validator's account.
func (s msgServer) optOutValidator(ctx sdk.Context, providerAddr, signer string) (stakingtypes.Validator, error) {
	valAddr, err := s.stakingKeeper.ValidatorAddressCodec().StringToBytes(providerAddr)
	if err != nil {
		return stakingtypes.Validator{}, errorsmod.Wrapf(types.ErrInvalidAddress, "provider_addr %q is not a validator operator address: %s", providerAddr, err)
	}
	signerAddr, err := s.accountKeeper.AddressCodec().StringToBytes(signer)
	if err != nil {
		return stakingtypes.Validator{}, errorsmod.Wrapf(types.ErrInvalidAddress, "signer %q: %s", signer, err)
	}
	if !bytes.Equal(signerAddr, valAddr) {
		return stakingtypes.Validator{}, errorsmod.Wrapf(types.ErrUnauthorized, "signer %s is not the account of validator %s", signer, providerAddr)
	}
	val, err := s.stakingKeeper.GetValidator(ctx, valAddr)
	if errors.Is(err, stakingtypes.ErrNoValidatorFound) {
		return stakingtypes.Validator{}, errorsmod.Wrapf(types.ErrNoValidatorProviderAddress, "validator %s", providerAddr)
	}
	return val, err
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
	emitEvent(ctx, EventOptIn{ConsumerID: msg.ConsumerId, ChainID: chainID, Validator: msg.ProviderAddr, ConsumerKey: msg.ConsumerKey})
	return &types.MsgOptInResponse{}, nil
}
