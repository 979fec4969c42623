package ccvtesting

import (
	"encoding/json"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"

	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"

	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	consumerapp "github.com/rampart-ics/rampart/app/consumer"
	providerapp "github.com/rampart-ics/rampart/app/provider"
)

// NewProviderApp is an ibctesting.AppCreator for the provider app.
func NewProviderApp() (ibctesting.TestingApp, map[string]json.RawMessage) {
	app := providerapp.NewProviderApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.EmptyAppOptions{})
	return app, app.DefaultGenesis()
}

// newConsumerApp returns a fresh consumer app and its default genesis.
func newConsumerApp() (*consumerapp.ConsumerApp, map[string]json.RawMessage) {
	app := consumerapp.NewConsumerApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.EmptyAppOptions{})
	return app, app.DefaultGenesis()
}

// ProviderApp returns a provider chain's app.
func ProviderApp(chain *ibctesting.TestChain) *providerapp.ProviderApp {
	return chain.App.(*providerapp.ProviderApp)
}

// ConsumerApp returns a consumer chain's app.
func ConsumerApp(chain *ibctesting.TestChain) *consumerapp.ConsumerApp {
	return chain.App.(*consumerapp.ConsumerApp)
}
