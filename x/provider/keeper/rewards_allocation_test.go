package keeper_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

func dec(i int64) math.LegacyDec { return math.LegacyNewDec(i) }

// TestAllocateSplitsByPowerNetOfTaxWithCommission: 1000 stake, 2% tax, so
// 980 go to validators of powers 60/30/10 and 20 to the community pool;
// each validator's commission is its consumer commission if set.
func TestAllocateSplitsByPowerNetOfTaxWithCommission(t *testing.T) {
	rf := newRewardsFixture(t, 60, 30, 10)
	rf.validators[0].val.Commission.Rate = math.LegacyNewDecWithPrec(1, 1)
	rf.validators[1].val.Commission.Rate = math.LegacyNewDecWithPrec(5, 2)
	consumerRate := math.LegacyNewDecWithPrec(5, 1)
	require.NoError(t, rf.k.ConsumerCommissionRate.Set(rf.ctx, collections.Join(rf.id, []byte(rf.validators[1].consAddr)), consumerRate))
	rf.setConsumerSet(1, 1, 1)
	rf.allowlist("stake")
	rf.receive(1000, rf.rewardMemo())

	rf.allocateAt(100)

	for i, want := range []int64{588, 294, 98} {
		require.Equal(t, dec(want), rf.received(i, "stake"), "validator %d", i)
	}
	require.Equal(t, math.LegacyNewDecWithPrec(1, 1), rf.allocated[rf.validators[0].valAddr.String()].rate, "provider commission")
	require.Equal(t, consumerRate, rf.allocated[rf.validators[1].valAddr.String()].rate, "consumer commission")
	require.Equal(t, sdk.NewInt64Coin("stake", 980), sdk.NewCoin("stake", rf.moved.AmountOf("stake")), "only what validators get leaves for distribution")
	require.Equal(t, sdk.NewCoins(sdk.NewInt64Coin("stake", 20)), rf.community)
	require.True(t, rf.pending("stake").IsZero())
	v, _ := eventAttr(rf.ctx, keeper.EventTypeDistributedRewards, keeper.AttributeValidatorsAmount)
	require.Equal(t, "980", v)
	c, _ := eventAttr(rf.ctx, keeper.EventTypeDistributedRewards, keeper.AttributeCommunityPoolAmount)
	require.Equal(t, "20", c)

	// The record shows it.
	q := keeper.NewExtQueryServer(rf.k)
	vr, err := q.ValidatorRewards(rf.ctx, &exttypes.QueryValidatorRewardsRequest{ProviderAddress: rf.validators[1].consAddr.String()})
	require.NoError(t, err)
	require.Len(t, vr.Rewards, 1)
	require.Equal(t, math.NewInt(294), vr.Rewards[0].Lifetime.Rewards)
	require.Equal(t, dec(147), vr.Rewards[0].Lifetime.Commission)
	require.Equal(t, vr.Rewards[0].Lifetime, vr.Rewards[0].Recent)
	cr, err := q.ConsumerRewards(rf.ctx, &exttypes.QueryConsumerRewardsRequest{ConsumerId: rf.id})
	require.NoError(t, err)
	require.Len(t, cr.Rewards, 1)
	require.Equal(t, exttypes.NewConsumerRewardAmounts(math.NewInt(1000), math.NewInt(980), math.NewInt(20)), cr.Rewards[0].Lifetime)
	require.True(t, cr.Rewards[0].Allowlisted)
	require.True(t, cr.Rewards[0].Pending.IsZero())
}

// TestAllocateEligibilityAndDust: a validator that joined less than
// epochs × blocks_per_epoch ago gets nothing; whole tokens that do not split
// stay in the record and go out with later rewards.
func TestAllocateEligibilityAndDust(t *testing.T) {
	rf := newRewardsFixture(t, 60, 30, 10)
	rf.setConsumerSet(1, 1, 95) // eligible after 2 epochs of 10 blocks
	rf.allowlist("stake")
	rf.receive(1000, rf.rewardMemo())

	rf.allocateAt(100)
	require.Equal(t, dec(653), rf.received(0, "stake"))
	require.Equal(t, dec(326), rf.received(1, "stake"))
	require.True(t, rf.received(2, "stake").IsZero(), "joined 5 blocks ago")
	require.Equal(t, dec(1), rf.pending("stake"), "980 does not split 60:30 in whole tokens: 1 stays")

	// One token cannot be split: it waits, and nothing is emitted.
	rf.allocateAt(115)
	require.Equal(t, dec(1), rf.pending("stake"))
	_, emitted := eventAttr(rf.ctx, keeper.EventTypeDistributedRewards, keeper.AttributeConsumerID)
	require.False(t, emitted)

	rf.receive(1000, rf.rewardMemo())
	rf.allocateAt(116)
	require.Equal(t, dec(98), rf.received(2, "stake"), "now eligible")
	require.Equal(t, dec(653+588), rf.received(0, "stake"))
	require.Equal(t, dec(1), rf.pending("stake"))
	require.Equal(t, math.NewInt(40), rf.community.AmountOf("stake"))
	// Nothing is lost: what left the pool plus what is pending is what came.
	total := rf.moved.AmountOf("stake").Add(rf.community.AmountOf("stake")).Add(rf.pending("stake").TruncateInt())
	require.Equal(t, math.NewInt(2000), total)
}

func TestAllocateWithoutEligibleValidatorsWaits(t *testing.T) {
	rf := newRewardsFixture(t, 60, 30)
	rf.setConsumerSet(95, 95)
	rf.allowlist("stake")
	rf.receive(1000, rf.rewardMemo())

	rf.allocateAt(100)
	require.Equal(t, dec(1000), rf.pending("stake"), "kept for the validators, not sent to the community pool")
	require.Empty(t, rf.community)
	require.Empty(t, rf.allocated)

	// Once they have served two epochs, they get it.
	rf.allocateAt(115)
	require.Equal(t, dec(653), rf.received(0, "stake"))
	require.Equal(t, dec(326), rf.received(1, "stake"))
}

func TestAllocateWithoutValidatorsFundsCommunityPool(t *testing.T) {
	rf := newRewardsFixture(t, 60, 30)
	rf.setConsumerSet(-1, -1)
	rf.allowlist("stake")
	rf.receive(1000, rf.rewardMemo())

	rf.allocateAt(100)
	require.Equal(t, sdk.NewCoins(sdk.NewInt64Coin("stake", 1000)), rf.community)
	require.True(t, rf.pending("stake").IsZero())
	require.Empty(t, rf.allocated)
}

// TestAllocateOnlyAllowlistedDenoms: a denom on neither list is held; it is
// allocated once governance or the consumer's owner allowlists it.
func TestAllocateOnlyAllowlistedDenoms(t *testing.T) {
	rf := newRewardsFixture(t, 50, 50)
	rf.setConsumerSet(1, 1)
	voucher := transfertypes.NewDenom("ucon", transfertypes.NewHop("transfer", transferChannel)).IBCDenom()
	other := transfertypes.NewDenom("uother", transfertypes.NewHop("transfer", transferChannel)).IBCDenom()
	rf.k.OnRewardsReceived(rf.ctx, transferPacket(), transferData("ucon", 100, rf.rewardMemo()))
	rf.k.OnRewardsReceived(rf.ctx, transferPacket(), transferData("uother", 100, rf.rewardMemo()))
	rf.receive(100, rf.rewardMemo())

	rf.allocateAt(100)
	require.Empty(t, rf.allocated, "nothing is allowlisted")
	require.Equal(t, dec(100), rf.pending(voucher))

	rf.allowlist(voucher)
	require.NoError(t, rf.k.ConsumerRewardDenoms.Set(rf.ctx, rf.id, types.AllowlistedRewardDenoms{Denoms: []string{other}}))
	rf.allocateAt(101)
	require.Equal(t, dec(49), rf.received(0, voucher), "global list")
	require.Equal(t, dec(49), rf.received(0, other), "consumer's own list")
	require.True(t, rf.received(0, "stake").IsZero(), "still held")
	require.Equal(t, dec(100), rf.pending("stake"))
	require.True(t, rf.pending(voucher).IsZero())
}

// TestAllocateFailureIsKeptAndRetried: when moving the tokens fails, the
// record is untouched, an event says why, and the next block retries.
func TestAllocateFailureIsKeptAndRetried(t *testing.T) {
	rf := newRewardsFixture(t, 50, 50)
	rf.setConsumerSet(1, 1)
	rf.allowlist("stake")
	rf.receive(1000, rf.rewardMemo())
	rf.sendErr = errors.New("bank refuses")

	rf.allocateAt(100)
	require.Equal(t, dec(1000), rf.pending("stake"))
	reason, ok := eventAttr(rf.ctx, keeper.EventTypeRewardsAllocationFailed, keeper.AttributeReason)
	require.True(t, ok)
	require.Contains(t, reason, "bank refuses")
	totals, err := rf.k.ConsumerRewardsTotals.Get(rf.ctx, collections.Join(rf.id, "stake"))
	require.NoError(t, err)
	require.True(t, totals.Distributed.IsZero(), "the failed attempt left no trace in the record")

	rf.sendErr = nil
	rf.allocateAt(101)
	require.Equal(t, dec(490), rf.received(0, "stake"))
	require.Equal(t, dec(490), rf.received(1, "stake"))
	require.True(t, rf.pending("stake").IsZero())
}

func TestAllocateSkipsFirstBlock(t *testing.T) {
	rf := newRewardsFixture(t, 50, 50)
	rf.setConsumerSet(-1, -1) // with no validator, any allocation would empty the record
	rf.allowlist("stake")
	rf.receive(1000, rf.rewardMemo())
	rf.allocateAt(1)
	require.Equal(t, dec(1000), rf.pending("stake"))
}

// TestDeletedConsumerRewardsGoToCommunityPool: a deleted consumer has no
// validators left; whatever it still has pending, in any denom, goes to the
// community pool instead of staying in the rewards pool forever.
func TestDeletedConsumerRewardsGoToCommunityPool(t *testing.T) {
	rf := newRewardsFixture(t, 50, 50)
	rf.setConsumerSet(95, 95) // not eligible yet: rewards wait
	rf.receive(1000, rf.rewardMemo())
	rf.k.OnRewardsReceived(rf.ctx, transferPacket(), transferData("ucon", 7, rf.rewardMemo()))
	rf.allocateAt(100)
	require.Equal(t, dec(1000), rf.pending("stake"))

	require.NoError(t, rf.k.DeleteConsumer(rf.ctx, rf.id))
	rf.allocateAt(101)
	voucher := transfertypes.NewDenom("ucon", transfertypes.NewHop("transfer", transferChannel)).IBCDenom()
	require.Equal(t, sdk.NewCoins(sdk.NewInt64Coin("stake", 1000), sdk.NewInt64Coin(voucher, 7)), rf.community)
	_, err := rf.k.ConsumerRewardsAllocation.Get(rf.ctx, rf.id)
	require.Error(t, err, "the record is empty")
	require.Empty(t, rf.allocated)
}
