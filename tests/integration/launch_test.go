package integration_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rampart-ics/rampart/testutil/ccvtesting"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// newNetwork launches two consumers and completes their handshakes.
func newNetwork(t *testing.T) *ccvtesting.Network {
	t.Helper()
	n := ccvtesting.NewNetwork(t)
	for _, chainID := range []string{"consumera-1", "consumerb-1"} {
		c := n.LaunchConsumer(chainID)
		n.Handshake(c)
	}
	return n
}

func TestLaunchAndHandshake(t *testing.T) {
	n := newNetwork(t)
	pk := ccvtesting.ProviderApp(n.Provider).ProviderKeeper
	for i, c := range n.Consumers {
		pctx := n.Provider.GetContext()
		require.Equal(t, providertypes.CONSUMER_PHASE_LAUNCHED, pk.MustGetConsumerPhase(pctx, c.ID))
		channelID, err := pk.ConsumerChannelID.Get(pctx, c.ID)
		require.NoError(t, err)
		require.Equal(t, c.Path.EndpointB.ChannelID, channelID)

		// The VSC packet sent at OpenConfirm established the channel on the
		// consumer: it left its IBC-only mode without waiting for a change.
		ck := ccvtesting.ConsumerApp(c.Chain).ConsumerKeeper
		established, err := ck.ProviderChannelID.Get(c.Chain.GetContext())
		require.NoError(t, err, "consumer %d", i)
		require.Equal(t, c.Path.EndpointA.ChannelID, established)

		// The consumer runs with the provider's validator set.
		require.Equal(t, n.Provider.Vals.Hash(), c.Chain.Vals.Hash())
	}
	require.NotEqual(t, n.Consumers[0].ID, n.Consumers[1].ID)
}
