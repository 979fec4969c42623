package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

// TestValidatorByConsAddr: x/slashing and x/evidence see a bonded view of a
// current validator, jailed exactly while its downtime is outstanding, and
// nothing (no error: that would fail the block) for any other address.
func TestValidatorByConsAddr(t *testing.T) {
	cases := []struct {
		name       string
		seed       byte
		flag       bool
		wantNil    bool
		wantJailed bool
	}{
		{name: "current validator", seed: 2},
		{name: "current validator with outstanding downtime", seed: 2, flag: true, wantJailed: true},
		{name: "unknown address", seed: 9, wantNil: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := establishedFixture(t)
			if tc.flag {
				require.NoError(t, f.Keeper.OutstandingDowntime.Set(f.Ctx, testutil.ConsAddress(tc.seed)))
			}
			v, err := f.Keeper.ValidatorByConsAddr(f.Ctx, testutil.ConsAddress(tc.seed))
			require.NoError(t, err)
			if tc.wantNil {
				require.Nil(t, v)
				return
			}
			require.NotNil(t, v)
			require.True(t, v.IsBonded())
			require.False(t, v.IsUnbonded(), "x/evidence ignores unbonded validators")
			require.Empty(t, v.GetOperator(), "x/evidence must not look up an operator key")
			require.Equal(t, tc.wantJailed, v.IsJailed())
			pk, err := v.ConsPubKey()
			require.NoError(t, err)
			require.Equal(t, ed25519.GenPrivKeyFromSecret([]byte{tc.seed}).PubKey(), pk)
			require.Equal(t, int64(20), v.GetConsensusPower(sdk.DefaultPowerReduction))
		})
	}
}

// TestStakingKeeperRefusals: what only the provider can do is refused with
// an error that says so; jailing is left to the provider silently.
func TestStakingKeeperRefusals(t *testing.T) {
	f := establishedFixture(t)
	addr := testutil.ConsAddress(1)
	require.NoError(t, f.Keeper.Jail(f.Ctx, addr))
	require.False(t, flagged(t, f, 1), "Jail changes nothing")

	err := f.Keeper.Unjail(f.Ctx, addr)
	require.ErrorIs(t, err, types.ErrNotOnConsumer)
	require.ErrorContains(t, err, "unjail on the provider")
	_, err = f.Keeper.Validator(f.Ctx, sdk.ValAddress(addr))
	require.ErrorIs(t, err, types.ErrNotOnConsumer)
	_, err = f.Keeper.Delegation(f.Ctx, sdk.AccAddress(addr), sdk.ValAddress(addr))
	require.ErrorIs(t, err, types.ErrNotOnConsumer)

	burnt, err := f.Keeper.SlashWithInfractionReason(f.Ctx, addr, testutil.GenesisHeight, 10, sdkDec("0.5"), downtimeInfraction)
	require.NoError(t, err)
	require.True(t, burnt.IsZero(), "nothing is burnt on the consumer")
}

func TestValidatorListings(t *testing.T) {
	f := establishedFixture(t)
	require.NoError(t, f.Keeper.OutstandingDowntime.Set(f.Ctx, testutil.ConsAddress(3)))

	all, err := f.Keeper.GetAllValidators(f.Ctx)
	require.NoError(t, err)
	require.Len(t, all, 3)
	jailed := 0
	power := int64(0)
	for _, v := range all {
		require.Equal(t, stakingtypes.Bonded, v.Status)
		power += v.GetConsensusPower(sdk.DefaultPowerReduction)
		if v.Jailed {
			jailed++
		}
	}
	require.Equal(t, 1, jailed)
	require.Equal(t, int64(60), power)

	var indexes []int64
	require.NoError(t, f.Keeper.IterateValidators(f.Ctx, func(i int64, _ stakingtypes.ValidatorI) bool {
		indexes = append(indexes, i)
		return i == 1
	}))
	require.Equal(t, []int64{0, 1}, indexes, "iteration stops when asked")

	n, err := f.Keeper.MaxValidators(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, uint32(3), n)

	params, err := f.Keeper.GetParams(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, ccvtypes.DefaultConsumerParams().UnbondingPeriod, params.UnbondingTime)
	require.True(t, params.MinCommissionRate.Equal(sdkmath.LegacyZeroDec()))
}
