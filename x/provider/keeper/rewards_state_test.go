package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

const voucherDenom = "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2"

func TestChangeRewardDenoms(t *testing.T) {
	f := newFixture(t, 10)
	ms := f.msgServer()
	bad := []struct {
		name string
		msg  types.MsgChangeRewardDenoms
	}{
		{"not governance", types.MsgChangeRewardDenoms{DenomsToAdd: []string{"stake"}, Authority: ownerAddr}},
		{"nothing to change", types.MsgChangeRewardDenoms{Authority: govAddr}},
		{"added and removed", types.MsgChangeRewardDenoms{DenomsToAdd: []string{"stake"}, DenomsToRemove: []string{"stake"}, Authority: govAddr}},
		{"invalid denom", types.MsgChangeRewardDenoms{DenomsToAdd: []string{"ibc/nothex"}, Authority: govAddr}},
	}
	for _, tc := range bad {
		_, err := ms.ChangeRewardDenoms(f.ctx, &tc.msg)
		require.Error(t, err, tc.name)
	}

	f.ctx = f.ctx.WithEventManager(sdk.NewEventManager())
	_, err := ms.ChangeRewardDenoms(f.ctx, &types.MsgChangeRewardDenoms{DenomsToAdd: []string{voucherDenom, "stake"}, Authority: govAddr})
	require.NoError(t, err)
	added, ok := eventAttr(f.ctx, keeper.EventTypeChangeConsumerRewardDenom, keeper.AttributeAddConsumerRewardDenom)
	require.True(t, ok)
	require.Equal(t, voucherDenom+",stake", added)

	// Adding one present and removing one absent are skipped, not errors.
	_, err = ms.ChangeRewardDenoms(f.ctx, &types.MsgChangeRewardDenoms{
		DenomsToAdd: []string{"stake"}, DenomsToRemove: []string{"uabsent", voucherDenom}, Authority: govAddr,
	})
	require.NoError(t, err)
	res, err := keeper.NewQueryServer(f.k).QueryRegisteredConsumerRewardDenoms(f.ctx, &types.QueryRegisteredConsumerRewardDenomsRequest{})
	require.NoError(t, err)
	require.Equal(t, []string{"stake"}, res.Denoms)
}

// TestRewardRecordWindow: recent amounts cover the last buckets only;
// lifetime totals stay.
func TestRewardRecordWindow(t *testing.T) {
	rf := newRewardsFixture(t, 50, 50)
	rf.setConsumerSet(1, 1)
	rf.allowlist("stake")
	rf.receive(1000, rf.rewardMemo())
	rf.allocateAt(100)
	q := keeper.NewExtQueryServer(rf.k)
	consumerRewards := func() exttypes.ConsumerDenomRewards {
		res, err := q.ConsumerRewards(rf.ctx, &exttypes.QueryConsumerRewardsRequest{ConsumerId: rf.id})
		require.NoError(t, err)
		require.Len(t, res.Rewards, 1)
		return res.Rewards[0]
	}
	require.Equal(t, math.NewInt(980), consumerRewards().Recent.Distributed)

	// Bucket 0 is in the window until bucket 10 starts.
	rf.allocateAt(types.RewardsBucketBlocks*types.RewardsWindowBuckets - 1)
	require.Equal(t, math.NewInt(980), consumerRewards().Recent.Distributed)
	rf.allocateAt(types.RewardsBucketBlocks * types.RewardsWindowBuckets)
	got := consumerRewards()
	require.True(t, got.Recent.Distributed.IsZero(), "pruned")
	require.True(t, got.Recent.Received.IsZero())
	require.Equal(t, math.NewInt(980), got.Lifetime.Distributed)
	vr, err := q.ValidatorRewards(rf.ctx, &exttypes.QueryValidatorRewardsRequest{ProviderAddress: rf.validators[0].consAddr.String()})
	require.NoError(t, err)
	require.Equal(t, math.NewInt(490), vr.Rewards[0].Lifetime.Rewards)
	require.True(t, vr.Rewards[0].Recent.Rewards.IsZero())
	require.Equal(t, int64(types.RewardsBucketBlocks), vr.Window.StartHeight)
	buckets, err := rf.k.ValidatorRewardsBuckets.Iterate(rf.ctx, nil)
	require.NoError(t, err)
	keys, err := buckets.Keys()
	require.NoError(t, err)
	require.Empty(t, keys, "old buckets are deleted")

	_, err = q.ConsumerRewards(rf.ctx, &exttypes.QueryConsumerRewardsRequest{ConsumerId: "42"})
	require.Error(t, err)
	_, err = q.ValidatorRewards(rf.ctx, &exttypes.QueryValidatorRewardsRequest{ProviderAddress: "nope"})
	require.Error(t, err)
}

// TestRewardsGenesisRoundTrip: pending allocations (held denom and dust),
// the global allowlist and the reward record survive export and import.
func TestRewardsGenesisRoundTrip(t *testing.T) {
	rf := newRewardsFixture(t, 60, 30, 10)
	rf.setConsumerSet(1, 1, 95)
	rf.allowlist("stake")
	rf.receive(1000, rf.rewardMemo())
	rf.k.OnRewardsReceived(rf.ctx, transferPacket(), transferData("ucon", 77, rf.rewardMemo()))
	rf.allocateAt(100)
	require.Equal(t, math.LegacyNewDec(1), rf.pending("stake"))

	exported, err := rf.k.ExportGenesis(rf.ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	require.Equal(t, []string{"stake"}, exported.RegisteredConsumerRewardDenoms)
	require.NotEmpty(t, exported.RewardsHistory.ValidatorBuckets)

	g := newFixture(t, 60, 30, 10)
	g.ctx = g.ctx.WithBlockHeight(rf.ctx.BlockHeight())
	g.k.InitGenesis(g.ctx, exported)
	reexported, err := g.k.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, exported, reexported)
	alloc, err := g.k.ConsumerRewardsAllocation.Get(g.ctx, rf.id)
	require.NoError(t, err)
	require.Equal(t, math.LegacyNewDec(1), alloc.Rewards.AmountOf("stake"))
	require.Equal(t, math.LegacyNewDec(77), alloc.Rewards[0].Amount, "the held voucher")
}

func TestRewardsGenesisValidate(t *testing.T) {
	tests := []struct {
		name     string
		malleate func(*types.GenesisState)
	}{
		{"invalid registered denom", func(gs *types.GenesisState) { gs.RegisteredConsumerRewardDenoms = []string{"ibc/xyz"} }},
		{"registered denom twice", func(gs *types.GenesisState) { gs.RegisteredConsumerRewardDenoms = []string{"stake", "stake"} }},
		{"record of a bad consumer id", func(gs *types.GenesisState) {
			gs.RewardsHistory.ConsumerTotals = []exttypes.ConsumerRewardsEntry{{ConsumerId: "x", Denom: "stake"}}
		}},
		{"validator record without address", func(gs *types.GenesisState) {
			gs.RewardsHistory.ValidatorBuckets = []exttypes.ValidatorRewardsEntry{{ConsumerId: "0", Denom: "stake"}}
		}},
		{"negative allocation", func(gs *types.GenesisState) {
			gs.ConsumerStates = []types.ConsumerState{{
				ChainId: "0", Phase: types.CONSUMER_PHASE_REGISTERED,
				RewardsAllocation: &types.ConsumerRewardsAllocation{Rewards: sdk.DecCoins{{Denom: "stake", Amount: math.LegacyNewDec(-1)}}},
			}}
		}},
	}
	for _, tc := range tests {
		gs := types.DefaultGenesisState()
		tc.malleate(gs)
		require.Error(t, gs.Validate(), tc.name)
	}
}
