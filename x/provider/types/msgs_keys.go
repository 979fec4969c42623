package types

import (
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
)

var (
	_ sdk.Msg = (*MsgAssignConsumerKey)(nil)
	_ sdk.Msg = (*MsgOptIn)(nil)
	_ sdk.Msg = (*MsgSetConsumerCommissionRate)(nil)

	_ sdk.HasValidateBasic = (*MsgAssignConsumerKey)(nil)
	_ sdk.HasValidateBasic = (*MsgOptIn)(nil)
	_ sdk.HasValidateBasic = (*MsgSetConsumerCommissionRate)(nil)
)

// ValidateBasic checks a key assignment without reading state. The
// provider address and the signer are checked by the msg server, which has
// the address codecs.
func (msg MsgAssignConsumerKey) ValidateBasic() error {
	if err := validateValidatorMsg(msg.ChainId, msg.ConsumerId, msg.ProviderAddr, msg.Signer); err != nil {
		return err
	}
	_, err := ParseConsumerKey(msg.ConsumerKey)
	return err
}

// ValidateBasic checks an opt-in without reading state; its key is
// optional.
func (msg MsgOptIn) ValidateBasic() error {
	if err := validateValidatorMsg(msg.ChainId, msg.ConsumerId, msg.ProviderAddr, msg.Signer); err != nil {
		return err
	}
	if msg.ConsumerKey == "" {
		return nil
	}
	_, err := ParseConsumerKey(msg.ConsumerKey)
	return err
}

// ValidateBasic checks a commission rate without reading state; the
// staking minimum is checked by the msg server.
func (msg MsgSetConsumerCommissionRate) ValidateBasic() error {
	if err := validateValidatorMsg(msg.ChainId, msg.ConsumerId, msg.ProviderAddr, msg.Signer); err != nil {
		return err
	}
	return ValidateCommissionRate(msg.Rate)
}

// ValidateCommissionRate checks that a rate is a fraction in [0, 1].
func ValidateCommissionRate(rate math.LegacyDec) error {
	if rate.IsNil() {
		return errorsmod.Wrap(ErrInvalidCommissionRate, "rate is missing")
	}
	if rate.IsNegative() || rate.GT(math.LegacyOneDec()) {
		return errorsmod.Wrapf(ErrInvalidCommissionRate, "rate: expected a value in [0, 1], got %s", rate)
	}
	return nil
}

// validateValidatorMsg checks the fields every validator message shares.
func validateValidatorMsg(chainID, consumerID, providerAddr, signer string) error {
	if chainID != "" {
		return errorsmod.Wrapf(ErrInvalidDeprecatedField, "chain_id %q: use consumer_id", chainID)
	}
	if err := ccv.ValidateConsumerID(consumerID); err != nil {
		return errorsmod.Wrap(ErrInvalidConsumerID, err.Error())
	}
	if providerAddr == "" {
		return errorsmod.Wrap(ErrInvalidAddress, "provider_addr is empty")
	}
	if signer == "" {
		return errorsmod.Wrap(ErrInvalidAddress, "signer is empty")
	}
	return nil
}
