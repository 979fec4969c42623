package base

import (
	"encoding/json"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"
)

// EmptyAppOptions is an AppOptions with nothing set.
type EmptyAppOptions struct{}

// Get returns nil for every key.
func (EmptyAppOptions) Get(string) any { return nil }

// SetupTestingApp builds an application with newApp (a chain's
// constructor) on an in-memory database with a no-op logger, loads it, and
// returns it with its default genesis. It has the shape of an ibctesting
// AppCreator, without this package importing ibctesting:
//
//	var creator ibctesting.AppCreator = func() (ibctesting.TestingApp, map[string]json.RawMessage) {
//		return providerapp.SetupTestingApp()
//	}
func SetupTestingApp[A interface {
	DefaultGenesis() map[string]json.RawMessage
}](
	newApp Constructor[A],
) (A, map[string]json.RawMessage) {
	app := newApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, EmptyAppOptions{})
	return app, app.DefaultGenesis()
}
