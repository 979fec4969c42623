package types

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

var (
	_ sdk.Msg              = (*MsgChangeRewardDenoms)(nil)
	_ sdk.HasValidateBasic = (*MsgChangeRewardDenoms)(nil)
)

// ValidateBasic checks a reward denoms change: something to change, every
// denom valid, none both added and removed.
func (msg MsgChangeRewardDenoms) ValidateBasic() error {
	if len(msg.DenomsToAdd) == 0 && len(msg.DenomsToRemove) == 0 {
		return errorsmod.Wrap(ErrInvalidChangeRewardDenoms, "denoms to add and denoms to remove are both empty")
	}
	adding := make(map[string]bool, len(msg.DenomsToAdd))
	for _, denom := range msg.DenomsToAdd {
		if err := validateRewardDenom(denom); err != nil {
			return errorsmod.Wrapf(ErrInvalidChangeRewardDenoms, "denom to add %q: %s", denom, err)
		}
		adding[denom] = true
	}
	for _, denom := range msg.DenomsToRemove {
		if err := validateRewardDenom(denom); err != nil {
			return errorsmod.Wrapf(ErrInvalidChangeRewardDenoms, "denom to remove %q: %s", denom, err)
		}
		if adding[denom] {
			return errorsmod.Wrapf(ErrInvalidChangeRewardDenoms, "denom %s is both added and removed", denom)
		}
	}
	return nil
}
