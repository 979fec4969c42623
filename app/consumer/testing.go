package consumer

import (
	"encoding/json"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"
)

// emptyAppOptions is an AppOptions with nothing set.
type emptyAppOptions struct{}

func (emptyAppOptions) Get(string) any { return nil }

// SetupTestingApp builds a ConsumerApp on an in-memory database with a no-op
// logger, and returns it with its default genesis. It has the shape of an
// ibctesting AppCreator, without this package importing ibctesting. The
// genesis has a disabled ccvconsumer section (InitChain refuses it: no
// validators) and no staking section (ibctesting's setup unmarshals one):
// the harness fills in both.
func SetupTestingApp() (*ConsumerApp, map[string]json.RawMessage) {
	app := NewConsumerApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, emptyAppOptions{})
	return app, app.DefaultGenesis()
}
