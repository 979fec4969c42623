package democracy

import (
	"encoding/json"
	"io"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"

	"github.com/rampart-ics/rampart/app/base"
	consumerapp "github.com/rampart-ics/rampart/app/consumer"
	consumerkeeper "github.com/rampart-ics/rampart/x/consumer/keeper"
	"github.com/rampart-ics/rampart/x/democracy/governance"
)

// AppName is the name the democracy consumer's BaseApp reports.
const AppName = "rampart-democracy"

// DefaultNodeHome is the democracy daemon's default home, ~/.democracyd.
var DefaultNodeHome = base.NodeHome(".democracyd")

// DemocracyApp is a democracy consumer's ABCI application: a consumer
// (base.App and the consumer module, as in app/consumer) with its own
// token, staking for governance, fee distribution and governance
// (base.Staking: x/staking, x/mint, x/distribution, x/gov).
type DemocracyApp struct {
	*base.App
	base.Staking

	ConsumerKeeper *consumerkeeper.Keeper
}

// NewDemocracyApp builds the democracy consumer application. loadLatest
// loads the latest committed state; tests that run InitChain pass true on a
// fresh DB. Its signature is base.Constructor's.
//
// As on a plain consumer, InitChain returns the provider's initial
// validator set from the ccvconsumer section, and a disabled section (as
// DefaultGenesis's is) is refused. Representatives in the staking section
// are bonded but never reach CometBFT.
func NewDemocracyApp(logger log.Logger, db dbm.DB, _ io.Writer, loadLatest bool,
	appOpts servertypes.AppOptions, baseAppOptions ...func(*baseapp.BaseApp),
) *DemocracyApp {
	app := &DemocracyApp{App: base.New(logger, db, appOpts, chainConfig, baseAppOptions...)}

	app.ConsumerKeeper = consumerapp.InitCCV(app.App)
	consumerapp.InitSlashing(app.App, app.ConsumerKeeper)
	app.initKeepers()
	app.initModules()
	base.RegisterUpgrades(app.App, app, Upgrades)
	// The plain consumer's gates, and governance kept off the parameters
	// the provider controls.
	gates := append(consumerapp.Gates(app.ConsumerKeeper), governance.NewProposalGate(app.ConsumerKeeper))
	app.Finish(loadLatest, gates...)
	return app
}

// SetupTestingApp builds a DemocracyApp on an in-memory database with a
// no-op logger and returns it with its default genesis (see
// base.SetupTestingApp). As for a plain consumer, the ccvconsumer section
// is disabled: fill it with the provider's consumer genesis.
func SetupTestingApp() (*DemocracyApp, map[string]json.RawMessage) {
	return base.SetupTestingApp(NewDemocracyApp)
}
