package keeper_test

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

func TestPunish(t *testing.T) {
	downtime := types.SlashJailParameters{SlashFraction: sdkmath.LegacyZeroDec(), JailDuration: 10 * time.Minute}
	doubleSign := types.SlashJailParameters{SlashFraction: sdkmath.LegacyNewDecWithPrec(5, 2), JailDuration: time.Duration(math.MaxInt64), Tombstone: true}
	cases := []struct {
		name       string
		kind       exttypes.InfractionKind
		params     types.SlashJailParameters
		jailed     bool
		tombstoned bool
		status     stakingtypes.BondStatus
		// expectations
		slash, jail, tombstone, punished bool
		jailedUntil                      time.Time
	}{
		{
			name: "downtime jails without slashing when the fraction is zero", kind: exttypes.INFRACTION_KIND_DOWNTIME,
			params: downtime, status: stakingtypes.Bonded, jail: true, punished: true, jailedUntil: genesisTime.Add(10 * time.Minute),
		},
		{
			name: "downtime never tombstones even if asked", kind: exttypes.INFRACTION_KIND_DOWNTIME,
			params: types.SlashJailParameters{SlashFraction: sdkmath.LegacyNewDecWithPrec(1, 2), JailDuration: time.Hour, Tombstone: true},
			status: stakingtypes.Bonded, slash: true, jail: true, punished: true, jailedUntil: genesisTime.Add(time.Hour),
		},
		{
			name: "double vote slashes, jails for ever and tombstones", kind: exttypes.INFRACTION_KIND_DOUBLE_VOTE,
			params: doubleSign, status: stakingtypes.Bonded, slash: true, jail: true, tombstone: true, punished: true,
			jailedUntil: genesisTime.Add(time.Duration(math.MaxInt64)),
		},
		{
			name: "an already jailed validator is slashed but not jailed again", kind: exttypes.INFRACTION_KIND_LIGHT_CLIENT_ATTACK,
			params: doubleSign, jailed: true, status: stakingtypes.Unbonding, slash: true, tombstone: true, punished: true,
			jailedUntil: genesisTime.Add(time.Duration(math.MaxInt64)),
		},
		{name: "a tombstoned validator is left alone", kind: exttypes.INFRACTION_KIND_DOUBLE_VOTE, params: doubleSign, tombstoned: true, status: stakingtypes.Bonded},
		{name: "an unbonded validator is left alone", kind: exttypes.INFRACTION_KIND_DOWNTIME, params: downtime, status: stakingtypes.Unbonded},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, 10)
			v := f.validators[0]
			v.val.Jailed, v.val.Status = tc.jailed, tc.status
			consumerID := f.createConsumer(time.Time{})
			consumerAddr := sdk.ConsAddress([]byte("consumer_address____"))

			f.staking.EXPECT().GetValidatorByConsAddr(gomock.Any(), v.consAddr).Return(v.val, nil)
			f.slashing.EXPECT().IsTombstoned(gomock.Any(), v.consAddr).Return(tc.tombstoned).AnyTimes()
			burned := sdkmath.NewInt(500_000)
			if tc.slash {
				f.staking.EXPECT().SlashWithInfractionReason(gomock.Any(), v.consAddr, int64(7), int64(10), tc.params.SlashFraction, gomock.Any()).Return(burned, nil)
			}
			if tc.jail {
				f.staking.EXPECT().Jail(gomock.Any(), v.consAddr).Return(nil)
			}
			if tc.punished {
				f.slashing.EXPECT().JailUntil(gomock.Any(), v.consAddr, tc.jailedUntil).Return(nil)
			}
			if tc.tombstone {
				f.slashing.EXPECT().Tombstone(gomock.Any(), v.consAddr).Return(nil)
			}

			res, err := f.k.Punish(f.ctx, keeper.Infraction{
				ConsumerID: consumerID, ProviderAddr: v.consAddr, ConsumerAddr: consumerAddr,
				Kind: tc.kind, InfractionHeight: 7, Power: 10, Params: tc.params,
			})
			require.NoError(t, err)
			require.Equal(t, tc.punished, res.Punished)

			resp, err := keeper.NewExtQueryServer(f.k).Punishments(f.ctx, &exttypes.QueryPunishmentsRequest{ConsumerId: consumerID})
			require.NoError(t, err)
			if !tc.punished {
				require.Empty(t, resp.Punishments)
				return
			}
			require.Len(t, resp.Punishments, 1)
			got := resp.Punishments[0]
			require.Equal(t, uint64(1), got.Sequence)
			require.Equal(t, "consumer-1", got.ConsumerChainId)
			require.Equal(t, v.consAddr.String(), got.ProviderAddress)
			require.Equal(t, consumerAddr.String(), got.ConsumerAddress)
			require.Equal(t, v.val.GetOperator(), got.OperatorAddress)
			require.Equal(t, tc.kind, got.Infraction)
			require.Equal(t, tc.tombstone, got.Tombstoned)
			require.True(t, tc.jailedUntil.Equal(got.JailedUntil))
			if tc.slash {
				require.Equal(t, burned, got.SlashedTokens)
			} else {
				require.True(t, got.SlashedTokens.IsZero())
			}
		})
	}
}

func TestPunishUnknownValidator(t *testing.T) {
	f := newFixture(t, 10)
	addr := sdk.ConsAddress([]byte("nobody______________"))
	f.staking.EXPECT().GetValidatorByConsAddr(gomock.Any(), addr).Return(stakingtypes.Validator{}, stakingtypes.ErrNoValidatorFound)
	_, err := f.k.Punish(f.ctx, keeper.Infraction{ConsumerID: "0", ProviderAddr: addr, Kind: exttypes.INFRACTION_KIND_DOWNTIME})
	require.ErrorIs(t, err, types.ErrUnknownConsumerValidator)
}

func TestPunishmentsQueryFilters(t *testing.T) {
	f := newFixture(t, 10, 20)
	a, b := f.validators[0], f.validators[1]
	params := types.SlashJailParameters{SlashFraction: sdkmath.LegacyZeroDec(), JailDuration: time.Minute}
	for _, v := range []*testValidator{a, b} {
		f.staking.EXPECT().GetValidatorByConsAddr(gomock.Any(), v.consAddr).Return(v.val, nil).AnyTimes()
		f.staking.EXPECT().Jail(gomock.Any(), v.consAddr).Return(nil).AnyTimes()
		f.slashing.EXPECT().IsTombstoned(gomock.Any(), v.consAddr).Return(false).AnyTimes()
		f.slashing.EXPECT().JailUntil(gomock.Any(), v.consAddr, gomock.Any()).Return(nil).AnyTimes()
	}
	punish := func(consumerID string, v *testValidator) {
		_, err := f.k.Punish(f.ctx, keeper.Infraction{
			ConsumerID: consumerID, ProviderAddr: v.consAddr, ConsumerAddr: v.consAddr,
			Kind: exttypes.INFRACTION_KIND_DOWNTIME, Power: v.power, Params: params,
		})
		require.NoError(t, err)
	}
	punish("0", a)
	punish("1", a)
	punish("1", b)

	q := keeper.NewExtQueryServer(f.k)
	sequences := func(req *exttypes.QueryPunishmentsRequest) []uint64 {
		resp, err := q.Punishments(f.ctx, req)
		require.NoError(t, err)
		var out []uint64
		for _, p := range resp.Punishments {
			out = append(out, p.Sequence)
		}
		return out
	}
	require.Equal(t, []uint64{1, 2, 3}, sequences(&exttypes.QueryPunishmentsRequest{}))
	require.Equal(t, []uint64{2, 3}, sequences(&exttypes.QueryPunishmentsRequest{ConsumerId: "1"}))
	require.Equal(t, []uint64{1, 2}, sequences(&exttypes.QueryPunishmentsRequest{ProviderAddress: a.consAddr.String()}))
	require.Equal(t, []uint64{3}, sequences(&exttypes.QueryPunishmentsRequest{ConsumerId: "1", ProviderAddress: b.consAddr.String()}))

	_, err := q.Punishments(f.ctx, &exttypes.QueryPunishmentsRequest{ProviderAddress: "not-an-address"})
	require.Error(t, err)
}
