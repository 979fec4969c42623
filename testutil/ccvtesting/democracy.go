package ccvtesting

import (
	"encoding/json"
	"fmt"
	"time"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/codec"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"

	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	"github.com/rampart-ics/rampart/app/base"
	consumerapp "github.com/rampart-ics/rampart/app/consumer"
	democracyapp "github.com/rampart-ics/rampart/app/democracy"
	consumerkeeper "github.com/rampart-ics/rampart/x/consumer/keeper"
)

// DemocracyApp returns a democracy consumer chain's app.
func DemocracyApp(chain *ibctesting.TestChain) *democracyapp.DemocracyApp {
	return chain.App.(*democracyapp.DemocracyApp)
}

// ConsumerParts returns what every kind of consumer app has: the base app
// (bank, IBC, transfer keepers, ...) and the consumer keeper.
func ConsumerParts(chain *ibctesting.TestChain) (*base.App, *consumerkeeper.Keeper) {
	switch app := chain.App.(type) {
	case *consumerapp.ConsumerApp:
		return app.App, app.ConsumerKeeper
	case *democracyapp.DemocracyApp:
		return app.App, app.ConsumerKeeper
	default:
		panic(fmt.Sprintf("%s is not a consumer chain: %T", chain.ChainID, chain.App))
	}
}

// democracyConsumer is app/democracy's chain; edit is the chain team's part
// of its genesis (representatives, governance parameters, ...).
func democracyConsumer(edit func(codec.JSONCodec, map[string]json.RawMessage)) consumerKind {
	return consumerKind{
		newApp: func() (ibctesting.TestingApp, map[string]json.RawMessage) {
			app := democracyapp.NewDemocracyApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.EmptyAppOptions{})
			return app, app.DefaultGenesis()
		},
		keeper: func(c *ibctesting.TestChain) *consumerkeeper.Keeper { return DemocracyApp(c).ConsumerKeeper },
		edit:   edit,
	}
}

// LaunchDemocracyConsumer is LaunchConsumer for a democracy consumer: it
// launches a consumer secured by every provider validator, starts a
// democracy chain from the provider's consumer genesis, adjusted by edit
// (nil for none) once the funded accounts are in, and connects it to the
// provider. It may sit beside plain consumers in the same network.
func (n *Network) LaunchDemocracyConsumer(chainID string, edit func(codec.JSONCodec, map[string]json.RawMessage)) *Consumer {
	n.TB.Helper()
	id := n.CreateOptInConsumer(chainID, time.Time{})
	n.OptInAll(id)
	n.ScheduleLaunch(id)
	return n.launchCreated(id, chainID, democracyConsumer(edit))
}
