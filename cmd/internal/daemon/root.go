package daemon

import (
	"fmt"
	"os"

	"github.com/spf13/cast"
	"github.com/spf13/cobra"

	"cosmossdk.io/client/v2/autocli"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/config"
	"github.com/cosmos/cosmos-sdk/client/debug"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/keys"
	"github.com/cosmos/cosmos-sdk/client/pruning"
	"github.com/cosmos/cosmos-sdk/client/rpc"
	"github.com/cosmos/cosmos-sdk/client/snapshot"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/server"
	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	authcli "github.com/cosmos/cosmos-sdk/x/auth/client/cli"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	genutilcli "github.com/cosmos/cosmos-sdk/x/genutil/client/cli"

	cmtcfg "github.com/cometbft/cometbft/config"
)

// App is what the root command needs from an application built only to read
// its codecs, modules and autocli options.
type App interface {
	AppCodec() codec.Codec
	InterfaceRegistry() codectypes.InterfaceRegistry
	TxConfig() client.TxConfig
	LegacyAmino() *codec.LegacyAmino
	AutoCliOpts() autocli.AppOptions
	Close() error
}

// Spec describes one daemon.
type Spec struct {
	// Use is the binary's name, e.g. "providerd".
	Use   string
	Short string
	// DefaultHome is the node home used when --home is not given.
	DefaultHome string
	// TempApp builds a throw-away app on an in-memory DB; home is a scratch
	// directory that is removed afterwards.
	TempApp func(home string) App
	// Basics are the app's module basics (genesis defaults and validation).
	Basics func(App) module.BasicManager
	// NewApp and ExportApp back `start` and `export`.
	NewApp    servertypes.AppCreator
	ExportApp servertypes.AppExporter
	// GenesisCmd builds the `genesis` command.
	GenesisCmd func(txConfig client.TxConfig, basics module.BasicManager, home string) *cobra.Command
	// Customize, if set, adjusts the finished command tree (after autocli;
	// not when the command runs the node).
	Customize func(root *cobra.Command) error
}

// NewRootCmd builds the daemon's root command.
func NewRootCmd(spec Spec) *cobra.Command {
	setVersion(spec.Use)
	scratch, err := os.MkdirTemp("", spec.Use)
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(scratch)
	tempApp := spec.TempApp(scratch)
	defer tempApp.Close()
	basics := spec.Basics(tempApp)

	initClientCtx := client.Context{}.
		WithCodec(tempApp.AppCodec()).
		WithInterfaceRegistry(tempApp.InterfaceRegistry()).
		WithTxConfig(tempApp.TxConfig()).
		WithLegacyAmino(tempApp.LegacyAmino()).
		WithInput(os.Stdin).
		WithAccountRetriever(authtypes.AccountRetriever{}).
		WithHomeDir(spec.DefaultHome).
		WithViper("")

	rootCmd := &cobra.Command{
		Use:           spec.Use,
		Short:         spec.Short,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SetOut(cmd.OutOrStdout())
			cmd.SetErr(cmd.ErrOrStderr())

			clientCtx := initClientCtx.WithCmdContext(cmd.Context())
			clientCtx, err := client.ReadPersistentCommandFlags(clientCtx, cmd.Flags())
			if err != nil {
				return err
			}
			clientCtx, err = config.ReadFromClientConfig(clientCtx)
			if err != nil {
				return err
			}
			if err := client.SetCmdClientContextHandler(clientCtx, cmd); err != nil {
				return err
			}
			appTemplate, appConfig := initAppConfig()
			return server.InterceptConfigsPreRunHandler(cmd, appTemplate, appConfig, cmtcfg.DefaultConfig())
		},
	}

	rootCmd.AddCommand(
		genutilcli.InitCmd(basics, spec.DefaultHome),
		debug.Cmd(),
		ConfigCmd(),
		pruning.Cmd(spec.NewApp, spec.DefaultHome),
		snapshot.Cmd(spec.NewApp),
	)
	server.AddCommands(rootCmd, spec.DefaultHome, spec.NewApp, spec.ExportApp, func(*cobra.Command) {})
	rootCmd.AddCommand(
		server.StatusCommand(),
		spec.GenesisCmd(tempApp.TxConfig(), basics, spec.DefaultHome),
		queryCommand(),
		txCommand(),
		keys.Commands(),
	)

	// The query and tx commands autocli generates hold every module's
	// protobuf descriptors (about 11 MB of heap for the life of the
	// process); a running node needs neither them nor their customizing.
	if runsNode(rootCmd, os.Args[1:]) {
		return rootCmd
	}
	autoCliOpts := tempApp.AutoCliOpts()
	autoCliOpts.ClientCtx = initClientCtx
	if err := autoCliOpts.EnhanceRootCommand(rootCmd); err != nil {
		panic(err)
	}
	if spec.Customize != nil {
		if err := spec.Customize(rootCmd); err != nil {
			panic(err)
		}
	}
	return rootCmd
}

// runsNode reports whether args run the node (`start`) rather than a
// client command.
func runsNode(root *cobra.Command, args []string) bool {
	cmd, _, err := root.Find(args)
	return err == nil && cmd != root && cmd.Name() == "start"
}

// initAppConfig returns app.toml's template and defaults: the SDK's, with a
// zero minimum gas price so that a fresh node starts without editing.
func initAppConfig() (string, any) {
	cfg := serverconfig.DefaultConfig()
	cfg.MinGasPrices = "0" + sdk.DefaultBondDenom
	return serverconfig.DefaultConfigTemplate, cfg
}

func queryCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "query",
		Aliases:                    []string{"q"},
		Short:                      "Querying subcommands",
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(
		rpc.QueryEventForTxCmd(),
		server.QueryBlockCmd(),
		server.QueryBlocksCmd(),
		server.QueryBlockResultsCmd(),
		authcli.QueryTxsByEventsCmd(),
		authcli.QueryTxCmd(),
	)
	return cmd
}

func txCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "tx",
		Short:                      "Transactions subcommands",
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(
		authcli.GetSignCommand(),
		authcli.GetSignBatchCommand(),
		authcli.GetMultiSignCommand(),
		authcli.GetMultiSignBatchCmd(),
		authcli.GetValidateSignaturesCommand(),
		authcli.GetBroadcastCommand(),
		authcli.GetEncodeCommand(),
		authcli.GetDecodeCommand(),
		authcli.GetSimulateCmd(),
	)
	return cmd
}

// AppOptions is a map-backed servertypes.AppOptions for throw-away apps.
type AppOptions map[string]any

// Get implements servertypes.AppOptions.
func (o AppOptions) Get(key string) any { return o[key] }

// TempAppOptions returns options that point a throw-away app at home.
func TempAppOptions(home string) AppOptions { return AppOptions{flags.FlagHome: home} }

// ExportHeight opens the app at height (the latest when height is -1) for
// `export`: newApp must build the app without loading a version when
// loadLatest is false; the returned app's LoadHeight is then called.
func ExportHeight[A interface{ LoadHeight(int64) error }](
	appOpts servertypes.AppOptions, height int64, newApp func(loadLatest bool) A,
) (A, error) {
	if home := cast.ToString(appOpts.Get(flags.FlagHome)); home == "" {
		var zero A
		return zero, fmt.Errorf("application home is not set")
	}
	if height == -1 {
		return newApp(true), nil
	}
	app := newApp(false)
	if err := app.LoadHeight(height); err != nil {
		var zero A
		return zero, err
	}
	return app, nil
}
