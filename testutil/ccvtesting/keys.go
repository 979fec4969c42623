package ccvtesting

import (
	"testing"

	"github.com/stretchr/testify/require"

	cmttypes "github.com/cometbft/cometbft/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
)

// AddConsumerSigner lets consumer chains sign with a consensus key a
// validator assigned on them (MsgAssignConsumerKey). The provider's and the
// consumers' signers share one map, keyed by address.
func (n *Network) AddConsumerSigner(pv cmttypes.PrivValidator) {
	n.TB.Helper()
	pk, err := pv.GetPubKey()
	require.NoError(n.TB, err)
	n.Provider.Signers[pk.Address().String()] = pv
}

// consumerValSet is a consumer's first CometBFT set, as its genesis says:
// the provider's validators, with the keys they assigned on it.
func consumerValSet(tb testing.TB, genesis ccv.ConsumerGenesisState) *cmttypes.ValidatorSet {
	tb.Helper()
	vals, err := cmttypes.PB2TM.ValidatorUpdates(genesis.Provider.InitialValSet)
	require.NoError(tb, err)
	return cmttypes.NewValidatorSet(vals)
}
