package integration_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/codec"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	consumerapp "github.com/rampart-ics/rampart/app/consumer"
	providerapp "github.com/rampart-ics/rampart/app/provider"
	"github.com/rampart-ics/rampart/testutil/ccvtesting"
	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// exporter is what both apps offer for a genesis export.
type exporter interface {
	ExportAppStateAndValidators(forZeroHeight bool, jailAllowedAddrs, modulesToExport []string) (servertypes.ExportedApp, error)
}

// TestGenesisRoundTripIsLossless exports both apps of a running network,
// starts fresh apps from the exports and exports again: the provider and
// consumer module sections must be identical.
func TestGenesisRoundTripIsLossless(t *testing.T) {
	n := newNetwork(t)
	// Give the provider state in every phase and pending work.
	n.CreateConsumer("registered-1", time.Time{})
	n.CreateConsumer("later-1", n.Coord.CurrentTime.Add(24*time.Hour))
	delegateOneUnit(t, n)
	n.EndEpoch()
	n.RelayVSCPackets(n.Consumers[0]) // consumer B keeps its packet unrelayed
	n.Coord.CommitBlock(n.Provider, n.Consumers[0].Chain, n.Consumers[1].Chain)

	t.Run("provider", func(t *testing.T) {
		fresh := providerapp.NewProviderApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.EmptyAppOptions{},
			baseapp.SetChainID(n.Provider.ChainID))
		roundTrip(t, ccvtesting.ProviderApp(n.Provider), freshApp{
			fresh.InitChain,
			exportModule(t, fresh.ModuleManager, fresh.AppCodec(), fresh.NewContextLegacy, n.Provider.ChainID),
		}, n.Provider, providertypes.ModuleName, `"consumer_chain_id":"registered-1"`)
	})
	t.Run("consumer", func(t *testing.T) {
		c := n.Consumers[1]
		fresh := consumerapp.NewConsumerApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.EmptyAppOptions{},
			baseapp.SetChainID(c.Chain.ChainID))
		roundTrip(t, ccvtesting.ConsumerApp(c.Chain), freshApp{
			fresh.InitChain,
			exportModule(t, fresh.ModuleManager, fresh.AppCodec(), fresh.NewContextLegacy, c.Chain.ChainID),
		}, c.Chain, consumertypes.ModuleName, `"provider_channel_id":"channel-`)
	})
}

// freshApp is a just-built app: it imports a genesis and exports one
// module's section of its state.
type freshApp struct {
	initChain func(*abci.RequestInitChain) (*abci.ResponseInitChain, error)
	export    func(module string) json.RawMessage
}

func roundTrip(t *testing.T, running exporter, fresh freshApp, chain *ibctesting.TestChain, module, mustContain string) {
	t.Helper()
	first, err := running.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	var firstState map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(first.AppState, &firstState))
	var compact bytes.Buffer
	require.NoError(t, json.Compact(&compact, firstState[module]))
	require.Contains(t, compact.String(), mustContain, "the export carries the network's state")

	_, err = fresh.initChain(&abci.RequestInitChain{
		ChainId:         chain.ChainID,
		Time:            chain.ProposedHeader.Time,
		AppStateBytes:   first.AppState,
		ConsensusParams: &first.ConsensusParams,
		InitialHeight:   first.Height,
	})
	require.NoError(t, err)
	// Export the imported state before any block runs, which would change it.
	require.JSONEq(t, string(firstState[module]), string(fresh.export(module)))
}

// exportModule exports one module from the state InitChain wrote.
func exportModule(t *testing.T, mm *module.Manager, cdc codec.JSONCodec, newCtx func(bool, cmtproto.Header) sdk.Context, chainID string) func(string) json.RawMessage {
	t.Helper()
	return func(name string) json.RawMessage {
		ctx := newCtx(false, cmtproto.Header{ChainID: chainID})
		state, err := mm.ExportGenesisForModules(ctx, cdc, []string{name})
		require.NoError(t, err)
		return state[name]
	}
}
