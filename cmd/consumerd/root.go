package main

import (
	dbm "github.com/cosmos/cosmos-db"
	"github.com/spf13/cobra"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/server"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	genutilcli "github.com/cosmos/cosmos-sdk/x/genutil/client/cli"

	consumerapp "github.com/rampart-ics/rampart/app/consumer"
	"github.com/rampart-ics/rampart/cmd/internal/daemon"
)

// Bech32Prefix is the consumer's account address prefix; validator and
// consensus prefixes derive from it as in the SDK ("consumervaloper",
// "consumervalcons", ...).
const Bech32Prefix = "consumer"

// setBech32Prefixes installs the consumer's prefixes in the SDK's global
// config. It must run before any app or codec is built.
func setBech32Prefixes() {
	cfg := sdk.GetConfig()
	cfg.SetBech32PrefixForAccount(Bech32Prefix, Bech32Prefix+sdk.PrefixPublic)
	cfg.SetBech32PrefixForValidator(Bech32Prefix+sdk.PrefixValidator+sdk.PrefixOperator,
		Bech32Prefix+sdk.PrefixValidator+sdk.PrefixOperator+sdk.PrefixPublic)
	cfg.SetBech32PrefixForConsensusNode(Bech32Prefix+sdk.PrefixValidator+sdk.PrefixConsensus,
		Bech32Prefix+sdk.PrefixValidator+sdk.PrefixConsensus+sdk.PrefixPublic)
	cfg.Seal()
}

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
		GenesisCmd: genesisCmd,
	})
}

// genesisCmd has what a consumer needs: accounts and validation. There are
// no gentxs: the validator set comes from the provider's consumer genesis.
func genesisCmd(txConfig client.TxConfig, basics module.BasicManager, home string) *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "genesis",
		Short:                      "Genesis subcommands (accounts, validation)",
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	addrCodec := txConfig.SigningContext().AddressCodec()
	cmd.AddCommand(
		genutilcli.AddGenesisAccountCmd(home, addrCodec),
		genutilcli.AddBulkGenesisAccountCmd(home, addrCodec),
		genutilcli.ValidateGenesisCmd(basics),
	)
	return cmd
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
