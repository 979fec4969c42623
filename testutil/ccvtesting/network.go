package ccvtesting

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	providerkeeper "github.com/rampart-ics/rampart/x/provider/keeper"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// ProviderChainID is the provider's chain id in every network.
const ProviderChainID = "provider-1"

// Network is one provider chain and the consumers it secures.
type Network struct {
	TB        testing.TB
	Coord     *ibctesting.Coordinator
	Provider  *ibctesting.TestChain
	Recorder  *PacketRecorder
	Consumers []*Consumer
	// EditInitParams, if set, adjusts the initialization parameters of the
	// consumers created from then on (a short reward interval, say).
	EditInitParams func(*providertypes.ConsumerInitializationParameters)
}

// Consumer is a launched consumer chain and its CCV path (endpoint A is the
// consumer, endpoint B the provider).
type Consumer struct {
	ID    string
	Chain *ibctesting.TestChain
	Path  *ibctesting.Path
}

// NewNetwork starts a provider chain with four validators and records the
// packets its provider module sends.
func NewNetwork(t *testing.T) *Network {
	t.Helper()
	coord := ibctesting.NewCustomAppCoordinator(t, 0, NewProviderApp)
	provider := ibctesting.NewCustomAppTestChain(t, coord, ProviderChainID, NewProviderApp)
	coord.Chains[ProviderChainID] = provider

	app := ProviderApp(provider)
	recorder := NewPacketRecorder(app.IBCKeeper.ChannelKeeper, app.IBCKeeper.ChannelKeeper)
	app.ProviderKeeper.SetICS4Wrapper(recorder)
	return &Network{TB: t, Coord: coord, Provider: provider, Recorder: recorder}
}

// CreateConsumer submits MsgCreateConsumer from the provider's first sender
// account, opts every bonded provider validator in (as the incumbent's test
// setup does, so the whole provider set secures it) and returns the new
// consumer's id.
func (n *Network) CreateConsumer(chainID string, spawnTime time.Time) string {
	n.TB.Helper()
	id := n.CreateOptInConsumer(chainID, spawnTime)
	n.OptInAll(id)
	return id
}

// CreateOptInConsumer submits MsgCreateConsumer like CreateConsumer but opts
// nobody in: such a consumer launches only once validators opt in.
func (n *Network) CreateOptInConsumer(chainID string, spawnTime time.Time) string {
	n.TB.Helper()
	init := providertypes.DefaultConsumerInitializationParameters()
	init.SpawnTime = spawnTime
	if n.EditInitParams != nil {
		n.EditInitParams(&init)
	}
	msg := &providertypes.MsgCreateConsumer{
		Submitter:                n.Provider.SenderAccount.GetAddress().String(),
		ChainId:                  chainID,
		Metadata:                 providertypes.ConsumerMetadata{Name: chainID, Description: "test consumer", Metadata: "{}"},
		InitializationParameters: &init,
	}
	res, err := n.Provider.SendMsgs(msg)
	require.NoError(n.TB, err)
	id := attribute(res.Events, "create_consumer", "consumer_id")
	require.NotEmpty(n.TB, id, "create_consumer event without consumer id")
	return id
}

// OptInAll opts every bonded provider validator in to a consumer, as
// MsgOptIn would, effective at the next epoch or launch.
func (n *Network) OptInAll(consumerID string) {
	n.TB.Helper()
	app := ProviderApp(n.Provider)
	ctx := n.Provider.GetContext()
	vals, err := app.StakingKeeper.GetBondedValidatorsByPower(ctx)
	require.NoError(n.TB, err)
	for _, v := range vals {
		consAddr, err := v.GetConsAddr()
		require.NoError(n.TB, err)
		require.NoError(n.TB, app.ProviderKeeper.SetOptedIn(ctx, consumerID, consAddr))
	}
}

// LaunchConsumer creates a consumer secured by every provider validator,
// launches it, starts its chain from the provider's consumer genesis and
// connects the two. It does not open the CCV channel (see Handshake).
func (n *Network) LaunchConsumer(chainID string) *Consumer {
	n.TB.Helper()
	return n.LaunchConsumerWith(chainID, n.OptInAll)
}

// LaunchConsumerWith registers an opt-in consumer, lets setup prepare it
// (opt-ins, power shaping, ownership), schedules its launch now, launches it
// and starts its chain like LaunchConsumer.
func (n *Network) LaunchConsumerWith(chainID string, setup func(consumerID string)) *Consumer {
	n.TB.Helper()
	id := n.CreateOptInConsumer(chainID, time.Time{})
	setup(id)
	n.ScheduleLaunch(id)
	return n.LaunchCreatedConsumer(id, chainID)
}

// LaunchCreatedConsumer launches a consumer created earlier whose spawn
// time has come, and starts its chain like LaunchConsumer.
func (n *Network) LaunchCreatedConsumer(id, chainID string) *Consumer {
	n.TB.Helper()
	return n.launchCreated(id, chainID, plainConsumer)
}

// launchCreated launches a consumer created earlier whose spawn time has
// come, and starts its chain of the given kind.
func (n *Network) launchCreated(id, chainID string, kind consumerKind) *Consumer {
	n.TB.Helper()
	n.Coord.CommitBlock(n.Provider) // BeginBlock launches it
	pk := ProviderApp(n.Provider).ProviderKeeper
	require.Equal(n.TB, providertypes.CONSUMER_PHASE_LAUNCHED, pk.MustGetConsumerPhase(n.Provider.GetContext(), id))
	return n.startConsumer(id, chainID, kind)
}

// ScheduleLaunch sets a consumer's spawn time to the provider's next block
// time, as its owner (whoever that is, governance included), so the next
// block launches it.
func (n *Network) ScheduleLaunch(consumerID string) {
	n.TB.Helper()
	pk := ProviderApp(n.Provider).ProviderKeeper
	ctx := n.Provider.GetContext()
	owner, err := pk.ConsumerOwner.Get(ctx, consumerID)
	require.NoError(n.TB, err)
	init, err := pk.ConsumerInitParams.Get(ctx, consumerID)
	require.NoError(n.TB, err)
	init.SpawnTime = n.Provider.ProposedHeader.Time
	_, err = providerkeeper.NewMsgServerImpl(pk).UpdateConsumer(ctx, &providertypes.MsgUpdateConsumer{
		Owner: owner, ConsumerId: consumerID, InitializationParameters: &init,
	})
	require.NoError(n.TB, err)
}

// startConsumer starts a launched consumer's chain of the given kind, run
// by the validators of its genesis with their provider keys, and connects
// it to the provider.
func (n *Network) startConsumer(id, chainID string, kind consumerKind) *Consumer {
	n.TB.Helper()
	pk := ProviderApp(n.Provider).ProviderKeeper
	ctx := n.Provider.GetContext()
	genesis, err := pk.ConsumerGenesis.Get(ctx, id)
	require.NoError(n.TB, err)
	clientID, err := pk.ConsumerClientID.Get(ctx, id)
	require.NoError(n.TB, err)

	chain := newConsumerChain(n.TB, n.Coord, chainID, consumerValSet(n.TB, genesis), n.Provider.Signers, genesis, kind)
	providerClientOnConsumer, err := kind.keeper(chain).ProviderClientID.Get(chain.GetContext())
	require.NoError(n.TB, err)

	path := ibctesting.NewPath(chain, n.Provider)
	path.EndpointA.ClientID = providerClientOnConsumer
	path.EndpointB.ClientID = clientID
	for _, ep := range []*ibctesting.Endpoint{path.EndpointA, path.EndpointB} {
		ep.ChannelConfig.Order = channeltypes.ORDERED
		ep.ChannelConfig.Version = ccv.Version
	}
	path.EndpointA.ChannelConfig.PortID = ccv.ConsumerPortID
	path.EndpointB.ChannelConfig.PortID = ccv.ProviderPortID
	path.CreateConnections()

	c := &Consumer{ID: id, Chain: chain, Path: path}
	n.Consumers = append(n.Consumers, c)
	return c
}

// Handshake opens the CCV channel (the consumer initiates, as it must) and
// relays the VSC packet the provider sends at OpenConfirm.
func (n *Network) Handshake(c *Consumer) {
	n.TB.Helper()
	require.NoError(n.TB, c.Path.EndpointA.ChanOpenInit())
	require.NoError(n.TB, c.Path.EndpointB.ChanOpenTry())
	require.NoError(n.TB, c.Path.EndpointA.ChanOpenAck())
	require.NoError(n.TB, c.Path.EndpointB.ChanOpenConfirm())
	n.RelayVSCPackets(c)
}

// RelayVSCPackets relays every VSC packet the provider sent to c and the
// acknowledgements back, and returns the packets.
func (n *Network) RelayVSCPackets(c *Consumer) []channeltypes.Packet {
	n.TB.Helper()
	packets := n.Recorder.Take(c.Path.EndpointB.ChannelID)
	for _, p := range packets {
		require.NoError(n.TB, c.Path.RelayPacket(p))
	}
	return packets
}

// EndEpoch commits provider blocks until one that ends an epoch has been
// committed, keeping the consumers' clocks in step.
func (n *Network) EndEpoch() {
	n.TB.Helper()
	pk := ProviderApp(n.Provider).ProviderKeeper
	for {
		last := pk.BlocksUntilNextEpoch(n.Provider.GetContext()) == 0
		n.Coord.CommitBlock(n.allChains()...)
		if last {
			return
		}
	}
}

func (n *Network) allChains() []*ibctesting.TestChain {
	chains := []*ibctesting.TestChain{n.Provider}
	for _, c := range n.Consumers {
		chains = append(chains, c.Chain)
	}
	return chains
}
