package types

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
)

var _ sdk.Msg = (*MsgUpdateParams)(nil)

// NewMsgUpdateParams builds a governance message that replaces the
// consumer's parameters. The msg server checks the authority and the params.
func NewMsgUpdateParams(authority string, params ccvtypes.ConsumerParams) *MsgUpdateParams {
	return &MsgUpdateParams{Authority: authority, Params: params}
}
