package consumer

import (
	"encoding/json"
	"io"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"

	"github.com/rampart-ics/rampart/app/base"
	consumerkeeper "github.com/rampart-ics/rampart/x/consumer/keeper"
)

// AppName is the name the consumer's BaseApp reports.
const AppName = "rampart-consumer"

// DefaultNodeHome is the consumer daemon's default home, ~/.consumerd.
var DefaultNodeHome = base.NodeHome(".consumerd")

// ConsumerApp is the consumer chain's ABCI application: the keepers and
// services every Rampart chain has (base.App) and the consumer's own.
type ConsumerApp struct {
	*base.App

	ConsumerKeeper *consumerkeeper.Keeper
}

// NewConsumerApp builds the consumer application. loadLatest loads the
// latest committed state; tests that run InitChain pass true on a fresh DB.
// Its signature is base.Constructor's.
//
// At InitChain the consumer module returns the provider's initial
// validator set; a genesis whose ccvconsumer section is disabled (as
// DefaultGenesis's is: replace it with the provider's consumer genesis) has
// no validators and is refused.
func NewConsumerApp(logger log.Logger, db dbm.DB, _ io.Writer, loadLatest bool,
	appOpts servertypes.AppOptions, baseAppOptions ...func(*baseapp.BaseApp),
) *ConsumerApp {
	app := &ConsumerApp{App: base.New(logger, db, appOpts, chainConfig, baseAppOptions...)}

	app.initIBC()
	app.initSlashing()
	app.initModules()
	base.RegisterUpgrades(app.App, app, Upgrades)
	app.Finish(loadLatest, Gates(app.ConsumerKeeper)...)
	return app
}

// SetupTestingApp builds a ConsumerApp on an in-memory database with a no-op
// logger, and returns it with its default genesis: an ibctesting AppCreator
// but for the return type (see base.SetupTestingApp). The genesis has a
// disabled ccvconsumer section (InitChain refuses it: no validators) and no
// staking section (ibctesting's setup unmarshals one): the harness fills in
// both.
func SetupTestingApp() (*ConsumerApp, map[string]json.RawMessage) {
	return base.SetupTestingApp(NewConsumerApp)
}
