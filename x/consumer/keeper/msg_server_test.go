package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/keeper"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

func TestMsgUpdateParams(t *testing.T) {
	valid := ccvtypes.DefaultConsumerParams()
	valid.Enabled = true
	valid.ConsumerId = "42"
	invalid := valid
	invalid.HistoricalEntries = 0

	cases := []struct {
		name      string
		authority func(f *testutil.Fixture) string
		params    ccvtypes.ConsumerParams
		wantErr   error
	}{
		{"authority updates params", func(f *testutil.Fixture) string { return f.Authority }, valid, nil},
		{"anyone else is refused", func(*testutil.Fixture) string { return "cosmos1notgov" }, valid, sdkerrors.ErrUnauthorized},
		{"invalid params are refused", func(f *testutil.Fixture) string { return f.Authority }, invalid, ccvtypes.ErrInvalidParams},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := testutil.NewFixture(t)
			_, err := keeper.NewMsgServerImpl(f.Keeper).UpdateParams(f.Ctx, types.NewMsgUpdateParams(tc.authority(f), tc.params))
			got, getErr := f.Keeper.GetConsumerParams(f.Ctx)
			require.NoError(t, getErr)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				require.Equal(t, ccvtypes.DefaultConsumerParams(), got)
				return
			}
			require.NoError(t, err)
			require.Equal(t, withNilDenoms(tc.params), withNilDenoms(got))
		})
	}
}

// withNilDenoms treats empty and nil denom lists alike: the store's proto
// encoding does not tell them apart.
func withNilDenoms(p ccvtypes.ConsumerParams) ccvtypes.ConsumerParams {
	if len(p.RewardDenoms) == 0 {
		p.RewardDenoms = nil
	}
	if len(p.ProviderRewardDenoms) == 0 {
		p.ProviderRewardDenoms = nil
	}
	return p
}
