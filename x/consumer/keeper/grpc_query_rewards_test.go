package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	"github.com/rampart-ics/rampart/x/consumer/keeper"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

// TestQueryNextFeeDistribution: the estimate splits what the fee collector
// holds and counts what already waits for the provider.
func TestQueryNextFeeDistribution(t *testing.T) {
	f, _ := rewardsFixture(t, channeltypes.OPEN)
	f.Bank.FundModule(authtypes.FeeCollectorName, coins("101stake")...)
	f.Bank.FundModule(types.ConsumerToSendToProviderName, coins("7stake,3uatom")...)
	f.Ctx = f.Ctx.WithBlockHeight(testutil.GenesisHeight + 2)

	res, err := keeper.NewQuerier(f.Keeper).QueryNextFeeDistribution(f.Ctx, &types.QueryNextFeeDistributionEstimateRequest{})
	require.NoError(t, err)
	require.Equal(t, &types.NextFeeDistributionEstimate{
		CurrentHeight:        12,
		LastHeight:           10,
		NextHeight:           15,
		DistributionFraction: "0.75",
		Total:                "108stake,3uatom",
		ToProvider:           "33stake,3uatom", // 101 - 75 + 7
		ToConsumer:           "75stake",
	}, res.Data)

	// A round that is overdue (the interval was shortened) happens in the
	// next block's EndBlock.
	f.Ctx = f.Ctx.WithBlockHeight(testutil.GenesisHeight + 30)
	res, err = keeper.NewQuerier(f.Keeper).QueryNextFeeDistribution(f.Ctx, &types.QueryNextFeeDistributionEstimateRequest{})
	require.NoError(t, err)
	require.Equal(t, int64(41), res.Data.NextHeight)
}
