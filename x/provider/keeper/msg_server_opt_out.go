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
	emitOptOut(ctx, msg.ConsumerId, chainID, msg.ProviderAddr, msg.Signer)
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

// OptOut removes a validator's opt-in from a launched consumer. On a top-N
// chain a validator in the top N (power at least the stored minimum) must
// stay. The change reaches the consumer at the next epoch.
func (k *Keeper) OptOut(ctx sdk.Context, consumerID string, consAddr sdk.ConsAddress) error {
	phase, err := k.requireConsumer(ctx, consumerID)
	if err != nil {
		return err
	}
	if phase != types.CONSUMER_PHASE_LAUNCHED {
		return errorsmod.Wrapf(types.ErrInvalidPhase, "consumer %s is %s; validators can only opt out of a launched consumer", consumerID, phase)
	}
	// The top N is checked first: its members are in even before the epoch
	// that records their opt-in.
	if err := k.requireOutsideTopN(ctx, consumerID, consAddr); err != nil {
		return err
	}
	optedIn, err := k.IsOptedIn(ctx, consumerID, consAddr)
	if err != nil {
		return err
	}
	if !optedIn {
		return errorsmod.Wrapf(types.ErrNotOptedIn, "validator %s is not opted in to consumer %s", consAddr, consumerID)
	}
	return k.DeleteOptedIn(ctx, consumerID, consAddr)
}

// requireOutsideTopN refuses a validator whose power is at least a top-N
// chain's stored minimum power.
func (k *Keeper) requireOutsideTopN(ctx sdk.Context, consumerID string, consAddr sdk.ConsAddress) error {
	minPower, found, err := k.GetMinPowerInTopN(ctx, consumerID)
	if err != nil || !found {
		return err
	}
	ps, err := getOptional(ctx, k.ConsumerPowerShapingParams, consumerID)
	if err != nil || ps.Top_N == 0 {
		return err
	}
	val, err := k.stakingKeeper.GetValidatorByConsAddr(ctx, consAddr)
	if err != nil {
		return errorsmod.Wrapf(types.ErrNoValidatorProviderAddress, "validator %s: %s", consAddr, err)
	}
	valAddr, err := k.stakingKeeper.ValidatorAddressCodec().StringToBytes(val.GetOperator())
	if err != nil {
		return err
	}
	power, err := k.stakingKeeper.GetLastValidatorPower(ctx, valAddr)
	if err != nil {
		return err
	}
	if power >= minPower {
		return errorsmod.Wrapf(types.ErrCannotOptOutFromTopN, "validator %s has power %d and consumer %s's top %d%% starts at %d",
			consAddr, power, consumerID, ps.Top_N, minPower)
	}
	return nil
}
