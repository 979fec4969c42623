package main

import (
	dbm "github.com/cosmos/cosmos-db"
	"github.com/spf13/cobra"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/server"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	consumerapp "github.com/rampart-ics/rampart/app/consumer"
	"github.com/rampart-ics/rampart/cmd/internal/daemon"
)

// Bech32Prefix is the consumer's account address prefix; validator and
// consensus prefixes derive from it as in the SDK ("consumervaloper",
// "consumervalcons", ...).
const Bech32Prefix = "consumer"

// setBech32Prefixes installs the consumer's prefixes. It must run before
// any app or codec is built.
func setBech32Prefixes() { daemon.SetBech32Prefixes(Bech32Prefix) }

// NewRootCmd returns consumerd's root command.
func NewRootCmd() *cobra.Command {
	return daemon.NewRootCmd(daemon.Spec{
		Use:         "consumerd",
		Short:       "Rampart consumer chain daemon",
		DefaultHome: consumerapp.DefaultNodeHome,
		TempApp: func(home string) daemon.App {
			return consumerapp.NewConsumerApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true,
				daemon.TempAppOptions(home))
		},
		Basics: func(a daemon.App) module.BasicManager {
			return a.(*consumerapp.ConsumerApp).BasicModuleManager
		},
		NewApp:     newApp,
		ExportApp:  exportApp,
		GenesisCmd: daemon.ConsumerGenesisCmd,
	})
}

func newApp(logger log.Logger, db dbm.DB, appOpts servertypes.AppOptions) servertypes.Application {
	return consumerapp.NewConsumerApp(logger, db, nil, true, appOpts, server.DefaultBaseappOptions(appOpts)...)
}

func exportApp(
	logger log.Logger, db dbm.DB, height int64, forZeroHeight bool, jailAllowedAddrs []string,
	appOpts servertypes.AppOptions, modulesToExport []string,
) (servertypes.ExportedApp, error) {
	app, err := daemon.ExportHeight(appOpts, height, func(loadLatest bool) *consumerapp.ConsumerApp {
		return consumerapp.NewConsumerApp(logger, db, nil, loadLatest, appOpts)
	})
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	return app.ExportAppStateAndValidators(forZeroHeight, jailAllowedAddrs, modulesToExport)
}
