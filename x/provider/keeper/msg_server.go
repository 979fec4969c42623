package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

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
