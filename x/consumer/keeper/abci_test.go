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
