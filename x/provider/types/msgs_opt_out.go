package types

import (
	"strings"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
)

var (
	_ sdk.Msg              = (*MsgOptOut)(nil)
	_ sdk.HasValidateBasic = (*MsgOptOut)(nil)
)

// ValidateBasic checks an opt-out message without reading state. The
// addresses' form and that the signer is the validator's account are
// checked by the msg server, which has the address codecs.
func (msg MsgOptOut) ValidateBasic() error {
	if msg.ChainId != "" {
		return errorsmod.Wrapf(ErrInvalidDeprecatedField, "chain_id must be empty (use consumer_id), got %q", msg.ChainId)
	}
	if err := ccv.ValidateConsumerID(msg.ConsumerId); err != nil {
		return errorsmod.Wrap(ErrInvalidConsumerID, err.Error())
	}
	if strings.TrimSpace(msg.ProviderAddr) == "" {
		return errorsmod.Wrap(ErrInvalidAddress, "provider_addr cannot be empty")
	}
	if strings.TrimSpace(msg.Signer) == "" {
		return errorsmod.Wrap(ErrInvalidAddress, "signer cannot be empty")
	}
	return nil
}
