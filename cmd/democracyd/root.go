package main

import (
	dbm "github.com/cosmos/cosmos-db"
	"github.com/spf13/cobra"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/types/module"

	democracyapp "github.com/rampart-ics/rampart/app/democracy"
	"github.com/rampart-ics/rampart/cmd/internal/daemon"
)

// NewRootCmd returns democracyd's root command. Its genesis command is a
// consumer's (accounts, validation; no gentxs): the validators come from
// the provider, and representatives register with MsgCreateValidator once
// the chain runs, or in the genesis' staking section.
func NewRootCmd() *cobra.Command {
	newApp, exportApp := daemon.Servers(democracyapp.NewDemocracyApp)
	return daemon.NewRootCmd(daemon.Spec{
		Use:         "democracyd",
		Short:       "Rampart democracy consumer chain daemon",
		DefaultHome: democracyapp.DefaultNodeHome,
		TempApp: func(home string) daemon.App {
			return democracyapp.NewDemocracyApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true,
				daemon.TempAppOptions(home))
		},
		Basics: func(a daemon.App) module.BasicManager {
			return a.(*democracyapp.DemocracyApp).BasicModuleManager
		},
		NewApp:     newApp,
		ExportApp:  exportApp,
		GenesisCmd: daemon.ConsumerGenesisCmd,
	})
}
