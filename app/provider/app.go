package provider

import (
	"encoding/json"
	"io"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"

	"github.com/rampart-ics/rampart/app/base"
	providerkeeper "github.com/rampart-ics/rampart/x/provider/keeper"
)

// AppName is the name the provider's BaseApp reports.
const AppName = "rampart-provider"

// DefaultNodeHome is the provider daemon's default home, ~/.providerd.
var DefaultNodeHome = base.NodeHome(".providerd")

// ProviderApp is the provider chain's ABCI application: the keepers and
// services every Rampart chain has (base.App), those of a chain with its
// own stake (base.Staking: x/staking, x/mint, x/distribution, x/gov) and
// the provider module's.
type ProviderApp struct {
	*base.App
	base.Staking

	ProviderKeeper *providerkeeper.Keeper
}

// NewProviderApp builds the provider application. loadLatest loads the
// latest committed state; tests that run InitChain pass true on a fresh DB.
// Its signature is base.Constructor's.
func NewProviderApp(logger log.Logger, db dbm.DB, _ io.Writer, loadLatest bool,
	appOpts servertypes.AppOptions, baseAppOptions ...func(*baseapp.BaseApp),
) *ProviderApp {
	app := &ProviderApp{App: base.New(logger, db, appOpts, chainConfig, baseAppOptions...)}
	app.initKeepers()
	app.initIBC()
	app.setHooks()
	app.initModules()
	base.RegisterUpgrades(app.App, app, Upgrades)
	app.Finish(loadLatest)
	return app
}

// SetupTestingApp builds a ProviderApp on an in-memory database with a no-op
// logger, and returns it with its default genesis: an ibctesting AppCreator
// but for the return type (see base.SetupTestingApp).
func SetupTestingApp() (*ProviderApp, map[string]json.RawMessage) {
	return base.SetupTestingApp(NewProviderApp)
}
