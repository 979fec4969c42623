package keeper_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/keeper"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

const (
	distributionChannel = "channel-3"
	providerPool        = "cosmos1ap0mh6xzfn8943urr84q6ae7zfnar48am2erhd"
)

var rewardsTime = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// rewardsFixture is a started consumer whose distribution channel is in
// state channelState, sending every 5 blocks "stake" and the provider's
// "uprov" (as a voucher of the distribution channel).
func rewardsFixture(t *testing.T, channelState channeltypes.State) (*testutil.Fixture, ccvtypes.ConsumerParams) {
	t.Helper()
	f := startedFixture(t, testutil.Validator(1, 10))
	f.Ctx = f.Ctx.WithBlockTime(rewardsTime)
	params, err := f.Keeper.GetConsumerParams(f.Ctx)
	require.NoError(t, err)
	params.BlocksPerDistributionTransmission = 5
	params.DistributionTransmissionChannel = distributionChannel
	params.ProviderFeePoolAddrStr = providerPool
	params.ConsumerId = "13"
	params.RewardDenoms = []string{"stake"}
	params.ProviderRewardDenoms = []string{"uprov"}
	params.TransferTimeoutPeriod = 2 * time.Hour
	require.NoError(t, f.Keeper.Params.Set(f.Ctx, params))
	require.NoError(t, f.Keeper.LastTransmissionBlockHeight.Set(f.Ctx, testutil.GenesisHeight))
	f.ChannelKeeper.EXPECT().GetChannel(gomock.Any(), transfertypes.PortID, distributionChannel).
		Return(channeltypes.Channel{State: channelState}, channelState != channeltypes.UNINITIALIZED).AnyTimes()
	return f, params
}

// voucher is the denom of the provider's base denom on this consumer.
func voucher(base, channelID string) string {
	return transfertypes.NewDenom(base, transfertypes.NewHop(transfertypes.PortID, channelID)).IBCDenom()
}

func coins(s string) sdk.Coins {
	c, err := sdk.ParseCoinsNormalized(s)
	if err != nil {
		panic(err)
	}
	return c
}

func TestSplitFees(t *testing.T) {
	cases := []struct {
		name                   string
		fraction, fees         string
		toConsumer, toProvider string
	}{
		{"default fraction truncates per denom", "0.75", "1001stake,3uatom", "750stake,2uatom", "251stake,1uatom"},
		{"everything to the provider", "0", "1001stake", "", "1001stake"},
		{"everything stays", "1", "1001stake", "1001stake", ""},
		{"one token rounds to the provider", "0.999999999999999999", "1stake", "", "1stake"},
		{"nothing collected", "0.75", "", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, params := rewardsFixture(t, channeltypes.OPEN)
			params.ConsumerRedistributionFraction = tc.fraction
			f.Bank.FundModule(authtypes.FeeCollectorName, coins(tc.fees)...)
			require.NoError(t, f.Keeper.SplitFees(f.Ctx, params))
			require.True(t, f.Bank.ModuleBalance(authtypes.FeeCollectorName).IsZero(), "the whole balance is split")
			require.Equal(t, coins(tc.toConsumer).String(), f.Bank.ModuleBalance(types.ConsumerRedistributeName).String())
			require.Equal(t, coins(tc.toProvider).String(), f.Bank.ModuleBalance(types.ConsumerToSendToProviderName).String())
		})
	}
}

// TestSplitFailureDoesNotHalt: a split that cannot happen leaves the fees
// where they are, and the block goes on.
func TestSplitFailureDoesNotHalt(t *testing.T) {
	f, params := rewardsFixture(t, channeltypes.OPEN)
	f.Bank.FundModule(authtypes.FeeCollectorName, coins("100stake")...)
	params.ConsumerRedistributionFraction = "not a number"
	f.Ctx = f.Ctx.WithBlockHeight(testutil.GenesisHeight + 1)
	require.NoError(t, f.Keeper.EndBlockRewards(f.Ctx, params))
	require.Equal(t, "100stake", f.Bank.ModuleBalance(authtypes.FeeCollectorName).String())

	f.Bank.Err = errors.New("bank down")
	params.ConsumerRedistributionFraction = "0.5"
	require.NoError(t, f.Keeper.EndBlockRewards(f.Ctx, params))
	require.Equal(t, "100stake", f.Bank.ModuleBalance(authtypes.FeeCollectorName).String())
}

// TestTransmissionInterval: with 5 blocks per transmission counted from the
// last one (height 10), only the EndBlock of height 15 sends, then 20.
func TestTransmissionInterval(t *testing.T) {
	f, params := rewardsFixture(t, channeltypes.OPEN)
	sentAt := []int64{}
	for h := int64(testutil.GenesisHeight + 1); h <= testutil.GenesisHeight+10; h++ {
		f.Ctx = f.Ctx.WithBlockHeight(h)
		f.Bank.FundModule(authtypes.FeeCollectorName, coins("4stake")...)
		before := len(f.Transfer.Sent)
		require.NoError(t, f.Keeper.EndBlockRewards(f.Ctx, params))
		if len(f.Transfer.Sent) > before {
			sentAt = append(sentAt, h)
		}
	}
	require.Equal(t, []int64{15, 20}, sentAt)
	last, err := f.Keeper.LastTransmissionBlockHeight.Get(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, int64(20), last)
	exported, err := f.Keeper.ExportGenesis(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, int64(20), exported.LastTransmissionBlockHeight.Height, "a restart keeps counting from the last round")
	// 4stake a block, 1 of which goes to the provider: 5 blocks per round.
	require.Equal(t, "5stake", f.Transfer.Sent[0].Token.String())
	require.Equal(t, "5stake", f.Transfer.Sent[1].Token.String())
	require.True(t, f.Bank.ModuleBalance(types.ConsumerToSendToProviderName).IsZero())
	require.Equal(t, "30stake", f.Bank.ModuleBalance(types.ConsumerRedistributeName).String())
}

// TestRewardTransfer: what goes on the wire is the incumbent's transfer:
// port transfer on the distribution channel, from cons_to_send_to_provider
// to the provider's pool, no timeout height, a timeout timestamp one
// transfer_timeout_period ahead and the memo of types.RewardMemo.
func TestRewardTransfer(t *testing.T) {
	f, params := rewardsFixture(t, channeltypes.OPEN)
	f.Bank.FundModule(types.ConsumerToSendToProviderName, coins("1234stake")...)
	f.Ctx = f.Ctx.WithBlockHeight(testutil.GenesisHeight + 5)
	require.NoError(t, f.Keeper.EndBlockRewards(f.Ctx, params))

	require.Len(t, f.Transfer.Sent, 1)
	msg := f.Transfer.Sent[0]
	sender, err := testutil.FakeAccounts{}.AddressCodec().BytesToString(authtypes.NewModuleAddress(types.ConsumerToSendToProviderName))
	require.NoError(t, err)
	require.Equal(t, transfertypes.PortID, msg.SourcePort)
	require.Equal(t, distributionChannel, msg.SourceChannel)
	require.Equal(t, "1234stake", msg.Token.String())
	require.Equal(t, sender, msg.Sender)
	require.Equal(t, providerPool, msg.Receiver)
	require.Equal(t, clienttypes.ZeroHeight(), msg.TimeoutHeight)
	require.Equal(t, uint64(rewardsTime.Add(2*time.Hour).UnixNano()), msg.TimeoutTimestamp)
	require.Equal(t, "{\n\t\t\t\"provider\": {\"consumerId\":\"13\",\"chainId\":\"consumer-1\",\"memo\":\"ICS rewards\"}\n\t\t}", msg.Memo)
	require.True(t, hasEvent(f.Ctx, keeper.EventTypeFeeDistribution, map[string]string{
		keeper.AttributeDistributionToProvider:    "1234stake",
		keeper.AttributeDistributionTotal:         "1234stake",
		keeper.AttributeDistributionCurrentHeight: "15",
		keeper.AttributeDistributionNextHeight:    "20",
		"channel_id":                              distributionChannel,
		keeper.AttributeDistributionMemo:          msg.Memo,
	}))
}

// TestOnlyAllowedDenomsAreSent: reward_denoms and the distribution
// channel's vouchers of provider_reward_denoms leave; anything else, a
// voucher of another channel included, stays in the account for good.
func TestOnlyAllowedDenomsAreSent(t *testing.T) {
	f, params := rewardsFixture(t, channeltypes.OPEN)
	provVoucher := voucher("uprov", distributionChannel)
	otherVoucher := voucher("uprov", "channel-99")
	f.Bank.FundModule(types.ConsumerToSendToProviderName,
		sdk.NewInt64Coin("stake", 10), sdk.NewInt64Coin(provVoucher, 20),
		sdk.NewInt64Coin("junk", 30), sdk.NewInt64Coin(otherVoucher, 40))
	f.Ctx = f.Ctx.WithBlockHeight(testutil.GenesisHeight + 5)
	require.NoError(t, f.Keeper.EndBlockRewards(f.Ctx, params))

	sent := sdk.NewCoins()
	for _, m := range f.Transfer.Sent {
		sent = sent.Add(m.Token)
	}
	require.Equal(t, sdk.NewCoins(sdk.NewInt64Coin("stake", 10), sdk.NewInt64Coin(provVoucher, 20)), sent)
	require.Equal(t, sdk.NewCoins(sdk.NewInt64Coin("junk", 30), sdk.NewInt64Coin(otherVoucher, 40)),
		f.Bank.ModuleBalance(types.ConsumerToSendToProviderName))
	require.Equal(t, []string{"stake", provVoucher}, keeper.AllowedRewardDenoms(params))
}

// TestChannelNotOpen: nothing leaves while the distribution channel is
// missing or not yet OPEN, but the round counts, so the next try is one
// interval later.
func TestChannelNotOpen(t *testing.T) {
	for _, state := range []channeltypes.State{channeltypes.UNINITIALIZED, channeltypes.INIT, channeltypes.TRYOPEN, channeltypes.CLOSED} {
		t.Run(state.String(), func(t *testing.T) {
			f, params := rewardsFixture(t, state)
			f.Bank.FundModule(types.ConsumerToSendToProviderName, coins("50stake")...)
			f.Ctx = f.Ctx.WithBlockHeight(testutil.GenesisHeight + 5)
			require.NoError(t, f.Keeper.EndBlockRewards(f.Ctx, params))
			require.Empty(t, f.Transfer.Sent)
			require.Equal(t, "50stake", f.Bank.ModuleBalance(types.ConsumerToSendToProviderName).String())
			last, err := f.Keeper.LastTransmissionBlockHeight.Get(f.Ctx)
			require.NoError(t, err)
			require.Equal(t, int64(testutil.GenesisHeight+5), last)
		})
	}
}

// TestNoDistributionChannelYet: before the handshake names a channel the
// rounds pass without sending.
func TestNoDistributionChannelYet(t *testing.T) {
	f, params := rewardsFixture(t, channeltypes.OPEN)
	params.DistributionTransmissionChannel = ""
	f.Bank.FundModule(types.ConsumerToSendToProviderName, coins("50stake")...)
	f.Ctx = f.Ctx.WithBlockHeight(testutil.GenesisHeight + 5)
	require.NoError(t, f.Keeper.EndBlockRewards(f.Ctx, params))
	require.Empty(t, f.Transfer.Sent)
	last, err := f.Keeper.LastTransmissionBlockHeight.Get(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, int64(testutil.GenesisHeight+5), last)
}

// TestFailedDenomWaitsForNextRound: one denom's transfer fails; the others
// still leave, the failed one stays in the account, is reported, and goes
// out in the next round.
func TestFailedDenomWaitsForNextRound(t *testing.T) {
	f, params := rewardsFixture(t, channeltypes.OPEN)
	provVoucher := voucher("uprov", distributionChannel)
	f.Bank.FundModule(types.ConsumerToSendToProviderName, sdk.NewInt64Coin("stake", 10), sdk.NewInt64Coin(provVoucher, 20))
	f.Transfer.Fail["stake"] = errors.New("send disabled")
	f.Ctx = f.Ctx.WithBlockHeight(testutil.GenesisHeight + 5)
	require.NoError(t, f.Keeper.EndBlockRewards(f.Ctx, params))

	require.Len(t, f.Transfer.Sent, 1)
	require.Equal(t, provVoucher, f.Transfer.Sent[0].Token.Denom)
	require.Equal(t, "10stake", f.Bank.ModuleBalance(types.ConsumerToSendToProviderName).String())
	require.True(t, hasEvent(f.Ctx, keeper.EventTypeFeeTransferFailed, map[string]string{
		keeper.AttributeAmount: "10stake", "channel_id": distributionChannel, "error": "send disabled",
	}))

	delete(f.Transfer.Fail, "stake")
	f.Ctx = f.Ctx.WithBlockHeight(testutil.GenesisHeight + 10)
	require.NoError(t, f.Keeper.EndBlockRewards(f.Ctx, params))
	require.Len(t, f.Transfer.Sent, 2)
	require.Equal(t, "10stake", f.Transfer.Sent[1].Token.String())
	require.True(t, f.Bank.ModuleBalance(types.ConsumerToSendToProviderName).IsZero())
}

// TestEndBlockRunsRewards: the module's EndBlock splits the fees.
func TestEndBlockRunsRewards(t *testing.T) {
	f, _ := rewardsFixture(t, channeltypes.OPEN)
	f.Bank.FundModule(authtypes.FeeCollectorName, coins("100stake")...)
	f.Ctx = f.Ctx.WithBlockHeight(testutil.GenesisHeight + 1)
	_, err := f.Keeper.EndBlock(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, "75stake", f.Bank.ModuleBalance(types.ConsumerRedistributeName).String())
	require.Equal(t, "25stake", f.Bank.ModuleBalance(types.ConsumerToSendToProviderName).String())
}

func TestSplitTruncationMatchesDecimalMath(t *testing.T) {
	// 0.333333333333333333 × 10^20 has a fractional part; truncation keeps
	// the remainder with the provider.
	f, params := rewardsFixture(t, channeltypes.OPEN)
	params.ConsumerRedistributionFraction = "0.333333333333333333"
	amount, ok := math.NewIntFromString("100000000000000000000")
	require.True(t, ok)
	f.Bank.FundModule(authtypes.FeeCollectorName, sdk.NewCoin("stake", amount))
	require.NoError(t, f.Keeper.SplitFees(f.Ctx, params))
	require.Equal(t, "33333333333333333300stake", f.Bank.ModuleBalance(types.ConsumerRedistributeName).String())
	require.Equal(t, "66666666666666666700stake", f.Bank.ModuleBalance(types.ConsumerToSendToProviderName).String())
}
