package ante_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/authz"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"

	"github.com/rampart-ics/rampart/x/consumer/ante"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

func execOf(msgs ...sdk.Msg) sdk.Msg {
	exec := authz.NewMsgExec(sdk.AccAddress("grantee"), msgs)
	return &exec
}

func TestDisabledMsgs(t *testing.T) {
	nested := sdk.Msg(&slashingtypes.MsgUnjail{})
	for range 9 {
		nested = execOf(nested)
	}
	cases := []struct {
		name        string
		msgs        []sdk.Msg
		wantErrText string // empty: the tx goes on
	}{
		{"a bank send passes", []sdk.Msg{&banktypes.MsgSend{}}, ""},
		{"slashing parameter updates (governance) pass", []sdk.Msg{&slashingtypes.MsgUpdateParams{}}, ""},
		{"authz exec of a bank send passes", []sdk.Msg{execOf(&banktypes.MsgSend{})}, ""},
		{"MsgUnjail is refused", []sdk.Msg{&slashingtypes.MsgUnjail{}}, "send MsgUnjail there"},
		{"MsgSubmitEvidence is refused", []sdk.Msg{&evidencetypes.MsgSubmitEvidence{}}, "MsgSubmitConsumerDoubleVoting"},
		{"one refused message refuses the tx", []sdk.Msg{&banktypes.MsgSend{}, &slashingtypes.MsgUnjail{}}, "provider chain"},
		{"MsgUnjail inside authz exec is refused", []sdk.Msg{execOf(&banktypes.MsgSend{}, &slashingtypes.MsgUnjail{})}, "MsgUnjail"},
		{"nesting deeper than the bound is refused", []sdk.Msg{nested}, "nested more than"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			forwarded := false
			next := func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) {
				forwarded = true
				return ctx, nil
			}
			_, err := ante.NewDisabledMsgsDecorator().AnteHandle(sdk.Context{}, fakeTx{msgs: tc.msgs}, false, next)
			if tc.wantErrText == "" {
				require.NoError(t, err)
				require.True(t, forwarded)
				return
			}
			require.ErrorIs(t, err, types.ErrMsgDisabled)
			require.ErrorContains(t, err, tc.wantErrText)
			require.False(t, forwarded)
		})
	}
}
