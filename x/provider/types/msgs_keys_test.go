package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/rampart-ics/rampart/x/provider/types"
)

const (
	testValoper = "cosmosvaloper1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu"
	testSigner  = "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5z5tpwp"
)

func TestValidatorMsgsValidateBasic(t *testing.T) {
	assign := func(m func(*types.MsgAssignConsumerKey)) error {
		msg := types.MsgAssignConsumerKey{ProviderAddr: testValoper, ConsumerKey: validKeyJSON, Signer: testSigner, ConsumerId: "0"}
		m(&msg)
		return msg.ValidateBasic()
	}
	optIn := func(m func(*types.MsgOptIn)) error {
		msg := types.MsgOptIn{ProviderAddr: testValoper, Signer: testSigner, ConsumerId: "0"}
		m(&msg)
		return msg.ValidateBasic()
	}
	commission := func(m func(*types.MsgSetConsumerCommissionRate)) error {
		msg := types.MsgSetConsumerCommissionRate{ProviderAddr: testValoper, Rate: math.LegacyNewDecWithPrec(5, 2), Signer: testSigner, ConsumerId: "0"}
		m(&msg)
		return msg.ValidateBasic()
	}
	tests := []struct {
		name   string
		err    error
		expErr error
	}{
		{"assign: valid", assign(func(*types.MsgAssignConsumerKey) {}), nil},
		{"assign: deprecated chain id", assign(func(m *types.MsgAssignConsumerKey) { m.ChainId = "c-1" }), types.ErrInvalidDeprecatedField},
		{"assign: bad consumer id", assign(func(m *types.MsgAssignConsumerKey) { m.ConsumerId = "c-1" }), types.ErrInvalidConsumerID},
		{"assign: no provider address", assign(func(m *types.MsgAssignConsumerKey) { m.ProviderAddr = "" }), types.ErrInvalidAddress},
		{"assign: no signer", assign(func(m *types.MsgAssignConsumerKey) { m.Signer = "" }), types.ErrInvalidAddress},
		{"assign: no key", assign(func(m *types.MsgAssignConsumerKey) { m.ConsumerKey = "" }), types.ErrInvalidConsumerKey},
		{"opt-in: without key", optIn(func(*types.MsgOptIn) {}), nil},
		{"opt-in: with key", optIn(func(m *types.MsgOptIn) { m.ConsumerKey = validKeyJSON }), nil},
		{"opt-in: bad key", optIn(func(m *types.MsgOptIn) { m.ConsumerKey = "{}" }), types.ErrInvalidConsumerKey},
		{"opt-in: deprecated chain id", optIn(func(m *types.MsgOptIn) { m.ChainId = "c-1" }), types.ErrInvalidDeprecatedField},
		{"commission: valid", commission(func(*types.MsgSetConsumerCommissionRate) {}), nil},
		{"commission: above one", commission(func(m *types.MsgSetConsumerCommissionRate) { m.Rate = math.LegacyNewDec(2) }), types.ErrInvalidCommissionRate},
		{"commission: negative", commission(func(m *types.MsgSetConsumerCommissionRate) { m.Rate = math.LegacyNewDec(-1) }), types.ErrInvalidCommissionRate},
		{"commission: missing", commission(func(m *types.MsgSetConsumerCommissionRate) { m.Rate = math.LegacyDec{} }), types.ErrInvalidCommissionRate},
		{"commission: deprecated chain id", commission(func(m *types.MsgSetConsumerCommissionRate) { m.ChainId = "c-1" }), types.ErrInvalidDeprecatedField},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.expErr == nil {
				require.NoError(t, tc.err)
			} else {
				require.ErrorIs(t, tc.err, tc.expErr)
			}
		})
	}
}
