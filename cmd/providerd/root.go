package main

import (
	dbm "github.com/cosmos/cosmos-db"
	"github.com/spf13/cobra"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/server"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	genutilcli "github.com/cosmos/cosmos-sdk/x/genutil/client/cli"

	providerapp "github.com/rampart-ics/rampart/app/provider"
	"github.com/rampart-ics/rampart/cmd/internal/daemon"
)

// NewRootCmd returns providerd's root command. Addresses use the SDK's
// default Bech32 prefix, "cosmos".
func NewRootCmd() *cobra.Command {
	return daemon.NewRootCmd(daemon.Spec{
		Use:         "providerd",
		Short:       "Rampart provider chain daemon",
		DefaultHome: providerapp.DefaultNodeHome,
		TempApp: func(home string) daemon.App {
			return providerapp.NewProviderApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true,
				daemon.TempAppOptions(home))
		},
		Basics: func(a daemon.App) module.BasicManager {
			return a.(*providerapp.ProviderApp).BasicModuleManager
		},
		NewApp:    newApp,
		ExportApp: exportApp,
		// add-genesis-account, bulk-add-genesis-account, gentx,
		// collect-gentxs, validate and migrate.
		GenesisCmd: genutilcli.Commands,
		Customize:  replaceConsumerGenesisCmd,
	})
}

func newApp(logger log.Logger, db dbm.DB, appOpts servertypes.AppOptions) servertypes.Application {
	return providerapp.NewProviderApp(logger, db, nil, true, appOpts, server.DefaultBaseappOptions(appOpts)...)
}

func exportApp(
	logger log.Logger, db dbm.DB, height int64, forZeroHeight bool, jailAllowedAddrs []string,
	appOpts servertypes.AppOptions, modulesToExport []string,
) (servertypes.ExportedApp, error) {
	app, err := daemon.ExportHeight(appOpts, height, func(loadLatest bool) *providerapp.ProviderApp {
		return providerapp.NewProviderApp(logger, db, nil, loadLatest, appOpts)
	})
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	return app.ExportAppStateAndValidators(forZeroHeight, jailAllowedAddrs, modulesToExport)
}
