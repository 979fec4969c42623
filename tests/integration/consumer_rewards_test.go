package integration_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	"github.com/rampart-ics/rampart/testutil/ccvtesting"
	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

const rewardInterval = 3 // blocks_per_distribution_transmission

// rewardsNetwork is a provider and one consumer whose CCV handshake is
// done, whose reward transfer channel (opened by the consumer at the CCV
// OpenAck) has been completed by the test-relayer, and which sends "stake"
// as rewards every rewardInterval blocks.
type rewardsNetwork struct {
	*ccvtesting.Network
	consumer *ccvtesting.Consumer
	transfer *ibctesting.Path // A = consumer, B = provider
	sent     *ccvtesting.PacketRecorder
}

func newRewardsNetwork(t *testing.T) *rewardsNetwork {
	t.Helper()
	n := ccvtesting.NewNetwork(t)
	n.EditInitParams = func(p *providertypes.ConsumerInitializationParameters) {
		p.BlocksPerDistributionTransmission = rewardInterval
	}
	return withRewards(t, n, n.LaunchConsumer("consumer-1"))
}

// withRewards completes the CCV handshake and the reward transfer channel
// of c, a consumer of any kind, and has it send "stake" as rewards every
// rewardInterval blocks (n.EditInitParams must set the interval).
func withRewards(t *testing.T, n *ccvtesting.Network, c *ccvtesting.Consumer) *rewardsNetwork {
	t.Helper()
	n.Handshake(c)
	r := &rewardsNetwork{Network: n, consumer: c}

	// The consumer started the transfer channel itself at OpenAck.
	app, consumerKeeper := ccvtesting.ConsumerParts(c.Chain)
	params, err := consumerKeeper.GetConsumerParams(c.Chain.GetContext())
	require.NoError(t, err)
	require.Equal(t, int64(rewardInterval), params.BlocksPerDistributionTransmission)
	distribution := params.DistributionTransmissionChannel
	require.NotEmpty(t, distribution, "OpenAck opens the distribution channel")
	ch, found := app.IBCKeeper.ChannelKeeper.GetChannel(c.Chain.GetContext(), transfertypes.PortID, distribution)
	require.True(t, found)
	require.Equal(t, channeltypes.INIT, ch.State)
	require.Equal(t, channeltypes.UNORDERED, ch.Ordering)
	require.Equal(t, transfertypes.V1, ch.Version)
	require.Equal(t, []string{c.Path.EndpointA.ConnectionID}, ch.ConnectionHops)
	require.Equal(t, transfertypes.PortID, ch.Counterparty.PortId)

	// The relayer completes it on the same connection.
	r.transfer = ibctesting.NewPath(c.Chain, n.Provider)
	for _, pair := range [][2]*ibctesting.Endpoint{
		{r.transfer.EndpointA, c.Path.EndpointA}, {r.transfer.EndpointB, c.Path.EndpointB},
	} {
		pair[0].ClientID, pair[0].ConnectionID = pair[1].ClientID, pair[1].ConnectionID
		pair[0].ChannelConfig.PortID = transfertypes.PortID
		pair[0].ChannelConfig.Version = transfertypes.V1
		pair[0].ChannelConfig.Order = channeltypes.UNORDERED
	}
	r.transfer.EndpointA.ChannelID = distribution
	require.NoError(t, r.transfer.EndpointB.ChanOpenTry())
	require.NoError(t, r.transfer.EndpointA.ChanOpenAck())
	require.NoError(t, r.transfer.EndpointB.ChanOpenConfirm())

	// Rewards are paid in the consumer's "stake" (set by its governance in
	// real life: the provider's genesis leaves reward_denoms empty).
	ctx := c.Chain.GetContext()
	params.RewardDenoms = []string{sdk.DefaultBondDenom}
	require.NoError(t, consumerKeeper.Params.Set(ctx, params))

	// Record the transfer packets the consumer sends from its EndBlock.
	r.sent = ccvtesting.NewPacketRecorder(app.IBCKeeper.ChannelKeeper, app.IBCKeeper.ChannelKeeper)
	app.TransferKeeper.WithICS4Wrapper(r.sent)
	n.Coord.CommitBlock(n.Provider, c.Chain)
	return r
}

// payFees moves amount into the consumer's fee collector, as fee-paying
// transactions would.
func (r *rewardsNetwork) payFees(t *testing.T, amount int64) {
	t.Helper()
	app, _ := ccvtesting.ConsumerParts(r.consumer.Chain)
	coins := sdk.NewCoins(sdk.NewInt64Coin(sdk.DefaultBondDenom, amount))
	require.NoError(t, app.BankKeeper.SendCoinsFromAccountToModule(r.consumer.Chain.GetContext(),
		r.consumer.Chain.SenderAccount.GetAddress(), authtypes.FeeCollectorName, coins))
}

// nextRewardPacket commits blocks until the consumer sends a reward
// transfer, at most one interval plus one, and returns it.
func (r *rewardsNetwork) nextRewardPacket(t *testing.T) channeltypes.Packet {
	t.Helper()
	for range rewardInterval + 1 {
		r.Coord.CommitBlock(r.Provider, r.consumer.Chain)
		if packets := r.sent.Take(r.transfer.EndpointA.ChannelID); len(packets) > 0 {
			require.Len(t, packets, 1, "one allowed denom, one transfer")
			return packets[0]
		}
	}
	t.Fatalf("no reward transfer within %d blocks", rewardInterval+1)
	return channeltypes.Packet{}
}

// consumerBalance is a consumer module account's balance of stake.
func (r *rewardsNetwork) consumerBalance(module string) int64 {
	app, _ := ccvtesting.ConsumerParts(r.consumer.Chain)
	return app.BankKeeper.GetBalance(r.consumer.Chain.GetContext(), authtypes.NewModuleAddress(module), sdk.DefaultBondDenom).Amount.Int64()
}

// poolBalance is the provider's reward pool balance of the consumer's stake
// voucher.
func (r *rewardsNetwork) poolBalance() int64 {
	voucher := transfertypes.NewDenom(sdk.DefaultBondDenom,
		transfertypes.NewHop(transfertypes.PortID, r.transfer.EndpointB.ChannelID)).IBCDenom()
	app := ccvtesting.ProviderApp(r.Provider)
	return app.BankKeeper.GetBalance(r.Provider.GetContext(), authtypes.NewModuleAddress(ccv.ConsumerRewardsPool), voucher).Amount.Int64()
}

// TestConsumerRewardsReachProvider: fees collected on the consumer are
// split, and the provider's share arrives in the provider's reward pool
// over the transfer channel the consumer opened, with the consumer's reward memo.
func TestConsumerRewardsReachProvider(t *testing.T) {
	r := newRewardsNetwork(t)
	r.payFees(t, 1001)
	packet := r.nextRewardPacket(t)

	// 0.75 of 1001, truncated, stays; the rest goes to the provider.
	require.Equal(t, int64(750), r.consumerBalance(consumertypes.ConsumerRedistributeName))
	var data transfertypes.FungibleTokenPacketData
	require.NoError(t, transfertypes.ModuleCdc.UnmarshalJSON(packet.GetData(), &data))
	require.Equal(t, sdk.DefaultBondDenom, data.Denom)
	require.Equal(t, "251", data.Amount)
	require.Equal(t, authtypes.NewModuleAddress(ccv.ConsumerRewardsPool).String(), data.Receiver)
	require.Equal(t, authtypes.NewModuleAddress(consumertypes.ConsumerToSendToProviderName).String(), data.Sender)
	memo, err := consumertypes.RewardMemo(r.consumer.ID, r.consumer.Chain.ChainID)
	require.NoError(t, err)
	require.Equal(t, memo, data.Memo)
	require.Equal(t, "{\n\t\t\t\"provider\": {\"consumerId\":\""+r.consumer.ID+"\",\"chainId\":\"consumer-1\",\"memo\":\"ICS rewards\"}\n\t\t}", data.Memo)

	require.NoError(t, r.transfer.RelayPacket(packet))
	require.Equal(t, int64(251), r.poolBalance())
	require.Zero(t, r.consumerBalance(consumertypes.ConsumerToSendToProviderName))
}

// TestTimedOutRewardsAreSentAgain: a reward transfer that times out is
// refunded to cons_to_send_to_provider and leaves again in the next round,
// and then arrives.
func TestTimedOutRewardsAreSentAgain(t *testing.T) {
	r := newRewardsNetwork(t)
	r.payFees(t, 400)
	packet := r.nextRewardPacket(t)
	require.Zero(t, r.consumerBalance(consumertypes.ConsumerToSendToProviderName), "escrowed")

	// Nobody relays it for longer than transfer_timeout_period (1h).
	r.Coord.IncrementTimeBy(2 * time.Hour)
	r.Coord.CommitBlock(r.Provider)
	require.NoError(t, r.transfer.EndpointA.UpdateClient())
	require.NoError(t, r.transfer.EndpointA.TimeoutPacket(packet))
	require.Equal(t, int64(100), r.consumerBalance(consumertypes.ConsumerToSendToProviderName), "refunded")
	require.Zero(t, r.poolBalance())

	retry := r.nextRewardPacket(t)
	require.Greater(t, retry.Sequence, packet.Sequence)
	var data transfertypes.FungibleTokenPacketData
	require.NoError(t, transfertypes.ModuleCdc.UnmarshalJSON(retry.GetData(), &data))
	require.Equal(t, "100", data.Amount)
	require.NoError(t, r.transfer.RelayPacket(retry))
	require.Equal(t, int64(100), r.poolBalance())
	require.Zero(t, r.consumerBalance(consumertypes.ConsumerToSendToProviderName))
}
