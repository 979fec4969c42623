package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

func TestOptIn(t *testing.T) {
	tests := []struct {
		name      string
		key       func(f *fixture) string
		consumer  func(f *fixture) string
		expErr    error
		expKeySet bool
	}{
		{"without a key", func(*fixture) string { return "" }, registeredConsumer, nil, false},
		{"with a key", func(f *fixture) string { _, js := consumerKey(f, "k"); return js }, registeredConsumer, nil, true},
		{
			"on a launched consumer", func(*fixture) string { return "" },
			func(f *fixture) string { return f.launchedConsumer("07-tendermint-0") }, nil, false,
		},
		{
			"with another validator's provider key", func(f *fixture) string { return providerKeyJSON(f, f.validators[1]) },
			registeredConsumer, types.ErrKeyIsProviderKey, false,
		},
		{
			"with a malformed key", func(*fixture) string { return `{"@type":"/cosmos.crypto.ed25519.PubKey","key":"AA=="}` },
			registeredConsumer, types.ErrInvalidConsumerKey, false,
		},
		{
			"on a stopped consumer", func(*fixture) string { return "" },
			func(f *fixture) string { return f.stopConsumer("07-tendermint-0") }, types.ErrInvalidPhase, false,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newKeysFixture(t, 30, 20)
			id := tc.consumer(f)
			v := f.validators[0]
			wasOptedIn, err := f.k.IsOptedIn(f.ctx, id, v.consAddr)
			require.NoError(t, err)
			msg := &types.MsgOptIn{ProviderAddr: v.val.GetOperator(), ConsumerKey: tc.key(f), Signer: accountOf(v), ConsumerId: id}
			_, err = f.msgServer().OptIn(f.ctx, msg)
			optedIn, hasErr := f.k.OptedIn.Has(f.ctx, collections.Join(id, []byte(v.consAddr)))
			require.NoError(t, hasErr)
			_, keySet, keyErr := f.k.GetValidatorConsumerKey(f.ctx, id, v.consAddr)
			require.NoError(t, keyErr)
			require.Equal(t, tc.expKeySet, keySet)
			if tc.expErr != nil {
				require.ErrorIs(t, err, tc.expErr)
				require.Equal(t, wasOptedIn, optedIn, "a refused opt-in changes nothing")
				return
			}
			require.NoError(t, err)
			require.True(t, optedIn)
			require.Contains(t, eventTypes(f), keeper.EventTypeOptIn)
		})
	}
}

func registeredConsumer(f *fixture) string { return f.createOptInConsumer(time.Time{}) }

func TestSetConsumerCommissionRate(t *testing.T) {
	tests := []struct {
		name   string
		rate   math.LegacyDec
		signer func(f *fixture) string
		expErr error
	}{
		{"valid rate", math.LegacyNewDecWithPrec(10, 2), nil, nil},
		{"the staking minimum", minCommissionRate, nil, nil},
		{"one", math.LegacyOneDec(), nil, nil},
		{"below the staking minimum", math.LegacyNewDecWithPrec(1, 2), nil, types.ErrInvalidCommissionRate},
		{"above one", math.LegacyNewDecWithPrec(101, 2), nil, types.ErrInvalidCommissionRate},
		{"negative", math.LegacyNewDec(-1), nil, types.ErrInvalidCommissionRate},
		{"missing", math.LegacyDec{}, nil, types.ErrInvalidCommissionRate},
		{
			"signed by another account", math.LegacyNewDecWithPrec(10, 2), func(f *fixture) string { return accountOf(f.validators[1]) },
			types.ErrUnauthorized,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newKeysFixture(t, 30, 20)
			id := f.createConsumer(time.Time{})
			v := f.validators[0]
			v.val.Commission.Rate = math.LegacyNewDecWithPrec(20, 2)
			msg := &types.MsgSetConsumerCommissionRate{ProviderAddr: v.val.GetOperator(), Rate: tc.rate, Signer: accountOf(v), ConsumerId: id}
			if tc.signer != nil {
				msg.Signer = tc.signer(f)
			}
			_, err := f.msgServer().SetConsumerCommissionRate(f.ctx, msg)
			got, rateErr := f.k.ConsumerCommissionRateOf(f.ctx, id, v.consAddr)
			require.NoError(t, rateErr)
			if tc.expErr != nil {
				require.ErrorIs(t, err, tc.expErr)
				require.Equal(t, v.val.Commission.Rate, got, "without a consumer rate the provider commission applies")
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.rate, got)
			require.Contains(t, eventTypes(f), keeper.EventTypeSetConsumerCommissionRate)
		})
	}
}

func TestSetConsumerCommissionRateNeedsActiveConsumer(t *testing.T) {
	f := newKeysFixture(t, 30, 20)
	id := f.stopConsumer("07-tendermint-0")
	v := f.validators[0]
	_, err := f.msgServer().SetConsumerCommissionRate(f.ctx, &types.MsgSetConsumerCommissionRate{
		ProviderAddr: v.val.GetOperator(), Rate: minCommissionRate, Signer: accountOf(v), ConsumerId: id,
	})
	require.ErrorIs(t, err, types.ErrInvalidPhase)
	_, err = f.msgServer().SetConsumerCommissionRate(f.ctx, &types.MsgSetConsumerCommissionRate{
		ProviderAddr: v.val.GetOperator(), Rate: minCommissionRate, Signer: accountOf(v), ConsumerId: "42",
	})
	require.ErrorIs(t, err, types.ErrUnknownConsumerID)
}
