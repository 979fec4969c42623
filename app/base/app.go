package base

import (
	"encoding/json"
	"fmt"
	"io"

	dbm "github.com/cosmos/cosmos-db"

	corestore "cosmossdk.io/core/store"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/version"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	consensuskeeper "github.com/cosmos/cosmos-sdk/x/consensus/keeper"
	evidencekeeper "github.com/cosmos/cosmos-sdk/x/evidence/keeper"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	upgradekeeper "github.com/cosmos/cosmos-sdk/x/upgrade/keeper"

	ibctransferkeeper "github.com/cosmos/ibc-go/v11/modules/apps/transfer/keeper"
	ibckeeper "github.com/cosmos/ibc-go/v11/modules/core/keeper"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	abci "github.com/cometbft/cometbft/abci/types"
)

var _ servertypes.Application = (*App)(nil)

// Constructor is the signature of every Rampart chain's constructor, the
// shape the SDK's server commands and test helpers expect. The io.Writer (a
// trace store) is unused: store v2 has no tracing.
type Constructor[A any] func(
	logger log.Logger,
	db dbm.DB,
	traceStore io.Writer,
	loadLatest bool,
	appOpts servertypes.AppOptions,
	baseAppOptions ...func(*baseapp.BaseApp),
) A

// App is the part of a Rampart chain's application that every chain has:
// the BaseApp, the codecs, the KV store keys, the keepers of x/auth,
// x/bank, x/upgrade, x/consensus, x/slashing, x/evidence, IBC core and
// ICS-20 transfer, and the module managers. A chain embeds it and adds
// its own keepers. Keepers are exported so that tests (ibctesting in
// particular) can reach them.
type App struct {
	*baseapp.BaseApp

	legacyAmino       *codec.LegacyAmino
	appCodec          codec.Codec
	txConfig          client.TxConfig
	interfaceRegistry codectypes.InterfaceRegistry
	keys              map[string]*storetypes.KVStoreKey
	logger            log.Logger

	AccountKeeper         authkeeper.AccountKeeper
	BankKeeper            bankkeeper.BaseKeeper
	UpgradeKeeper         *upgradekeeper.Keeper
	ConsensusParamsKeeper consensuskeeper.Keeper
	IBCKeeper             *ibckeeper.Keeper
	TransferKeeper        *ibctransferkeeper.Keeper
	SlashingKeeper        slashingkeeper.Keeper
	EvidenceKeeper        *evidencekeeper.Keeper

	ModuleManager      *module.Manager
	BasicModuleManager module.BasicManager
	configurator       module.Configurator

	// tmLightClient is the 07-tendermint light client module, built by
	// InitIBC; its AppModule registers the client's types.
	tmLightClient ibctm.LightClientModule
	// validators is what InitSlashing built x/slashing and x/evidence on.
	validators Validators
}

// New builds the BaseApp and codecs, registers the streaming services and
// builds the x/consensus, x/auth, x/bank and x/upgrade keepers. The chain
// then builds its own keepers and calls InitIBC, InitSlashing (in the order
// its keepers need), SetIBCRouter and SetModuleManager, and ends with
// Finish.
func New(
	logger log.Logger,
	db dbm.DB,
	appOpts servertypes.AppOptions,
	cfg Config,
	baseAppOptions ...func(*baseapp.BaseApp),
) *App {
	enc := MakeEncodingConfig()
	bApp := baseapp.NewBaseApp(cfg.Name, logger, db, enc.TxConfig.TxDecoder(), baseAppOptions...)
	bApp.SetVersion(version.Version)
	bApp.SetInterfaceRegistry(enc.InterfaceRegistry)
	bApp.SetTxEncoder(enc.TxConfig.TxEncoder())

	app := &App{
		BaseApp:           bApp,
		legacyAmino:       enc.Amino,
		appCodec:          enc.Codec,
		txConfig:          enc.TxConfig,
		interfaceRegistry: enc.InterfaceRegistry,
		keys:              storetypes.NewKVStoreKeys(cfg.allStoreKeys()...),
		logger:            logger,
	}
	if err := bApp.RegisterStreamingServices(appOpts, app.keys); err != nil {
		panic(err)
	}
	app.initKeepers(appOpts, cfg)
	return app
}

// Finish completes the wiring once the module manager is set: it registers
// the reflection services, mounts the stores, installs the ABCI hooks and
// the ante and post handlers (gates as in NewAnteHandler) and, with
// loadLatest, loads the latest committed state. Tests that run InitChain
// pass loadLatest true on a fresh DB.
func (app *App) Finish(loadLatest bool, gates ...sdk.AnteDecorator) {
	app.registerReflection()

	app.MountKVStores(app.keys)
	app.SetInitChainer(app.InitChainer)
	app.SetPreBlocker(app.PreBlocker)
	app.SetBeginBlocker(app.BeginBlocker)
	app.SetEndBlocker(app.EndBlocker)
	app.setAnteAndPostHandlers(gates)

	// The proto annotations of the Msg services (signer fields, ...) are
	// checked by TestProtoAnnotations, not here: they are fixed at build time,
	// and the merged registry the check needs (several MiB) would be garbage
	// right after every node start, raising the GC goal.

	if loadLatest {
		if err := app.LoadLatestVersion(); err != nil {
			panic(fmt.Errorf("loading latest version: %w", err))
		}
	}
}

// Name returns the application's name.
func (app *App) Name() string { return app.BaseApp.Name() }

// PreBlocker runs the modules' pre-blockers (x/upgrade, then x/auth).
func (app *App) PreBlocker(ctx sdk.Context, _ *abci.RequestFinalizeBlock) (*sdk.ResponsePreBlock, error) {
	return app.ModuleManager.PreBlock(ctx)
}

// BeginBlocker runs the modules' begin-blockers.
func (app *App) BeginBlocker(ctx sdk.Context) (sdk.BeginBlock, error) {
	return app.ModuleManager.BeginBlock(ctx)
}

// EndBlocker runs the modules' end-blockers. The validator updates returned
// to CometBFT are those of the one module that returns any (x/staking on a
// standalone chain, the CCV module on a provider or a consumer).
func (app *App) EndBlocker(ctx sdk.Context) (sdk.EndBlock, error) {
	return app.ModuleManager.EndBlock(ctx)
}

// InitChainer records the modules' consensus versions and initialises every
// module from the genesis app state.
func (app *App) InitChainer(ctx sdk.Context, req *abci.RequestInitChain) (*abci.ResponseInitChain, error) {
	var genesisState map[string]json.RawMessage
	if err := json.Unmarshal(req.AppStateBytes, &genesisState); err != nil {
		return nil, fmt.Errorf("decoding app state: %w", err)
	}
	if err := app.UpgradeKeeper.SetModuleVersionMap(ctx, app.ModuleManager.GetVersionMap()); err != nil {
		return nil, err
	}
	return app.ModuleManager.InitGenesis(ctx, app.appCodec, genesisState)
}

// LoadHeight loads the state committed at height.
func (app *App) LoadHeight(height int64) error { return app.LoadVersion(height) }

// DefaultGenesis returns every module's default genesis state.
func (app *App) DefaultGenesis() map[string]json.RawMessage {
	return app.BasicModuleManager.DefaultGenesis(app.appCodec)
}

// Configurator returns the module configurator (used by upgrade handlers).
func (app *App) Configurator() module.Configurator { return app.configurator }

// LegacyAmino returns the amino codec.
func (app *App) LegacyAmino() *codec.LegacyAmino { return app.legacyAmino }

// AppCodec returns the protobuf codec.
func (app *App) AppCodec() codec.Codec { return app.appCodec }

// InterfaceRegistry returns the interface registry.
func (app *App) InterfaceRegistry() codectypes.InterfaceRegistry { return app.interfaceRegistry }

// TxConfig returns the transaction encoding configuration.
func (app *App) TxConfig() client.TxConfig { return app.txConfig }

// GetKey returns the KV store key registered under name (tests only).
func (app *App) GetKey(name string) *storetypes.KVStoreKey { return app.keys[name] }

// KVStoreService returns the store service a keeper uses for the KV store
// registered under name.
func (app *App) KVStoreService(name string) corestore.KVStoreService {
	return runtime.NewKVStoreService(app.keys[name])
}

// GetBaseApp implements ibctesting.TestingApp.
func (app *App) GetBaseApp() *baseapp.BaseApp { return app.BaseApp }

// GetIBCKeeper implements ibctesting.TestingApp.
func (app *App) GetIBCKeeper() *ibckeeper.Keeper { return app.IBCKeeper }

// GetTxConfig implements ibctesting.TestingApp.
func (app *App) GetTxConfig() client.TxConfig { return app.txConfig }
