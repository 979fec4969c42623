package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

func TestKeyQueries(t *testing.T) {
	f := newKeysFixture(t, 30, 20)
	q := keeper.NewQueryServer(f.k)
	id := f.launchedConsumer("07-tendermint-0")
	v, other := f.validators[0], f.validators[1]
	provider := v.consAddr.String()

	// Before any assignment: no consumer address, no provider address.
	addrRes, err := q.QueryValidatorConsumerAddr(f.ctx, &types.QueryValidatorConsumerAddrRequest{ConsumerId: id, ProviderAddress: provider})
	require.NoError(t, err)
	require.Empty(t, addrRes.ConsumerAddress)

	oldKey, oldJS := consumerKey(f, "old")
	newKey, newJS := consumerKey(f, "new")
	require.NoError(t, f.assign(v, id, oldJS))
	require.NoError(t, f.assign(v, id, newJS))
	oldAddr, newAddr := keyAddr(f, oldKey).String(), keyAddr(f, newKey).String()

	addrRes, err = q.QueryValidatorConsumerAddr(f.ctx, &types.QueryValidatorConsumerAddrRequest{ConsumerId: id, ProviderAddress: provider})
	require.NoError(t, err)
	require.Equal(t, newAddr, addrRes.ConsumerAddress)

	for _, consumerAddr := range []string{newAddr, oldAddr} {
		res, err := q.QueryValidatorProviderAddr(f.ctx, &types.QueryValidatorProviderAddrRequest{ConsumerId: id, ConsumerAddress: consumerAddr})
		require.NoError(t, err)
		require.Equal(t, provider, res.ProviderAddress, "current and recently replaced keys resolve")
	}
	res, err := q.QueryValidatorProviderAddr(f.ctx, &types.QueryValidatorProviderAddrRequest{ConsumerId: id, ConsumerAddress: other.consAddr.String()})
	require.NoError(t, err)
	require.Empty(t, res.ProviderAddress, "an address nobody assigned")

	pairs, err := q.QueryAllPairsValConsAddrByConsumer(f.ctx, &types.QueryAllPairsValConsAddrByConsumerRequest{ConsumerId: id})
	require.NoError(t, err)
	require.Equal(t, []*types.PairValConAddrProviderAndConsumer{{ProviderAddress: provider, ConsumerAddress: newAddr, ConsumerKey: &newKey}},
		pairs.PairValConAddr)

	v.val.Commission.Rate = math.LegacyNewDecWithPrec(20, 2)
	rate := func(val *testValidator) math.LegacyDec {
		res, err := q.QueryValidatorConsumerCommissionRate(f.ctx, &types.QueryValidatorConsumerCommissionRateRequest{
			ConsumerId: id, ProviderAddress: val.consAddr.String(),
		})
		require.NoError(t, err)
		return res.Rate
	}
	require.Equal(t, v.val.Commission.Rate, rate(v), "falls back to the provider commission")
	require.NoError(t, f.k.SetConsumerCommissionRate(f.ctx, id, v.consAddr, math.LegacyNewDecWithPrec(7, 2)))
	require.Equal(t, math.LegacyNewDecWithPrec(7, 2), rate(v))

	vals, err := q.QueryConsumerValidators(f.ctx, &types.QueryConsumerValidatorsRequest{ConsumerId: id})
	require.NoError(t, err)
	found := false
	for _, cv := range vals.Validators {
		if cv.ProviderAddress == provider {
			found = true
			require.Equal(t, math.LegacyNewDecWithPrec(7, 2), cv.ConsumerCommissionRate)
			require.Equal(t, v.val.Commission.Rate, cv.ProviderCommissionRate)
		}
	}
	require.True(t, found, "consumer-validators lists the validator")
}

func TestKeyQueriesRefuseBadRequests(t *testing.T) {
	f := newKeysFixture(t, 30)
	q := keeper.NewQueryServer(f.k)
	id := f.createConsumer(time.Time{})
	stranger := sdk.ConsAddress([]byte("stranger____________")).String()
	valoper := f.validators[0].val.GetOperator()

	tests := []struct {
		name string
		run  func() error
		code codes.Code
	}{
		{"unknown consumer", func() error {
			_, err := q.QueryValidatorConsumerAddr(f.ctx, &types.QueryValidatorConsumerAddrRequest{ConsumerId: "9", ProviderAddress: stranger})
			return err
		}, codes.NotFound},
		{"malformed consumer id", func() error {
			_, err := q.QueryAllPairsValConsAddrByConsumer(f.ctx, &types.QueryAllPairsValConsAddrByConsumerRequest{ConsumerId: "x"})
			return err
		}, codes.InvalidArgument},
		{"operator address instead of consensus address", func() error {
			_, err := q.QueryValidatorConsumerAddr(f.ctx, &types.QueryValidatorConsumerAddrRequest{ConsumerId: id, ProviderAddress: valoper})
			return err
		}, codes.InvalidArgument},
		{"empty consumer address", func() error {
			_, err := q.QueryValidatorProviderAddr(f.ctx, &types.QueryValidatorProviderAddrRequest{ConsumerId: id})
			return err
		}, codes.InvalidArgument},
		{"commission of an unknown validator", func() error {
			_, err := q.QueryValidatorConsumerCommissionRate(f.ctx, &types.QueryValidatorConsumerCommissionRateRequest{ConsumerId: id, ProviderAddress: stranger})
			return err
		}, codes.NotFound},
		{"nil request", func() error {
			_, err := q.QueryValidatorConsumerCommissionRate(f.ctx, nil)
			return err
		}, codes.InvalidArgument},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.code, status.Code(tc.run()))
		})
	}
}
