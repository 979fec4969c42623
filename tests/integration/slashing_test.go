package integration_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	abci "github.com/cometbft/cometbft/abci/types"

	providerapp "github.com/rampart-ics/rampart/app/provider"
	"github.com/rampart-ics/rampart/testutil/ccvtesting"
	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/exttypes"
	providerkeeper "github.com/rampart-ics/rampart/x/provider/keeper"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// slashingNetwork is a provider with two consumers whose outgoing packets
// are recorded, so the test can relay their slash packets.
type slashingNetwork struct {
	*ccvtesting.Network
	t         *testing.T
	recorders map[string]*ccvtesting.PacketRecorder // by consumer id
	vals      []stakingtypes.Validator              // provider validators by power
}

func newSlashingNetwork(t *testing.T) *slashingNetwork {
	t.Helper()
	n := &slashingNetwork{Network: newNetwork(t), t: t, recorders: map[string]*ccvtesting.PacketRecorder{}}
	for _, c := range n.Consumers {
		app := ccvtesting.ConsumerApp(c.Chain)
		rec := ccvtesting.NewPacketRecorder(app.ConsumerKeeper.ICS4Wrapper(), app.IBCKeeper.ChannelKeeper)
		app.ConsumerKeeper.SetICS4Wrapper(rec)
		n.recorders[c.ID] = rec
	}
	ctx := n.Provider.GetContext()
	vals, err := n.providerApp().StakingKeeper.GetBondedValidatorsByPower(ctx)
	require.NoError(t, err)
	n.vals = vals
	// ibctesting bonds its validators in the staking genesis, which creates
	// no signing info; a chain started from gentxs has one for each.
	for i := range vals {
		info := slashingtypes.NewValidatorSigningInfo(n.consAddr(i), 0, 0, time.Unix(0, 0).UTC(), false, 0)
		require.NoError(t, n.providerApp().SlashingKeeper.SetValidatorSigningInfo(ctx, n.consAddr(i), info))
	}
	n.Coord.CommitBlock(n.Provider)
	return n
}

func (n *slashingNetwork) providerApp() *providerapp.ProviderApp {
	return ccvtesting.ProviderApp(n.Provider)
}

// consAddr is validator i's consensus address; consumers run with the
// provider keys, so it is the same on every chain.
func (n *slashingNetwork) consAddr(i int) sdk.ConsAddress {
	addr, err := n.vals[i].GetConsAddr()
	require.NoError(n.t, err)
	return addr
}

// reportDowntime makes consumer c's x/slashing report validator i, the way
// x/slashing calls its staking keeper, and commits a consumer block, whose
// EndBlock sends the packet if nothing is in flight.
func (n *slashingNetwork) reportDowntime(c *ccvtesting.Consumer, i int) {
	n.t.Helper()
	ctx := c.Chain.GetContext()
	ck := ccvtesting.ConsumerApp(c.Chain).ConsumerKeeper
	_, err := ck.SlashWithInfractionReason(ctx, n.consAddr(i), ctx.BlockHeight()-1, 1, math.LegacyZeroDec(),
		stakingtypes.Infraction_INFRACTION_DOWNTIME)
	require.NoError(n.t, err)
	n.Coord.CommitBlock(c.Chain)
}

// relaySlash relays the one slash packet consumer c has sent since the last
// relay and returns the provider's result byte and the events of its
// delivery.
func (n *slashingNetwork) relaySlash(c *ccvtesting.Consumer) (byte, []abci.Event) {
	n.t.Helper()
	packets := n.recorders[c.ID].Take(c.Path.EndpointA.ChannelID)
	require.Len(n.t, packets, 1, "consumer %s sends one slash packet at a time", c.ID)
	res, ackBz, err := c.Path.RelayPacketWithResults(packets[0])
	require.NoError(n.t, err)
	var ack channeltypes.Acknowledgement
	require.NoError(n.t, ccv.ModuleCdc.UnmarshalJSON(ackBz, &ack))
	require.True(n.t, ack.Success(), ack.GetError())
	require.Len(n.t, ack.GetResult(), 1)
	return ack.GetResult()[0], res.Events
}

func (n *slashingNetwork) setBlocksPerEpoch(blocks int64) {
	n.t.Helper()
	pk := n.providerApp().ProviderKeeper
	ctx := n.Provider.GetContext()
	params, err := pk.Params.Get(ctx)
	require.NoError(n.t, err)
	params.BlocksPerEpoch = blocks
	require.NoError(n.t, pk.Params.Set(ctx, params))
	n.Coord.CommitBlock(n.Provider)
}

func (n *slashingNetwork) jailed(i int) bool {
	val, err := n.providerApp().StakingKeeper.GetValidatorByConsAddr(n.Provider.GetContext(), n.consAddr(i))
	require.NoError(n.t, err)
	return val.IsJailed()
}

func (n *slashingNetwork) outstandingDowntime(c *ccvtesting.Consumer, i int) bool {
	has, err := ccvtesting.ConsumerApp(c.Chain).ConsumerKeeper.OutstandingDowntime.Has(c.Chain.GetContext(), n.consAddr(i))
	require.NoError(n.t, err)
	return has
}

func (n *slashingNetwork) punishments() []exttypes.Punishment {
	res, err := providerkeeper.NewExtQueryServer(n.providerApp().ProviderKeeper).
		Punishments(n.Provider.GetContext(), &exttypes.QueryPunishmentsRequest{})
	require.NoError(n.t, err)
	return res.Punishments
}

func (n *slashingNetwork) throttle() *providertypes.QueryThrottleStateResponse {
	res, err := providerkeeper.NewQueryServer(n.providerApp().ProviderKeeper).
		QueryThrottleState(n.Provider.GetContext(), &providertypes.QueryThrottleStateRequest{})
	require.NoError(n.t, err)
	return res
}

func hasEventType(events []abci.Event, eventType string) bool {
	for _, e := range events {
		if e.Type == eventType {
			return true
		}
	}
	return false
}

// TestDowntimeJailsAcrossConsumers: downtime on one consumer jails the
// validator on the provider; the next epoch removes it from every
// consumer, and the slash ack in that VSC packet clears the reporting
// consumer's outstanding-downtime flag.
func TestDowntimeJailsAcrossConsumers(t *testing.T) {
	n := newSlashingNetwork(t)
	a, b := n.Consumers[0], n.Consumers[1]
	require.Equal(t, int64(1), n.throttle().SlashMeter, "4 validators of power 1: the allowance is the minimum, 1")

	n.reportDowntime(a, 0)
	require.True(t, n.outstandingDowntime(a, 0))
	result, events := n.relaySlash(a)
	require.Equal(t, ccv.SlashPacketHandledResult[0], result)
	require.True(t, hasEventType(events, providerkeeper.EventTypeExecuteConsumerChainSlash))
	require.True(t, hasEventType(events, providerkeeper.EventTypePunishment))
	require.True(t, n.jailed(0))
	require.Equal(t, int64(0), n.throttle().SlashMeter, "the validator's power came off the meter")

	records := n.punishments()
	require.Len(t, records, 1)
	require.Equal(t, a.ID, records[0].ConsumerId)
	require.Equal(t, exttypes.INFRACTION_KIND_DOWNTIME, records[0].Infraction)
	require.Equal(t, n.consAddr(0).String(), records[0].ProviderAddress)

	// The consumer popped its request; the flag stays until the slash ack.
	_, queue, err := ccvtesting.ConsumerApp(a.Chain).ConsumerKeeper.ThrottleState(a.Chain.GetContext())
	require.NoError(t, err)
	require.Empty(t, queue)
	require.True(t, n.outstandingDowntime(a, 0))

	n.EndEpoch()
	jailedKey, err := n.vals[0].CmtConsPublicKey()
	require.NoError(t, err)
	for _, c := range []*ccvtesting.Consumer{a, b} {
		packets := n.RelayVSCPackets(c)
		require.Len(t, packets, 1)
		vsc, err := ccv.UnmarshalValidatorSetChangePacketData(packets[0].Data)
		require.NoError(t, err)
		require.Equal(t, []abci.ValidatorUpdate{{PubKey: jailedKey, Power: 0}}, vsc.ValidatorUpdates, "consumer %s", c.ID)
		if c == a {
			require.Equal(t, []string{n.consAddr(0).String()}, vsc.SlashAcks)
		} else {
			require.Empty(t, vsc.SlashAcks)
		}
		_, in := c.Chain.NextVals.GetByAddress(n.consAddr(0))
		require.Nil(t, in, "the jailed validator left consumer %s", c.ID)
		require.Equal(t, n.Provider.NextVals.Hash(), c.Chain.NextVals.Hash())
	}
	require.False(t, n.outstandingDowntime(a, 0), "the slash ack cleared the flag")
}

// TestSlashFloodIsThrottled: downtime reports beyond the slash meter bounce;
// each consumer retries after its retry delay and, once the meter is
// replenished, the retries are handled. Nothing is lost and nothing is
// punished twice.
func TestSlashFloodIsThrottled(t *testing.T) {
	n := newSlashingNetwork(t)
	a, b := n.Consumers[0], n.Consumers[1]
	// No epoch until the end: an epoch would take the jailed validators out
	// of the consumers' sets, and requests about validators outside the set
	// are acknowledged without touching the meter.
	n.setBlocksPerEpoch(1000)
	// A reports validators 0 then 1; B reports 1 then 0.
	n.reportDowntime(a, 0)
	n.reportDowntime(a, 1)
	n.reportDowntime(b, 1)
	n.reportDowntime(b, 0)

	// The meter (1) lets two through: 1 -> 0 -> -1.
	result, _ := n.relaySlash(a)
	require.Equal(t, byte(2), result)
	result, _ = n.relaySlash(b)
	require.Equal(t, byte(2), result)
	require.True(t, n.jailed(0))
	require.True(t, n.jailed(1))
	require.Equal(t, int64(-1), n.throttle().SlashMeter)

	// The next ones bounce: the meter is negative.
	for _, c := range []*ccvtesting.Consumer{a, b} {
		result, _ := n.relaySlash(c)
		require.Equal(t, ccv.SlashPacketBouncedResult[0], result, "consumer %s", c.ID)
		record, queue, err := ccvtesting.ConsumerApp(c.Chain).ConsumerKeeper.ThrottleState(c.Chain.GetContext())
		require.NoError(t, err)
		require.Len(t, queue, 1, "the bounced request stays queued")
		require.NotNil(t, record)
		require.False(t, record.WaitingOnReply)
	}
	// Not sent again before the retry delay.
	n.Coord.CommitBlock(a.Chain, b.Chain)
	for _, c := range []*ccvtesting.Consumer{a, b} {
		require.Empty(t, n.recorders[c.ID].Take(c.Path.EndpointA.ChannelID))
	}

	// An hour later the provider has replenished (-1 + 1 = 0) and the
	// consumers retry (retry_delay_period is 1h).
	n.Coord.IncrementTimeBy(time.Hour)
	n.Coord.CommitBlock(n.Provider, a.Chain, b.Chain)
	require.Equal(t, int64(0), n.throttle().SlashMeter)
	for _, c := range []*ccvtesting.Consumer{a, b} {
		result, events := n.relaySlash(c)
		require.Equal(t, ccv.SlashPacketHandledResult[0], result, "consumer %s", c.ID)
		require.False(t, hasEventType(events, providerkeeper.EventTypePunishment), "already jailed: not punished twice")
		_, queue, err := ccvtesting.ConsumerApp(c.Chain).ConsumerKeeper.ThrottleState(c.Chain.GetContext())
		require.NoError(t, err)
		require.Empty(t, queue, "nothing left on consumer %s", c.ID)
	}
	require.Equal(t, int64(0), n.throttle().SlashMeter, "jailed validators cost nothing")

	records := n.punishments()
	require.Len(t, records, 2, "one punishment per validator")
	require.ElementsMatch(t, []string{n.consAddr(0).String(), n.consAddr(1).String()},
		[]string{records[0].ProviderAddress, records[1].ProviderAddress})

	// Every report is acknowledged in the next VSC packet.
	n.setBlocksPerEpoch(10)
	n.EndEpoch()
	for _, c := range []*ccvtesting.Consumer{a, b} {
		packets := n.RelayVSCPackets(c)
		require.NotEmpty(t, packets)
		var acks []string
		for _, p := range packets {
			vsc, err := ccv.UnmarshalValidatorSetChangePacketData(p.Data)
			require.NoError(t, err)
			acks = append(acks, vsc.SlashAcks...)
		}
		require.ElementsMatch(t, []string{n.consAddr(0).String(), n.consAddr(1).String()}, acks)
		require.False(t, n.outstandingDowntime(c, 0))
		require.False(t, n.outstandingDowntime(c, 1))
	}
}

// TestInfractionParamsQueuedOnLaunchedConsumer: a launched consumer's new
// punishments wait one provider unbonding period, then apply, and the next
// downtime is punished with them.
func TestInfractionParamsQueuedOnLaunchedConsumer(t *testing.T) {
	n := newSlashingNetwork(t)
	a := n.Consumers[0]
	pk := n.providerApp().ProviderKeeper
	before, err := pk.ConsumerInfractionParams.Get(n.Provider.GetContext(), a.ID)
	require.NoError(t, err)

	update := providertypes.InfractionParameters{Downtime: &providertypes.SlashJailParameters{
		SlashFraction: math.LegacyNewDecWithPrec(1, 2), JailDuration: 2 * time.Hour,
	}}
	_, err = n.Provider.SendMsgs(&providertypes.MsgUpdateConsumer{
		Owner: n.Provider.SenderAccount.GetAddress().String(), ConsumerId: a.ID, InfractionParameters: &update,
	})
	require.NoError(t, err)
	ctx := n.Provider.GetContext()
	current, err := pk.ConsumerInfractionParams.Get(ctx, a.ID)
	require.NoError(t, err)
	require.Equal(t, before, current, "not applied at once")
	queued, err := pk.QueuedInfractionParams.Get(ctx, a.ID)
	require.NoError(t, err)
	unbonding, err := n.providerApp().StakingKeeper.UnbondingTime(ctx)
	require.NoError(t, err)
	require.True(t, queued.ApplyTime.After(ctx.BlockTime().Add(unbonding-time.Minute)), "applies one unbonding period later")

	n.Coord.IncrementTimeBy(unbonding - time.Hour)
	n.Coord.CommitBlock(n.Provider)
	current, err = pk.ConsumerInfractionParams.Get(n.Provider.GetContext(), a.ID)
	require.NoError(t, err)
	require.Equal(t, before, current, "still waiting an hour before the end")

	n.Coord.IncrementTimeBy(time.Hour)
	n.Coord.CommitBlock(n.Provider)
	ctx = n.Provider.GetContext()
	current, err = pk.ConsumerInfractionParams.Get(ctx, a.ID)
	require.NoError(t, err)
	require.Equal(t, update.Downtime.JailDuration, current.Downtime.JailDuration)
	require.True(t, update.Downtime.SlashFraction.Equal(current.Downtime.SlashFraction))
	require.Equal(t, before.DoubleSign, current.DoubleSign)
	has, err := pk.QueuedInfractionParams.Has(ctx, a.ID)
	require.NoError(t, err)
	require.False(t, has)

	// A downtime report now slashes 1% and jails for two hours. The
	// consumer's light client of the provider expired during the wait, so
	// the packet is delivered to the provider module directly.
	data := ccv.NewSlashPacketData(abci.Validator{Address: n.consAddr(2), Power: 1}, 0, stakingtypes.Infraction_INFRACTION_DOWNTIME)
	ack := pk.OnRecvConsumerPacket(ctx, channeltypes.Packet{
		DestinationPort: ccv.ProviderPortID, DestinationChannel: a.Path.EndpointB.ChannelID, Data: ccv.NewSlashPacket(data).GetBytes(),
	})
	require.True(t, ack.Success())
	records := n.punishments()
	require.Len(t, records, 1)
	require.True(t, records[0].SlashFraction.Equal(math.LegacyNewDecWithPrec(1, 2)))
	require.True(t, records[0].SlashedTokens.IsPositive())
	require.Equal(t, ctx.BlockTime().Add(2*time.Hour), records[0].JailedUntil)
}
