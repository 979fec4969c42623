package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

func TestBeginBlockCarriesValsetUpdateIDForward(t *testing.T) {
	cases := []struct {
		name    string
		height  int64
		prepare func(t *testing.T, f *testutil.Fixture)
		want    uint64
	}{
		{
			name:   "genesis height maps to the genesis set",
			height: testutil.GenesisHeight,
			want:   0,
		},
		{
			name:   "a VSC received at the previous height",
			height: testutil.GenesisHeight + 1,
			prepare: func(t *testing.T, f *testutil.Fixture) {
				packet, data := vscPacket(testutil.ChannelID, 8, nil)
				require.NoError(t, f.Keeper.OnRecvVSCPacket(f.Ctx, packet, data))
			},
			want: 8,
		},
		{
			name:   "a restarted chain above its last recorded height",
			height: testutil.GenesisHeight + 50,
			prepare: func(t *testing.T, f *testutil.Fixture) {
				require.NoError(t, f.Keeper.HeightToValsetUpdateID.Set(f.Ctx, testutil.GenesisHeight+3, 5))
			},
			want: 5,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := startedFixture(t, testutil.Validator(1, 10))
			if tc.prepare != nil {
				tc.prepare(t, f)
			}
			f.ChannelKeeper.EXPECT().GetChannel(gomock.Any(), gomock.Any(), gomock.Any()).
				Return(channeltypes.Channel{State: channeltypes.OPEN}, true).AnyTimes()
			f.Ctx = f.Ctx.WithBlockHeight(tc.height)
			require.NoError(t, f.Keeper.BeginBlock(f.Ctx))
			got, err := f.Keeper.HeightToValsetUpdateID.Get(f.Ctx, uint64(tc.height)+1)
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}

// TestClosedChannelDoesNotHalt: a closed CCV channel is logged every block;
// the chain keeps running with its last validator set.
func TestClosedChannelDoesNotHalt(t *testing.T) {
	f := startedFixture(t, testutil.Validator(1, 10))
	require.NoError(t, f.Keeper.ProviderChannelID.Set(f.Ctx, testutil.ChannelID))
	f.ChannelKeeper.EXPECT().GetChannel(gomock.Any(), ccvtypes.ConsumerPortID, testutil.ChannelID).
		Return(channeltypes.Channel{State: channeltypes.CLOSED}, true).Times(2)
	for h := int64(testutil.GenesisHeight); h < testutil.GenesisHeight+2; h++ {
		f.Ctx = f.Ctx.WithBlockHeight(h)
		require.NoError(t, f.Keeper.BeginBlock(f.Ctx))
		_, err := f.Keeper.EndBlock(f.Ctx)
		require.NoError(t, err)
	}
}

func TestDisabledModuleIsInert(t *testing.T) {
	f := testutil.NewFixture(t)
	_, err := f.Keeper.InitGenesis(f.Ctx, types.DefaultGenesisState())
	require.NoError(t, err)
	require.NoError(t, f.Keeper.BeginBlock(f.Ctx))
	updates, err := f.Keeper.EndBlock(f.Ctx)
	require.NoError(t, err)
	require.Empty(t, updates)
	has, err := f.Keeper.HeightToValsetUpdateID.Has(f.Ctx, testutil.GenesisHeight+1)
	require.NoError(t, err)
	require.False(t, has)
}
