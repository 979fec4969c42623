package types

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
)

var (
	_ sdk.Msg = (*MsgCreateConsumer)(nil)
	_ sdk.Msg = (*MsgUpdateConsumer)(nil)
	_ sdk.Msg = (*MsgRemoveConsumer)(nil)
	_ sdk.Msg = (*MsgUpdateParams)(nil)

	_ sdk.HasValidateBasic = (*MsgCreateConsumer)(nil)
	_ sdk.HasValidateBasic = (*MsgUpdateConsumer)(nil)
	_ sdk.HasValidateBasic = (*MsgRemoveConsumer)(nil)
	_ sdk.HasValidateBasic = (*MsgUpdateParams)(nil)
)

// ValidateBasic checks a create message without reading state. Signer
// addresses are checked by the msg server, which has the address codec.
func (msg MsgCreateConsumer) ValidateBasic() error {
	if err := ValidateChainID(msg.ChainId); err != nil {
		return err
	}
	if err := msg.Metadata.Validate(); err != nil {
		return err
	}
	if msg.PowerShapingParameters != nil && msg.PowerShapingParameters.Top_N != 0 {
		return errorsmod.Wrap(ErrInvalidTopN, "a consumer is created as opt-in; governance makes it top N with MsgUpdateConsumer")
	}
	return validateOptionalParts(msg.InitializationParameters, msg.PowerShapingParameters,
		msg.AllowlistedRewardDenoms, msg.InfractionParameters)
}

// ValidateBasic checks an update message without reading state.
func (msg MsgUpdateConsumer) ValidateBasic() error {
	if err := ccv.ValidateConsumerID(msg.ConsumerId); err != nil {
		return errorsmod.Wrap(ErrInvalidConsumerID, err.Error())
	}
	if msg.NewChainId != "" {
		if err := ValidateChainID(msg.NewChainId); err != nil {
			return err
		}
	}
	if msg.Metadata != nil {
		if err := msg.Metadata.Validate(); err != nil {
			return err
		}
	}
	return validateOptionalParts(msg.InitializationParameters, msg.PowerShapingParameters,
		msg.AllowlistedRewardDenoms, msg.InfractionParameters)
}

// ValidateBasic checks a remove message without reading state.
func (msg MsgRemoveConsumer) ValidateBasic() error {
	if err := ccv.ValidateConsumerID(msg.ConsumerId); err != nil {
		return errorsmod.Wrap(ErrInvalidConsumerID, err.Error())
	}
	return nil
}

// ValidateBasic checks the new parameters.
func (msg MsgUpdateParams) ValidateBasic() error {
	if err := msg.Params.Validate(); err != nil {
		return errorsmod.Wrap(ErrInvalidParams, err.Error())
	}
	return nil
}

// validateOptionalParts checks the parameter sets a create or update message
// may carry; absent ones are fine.
func validateOptionalParts(init *ConsumerInitializationParameters, ps *PowerShapingParameters,
	denoms *AllowlistedRewardDenoms, infraction *InfractionParameters,
) error {
	if init != nil {
		if err := init.Validate(); err != nil {
			return err
		}
	}
	if ps != nil {
		if err := ps.Validate(); err != nil {
			return err
		}
	}
	if denoms != nil {
		if err := denoms.Validate(); err != nil {
			return err
		}
	}
	if infraction != nil {
		return infraction.Validate()
	}
	return nil
}
