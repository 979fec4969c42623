package ccvtesting

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
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
// account and returns the new consumer's id.
func (n *Network) CreateConsumer(chainID string, spawnTime time.Time) string {
	n.TB.Helper()
	init := providertypes.DefaultConsumerInitializationParameters()
	init.SpawnTime = spawnTime
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

// LaunchConsumer creates a consumer that spawns at once, waits for its
// launch, starts its chain from the provider's consumer genesis and connects
// the two. It does not open the CCV channel (see Handshake).
func (n *Network) LaunchConsumer(chainID string) *Consumer {
	n.TB.Helper()
	id := n.CreateConsumer(chainID, n.Provider.ProposedHeader.Time)
	return n.LaunchCreatedConsumer(id, chainID)
}

// LaunchCreatedConsumer is LaunchConsumer for a consumer created earlier
// whose spawn time has come.
func (n *Network) LaunchCreatedConsumer(id, chainID string) *Consumer {
	n.TB.Helper()
	n.Coord.CommitBlock(n.Provider) // BeginBlock launches it
	pk := ProviderApp(n.Provider).ProviderKeeper
	ctx := n.Provider.GetContext()
	require.Equal(n.TB, providertypes.CONSUMER_PHASE_LAUNCHED, pk.GetConsumerPhase(ctx, id))
	genesis, err := pk.ConsumerGenesis.Get(ctx, id)
	require.NoError(n.TB, err)
	clientID, err := pk.ConsumerClientID.Get(ctx, id)
	require.NoError(n.TB, err)

	chain := newConsumerChain(n.TB, n.Coord, chainID, consumerValSet(n.TB, genesis), n.Provider.Signers, genesis)
	providerClientOnConsumer, err := ConsumerApp(chain).ConsumerKeeper.ProviderClientID.Get(chain.GetContext())
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
