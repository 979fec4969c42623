package provider

import (
	"encoding/json"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"
)

// emptyAppOptions is an AppOptions with nothing set.
type emptyAppOptions struct{}

func (emptyAppOptions) Get(string) any { return nil }

// SetupTestingApp builds a ProviderApp on an in-memory database with a no-op
// logger, and returns it with its default genesis. It has the shape of an
// ibctesting AppCreator, without this package importing ibctesting:
//
//	var creator ibctesting.AppCreator = func() (ibctesting.TestingApp, map[string]json.RawMessage) {
//		return providerapp.SetupTestingApp()
//	}
func SetupTestingApp() (*ProviderApp, map[string]json.RawMessage) {
	app := NewProviderApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, emptyAppOptions{})
	return app, app.DefaultGenesis()
}
