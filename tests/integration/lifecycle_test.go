package integration_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	"github.com/rampart-ics/rampart/testutil/ccvtesting"
	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

func TestRemoveConsumerStopsThenDeletes(t *testing.T) {
	n := newNetwork(t)
	app := ccvtesting.ProviderApp(n.Provider)
	removed, kept := n.Consumers[0], n.Consumers[1]

	_, err := n.Provider.SendMsgs(&providertypes.MsgRemoveConsumer{
		ConsumerId: removed.ID,
		Owner:      n.Provider.SenderAccount.GetAddress().String(),
	})
	require.NoError(t, err)
	require.Equal(t, providertypes.CONSUMER_PHASE_STOPPED, app.ProviderKeeper.MustGetConsumerPhase(n.Provider.GetContext(), removed.ID))

	unbonding, err := app.StakingKeeper.UnbondingTime(n.Provider.GetContext())
	require.NoError(t, err)
	n.Coord.IncrementTimeBy(unbonding)
	n.Coord.CommitBlock(n.Provider)

	ctx := n.Provider.GetContext()
	require.Equal(t, providertypes.CONSUMER_PHASE_DELETED, app.ProviderKeeper.MustGetConsumerPhase(ctx, removed.ID))
	_, err = app.ProviderKeeper.ConsumerGenesis.Get(ctx, removed.ID)
	require.Error(t, err, "a deleted consumer's genesis is gone")
	require.Equal(t, providertypes.CONSUMER_PHASE_LAUNCHED, app.ProviderKeeper.MustGetConsumerPhase(ctx, kept.ID), "the other consumer is untouched")
	// The channel is forgotten, so nothing more is sent or accepted on it.
	// (Closing it needs a live client; one unbonding period on, the
	// consumer's client has expired.)
	_, err = app.ProviderKeeper.ChannelIDToConsumerID.Get(ctx, removed.Path.EndpointB.ChannelID)
	require.Error(t, err)
}

func TestVSCTimeoutStopsConsumer(t *testing.T) {
	n := newNetwork(t)
	app := ccvtesting.ProviderApp(n.Provider)
	ctx := n.Provider.GetContext()
	params, err := app.ProviderKeeper.Params.Get(ctx)
	require.NoError(t, err)
	params.CcvTimeoutPeriod = time.Hour
	require.NoError(t, app.ProviderKeeper.Params.Set(n.Provider.GetContext(), params))

	// Change the set so the next epoch sends a packet, which nobody relays.
	delegateOneUnit(t, n)
	n.EndEpoch()
	victim, other := n.Consumers[0], n.Consumers[1]
	packets := n.Recorder.Take(victim.Path.EndpointB.ChannelID)
	require.Len(t, packets, 1)
	n.RelayVSCPackets(other)

	// Two hours later the packet has timed out on the consumer.
	n.Coord.IncrementTimeBy(2 * time.Hour)
	n.Coord.CommitBlock(victim.Chain)
	require.NoError(t, victim.Path.EndpointB.UpdateClient())
	require.NoError(t, victim.Path.EndpointB.TimeoutPacket(packets[0]))

	ctx = n.Provider.GetContext()
	require.Equal(t, providertypes.CONSUMER_PHASE_STOPPED, app.ProviderKeeper.MustGetConsumerPhase(ctx, victim.ID))
	require.Equal(t, providertypes.CONSUMER_PHASE_LAUNCHED, app.ProviderKeeper.MustGetConsumerPhase(ctx, other.ID))
}

func TestMalformedPacketGetsErrorAck(t *testing.T) {
	n := newNetwork(t)
	c := n.Consumers[0]
	app := ccvtesting.ProviderApp(n.Provider)

	// The consumer's chain sends garbage on the CCV channel.
	timeout := uint64(n.Coord.CurrentTime.Add(time.Hour).UnixNano())
	seq, err := ccvtesting.ConsumerApp(c.Chain).IBCKeeper.ChannelKeeper.SendPacket(c.Chain.GetContext(),
		ccv.ConsumerPortID, c.Path.EndpointA.ChannelID, clienttypes.ZeroHeight(), timeout, []byte(`{"type":"nonsense"}`))
	require.NoError(t, err)
	n.Coord.CommitBlock(c.Chain)
	packet := channeltypes.NewPacket([]byte(`{"type":"nonsense"}`), seq, ccv.ConsumerPortID, c.Path.EndpointA.ChannelID,
		ccv.ProviderPortID, c.Path.EndpointB.ChannelID, clienttypes.ZeroHeight(), timeout)

	require.NoError(t, c.Path.EndpointB.UpdateClient())
	res, err := c.Path.EndpointB.RecvPacketWithResult(packet)
	require.NoError(t, err, "a malformed packet must not fail or panic the provider")
	ackBytes, err := ibctesting.ParseAckFromEvents(res.Events)
	require.NoError(t, err)
	require.JSONEq(t, `{"error":"ABCI code: 1: error handling packet: see events for details"}`, string(ackBytes))
	require.Equal(t, providertypes.CONSUMER_PHASE_LAUNCHED, app.ProviderKeeper.MustGetConsumerPhase(n.Provider.GetContext(), c.ID))
}

func TestNonOwnerUpdateIsRefused(t *testing.T) {
	n := newNetwork(t)
	c := n.Consumers[0]
	stranger := n.Provider.SenderAccounts[1]
	meta := providertypes.ConsumerMetadata{Name: "hijacked", Description: "x", Metadata: "x"}
	_, err := n.Provider.SendMsgsWithSender(stranger, &providertypes.MsgUpdateConsumer{
		Owner:      stranger.SenderAccount.GetAddress().String(),
		ConsumerId: c.ID,
		Metadata:   &meta,
	})
	require.ErrorContains(t, err, "is not the owner of consumer "+c.ID)

	got, err := ccvtesting.ProviderApp(n.Provider).ProviderKeeper.ConsumerMetadata.Get(n.Provider.GetContext(), c.ID)
	require.NoError(t, err)
	require.NotEqual(t, "hijacked", got.Name)
}
