package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// Hooks are the provider's staking hooks: they keep key assignments
// consistent with the validators that exist.
type Hooks struct {
	k *Keeper
}

var _ stakingtypes.StakingHooks = Hooks{}

// Hooks returns the provider's staking hooks.
func (k *Keeper) Hooks() Hooks {
	return Hooks{k: k}
}

// AfterValidatorCreated refuses a validator whose consensus key some
// validator uses, or used within the prune window, as a consumer key: the
// two could not be told apart on that consumer. The error fails the
// MsgCreateValidator.
func (h Hooks) AfterValidatorCreated(goCtx context.Context, valAddr sdk.ValAddress) error {
	ctx := sdk.UnwrapSDKContext(goCtx)
	val, err := h.k.stakingKeeper.GetValidator(ctx, valAddr)
	if err != nil {
		return err
	}
	consAddr, err := val.GetConsAddr()
	if err != nil {
		return err
	}
	consumerID, inUse, err := h.k.consumerKeyInUse(ctx, consAddr)
	if err != nil {
		return err
	}
	if inUse {
		return errorsmod.Wrapf(types.ErrConsumerKeyInUse,
			"the consensus key of validator %s is assigned as a consumer key on consumer %s", val.GetOperator(), consumerID)
	}
	return nil
}

// AfterValidatorRemoved forgets the removed validator's consumer keys and
// commission rates.
func (h Hooks) AfterValidatorRemoved(goCtx context.Context, consAddr sdk.ConsAddress, _ sdk.ValAddress) error {
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := h.k.deleteValidatorKeyAssignments(ctx, consAddr); err != nil {
		return err
	}
	return h.k.deleteValidatorCommissionRates(ctx, consAddr)
}

// The provider does not act on the other staking events.

func (Hooks) BeforeValidatorModified(context.Context, sdk.ValAddress) error { return nil }

func (Hooks) AfterValidatorBonded(context.Context, sdk.ConsAddress, sdk.ValAddress) error {
	return nil
}

func (Hooks) AfterValidatorBeginUnbonding(context.Context, sdk.ConsAddress, sdk.ValAddress) error {
	return nil
}

func (Hooks) BeforeDelegationCreated(context.Context, sdk.AccAddress, sdk.ValAddress) error {
	return nil
}

func (Hooks) BeforeDelegationSharesModified(context.Context, sdk.AccAddress, sdk.ValAddress) error {
	return nil
}

func (Hooks) BeforeDelegationRemoved(context.Context, sdk.AccAddress, sdk.ValAddress) error {
	return nil
}

func (Hooks) AfterDelegationModified(context.Context, sdk.AccAddress, sdk.ValAddress) error {
	return nil
}

func (Hooks) BeforeValidatorSlashed(context.Context, sdk.ValAddress, math.LegacyDec) error {
	return nil
}

func (Hooks) AfterUnbondingInitiated(context.Context, uint64) error { return nil }
