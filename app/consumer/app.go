package consumer

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	"github.com/cosmos/cosmos-sdk/std"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
	"github.com/cosmos/cosmos-sdk/version"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	consensuskeeper "github.com/cosmos/cosmos-sdk/x/consensus/keeper"
	evidencekeeper "github.com/cosmos/cosmos-sdk/x/evidence/keeper"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	"github.com/cosmos/cosmos-sdk/x/tx/signing"
	upgradekeeper "github.com/cosmos/cosmos-sdk/x/upgrade/keeper"

	abci "github.com/cometbft/cometbft/abci/types"

	ibctransferkeeper "github.com/cosmos/ibc-go/v11/modules/apps/transfer/keeper"
	ibckeeper "github.com/cosmos/ibc-go/v11/modules/core/keeper"

	consumerkeeper "github.com/rampart-ics/rampart/x/consumer/keeper"
)

// AppName is the name the consumer's BaseApp reports.
const AppName = "rampart-consumer"

// DefaultNodeHome is the consumer daemon's default home, ~/.consumerd.
var DefaultNodeHome string

func init() {
	home, err := os.UserHomeDir()
	if err != nil {
		home = "."
	}
	DefaultNodeHome = filepath.Join(home, ".consumerd")
}

var _ servertypes.Application = (*ConsumerApp)(nil)

// ConsumerApp is the consumer chain's ABCI application. Keepers are exported
// so that tests (ibctesting in particular) can reach them.
type ConsumerApp struct {
	*baseapp.BaseApp

	legacyAmino       *codec.LegacyAmino
	appCodec          codec.Codec
	txConfig          client.TxConfig
	interfaceRegistry codectypes.InterfaceRegistry
	keys              map[string]*storetypes.KVStoreKey

	AccountKeeper         authkeeper.AccountKeeper
	BankKeeper            bankkeeper.BaseKeeper
	UpgradeKeeper         *upgradekeeper.Keeper
	ConsensusParamsKeeper consensuskeeper.Keeper
	IBCKeeper             *ibckeeper.Keeper
	TransferKeeper        *ibctransferkeeper.Keeper
	ConsumerKeeper        *consumerkeeper.Keeper
	SlashingKeeper        slashingkeeper.Keeper
	EvidenceKeeper        *evidencekeeper.Keeper

	ModuleManager      *module.Manager
	BasicModuleManager module.BasicManager
	configurator       module.Configurator
}

// NewConsumerApp builds the consumer application. loadLatest loads the
// latest committed state; tests that run InitChain pass true on a fresh DB.
func NewConsumerApp(
	logger log.Logger,
	db dbm.DB,
	_ io.Writer, // trace store: store v2 has no tracing; kept for the usual constructor shape
	loadLatest bool,
	appOpts servertypes.AppOptions,
	baseAppOptions ...func(*baseapp.BaseApp),
) *ConsumerApp {
	interfaceRegistry, err := codectypes.NewInterfaceRegistryWithOptions(codectypes.InterfaceRegistryOptions{
		ProtoFiles: proto.HybridResolver,
		SigningOptions: signing.Options{
			AddressCodec:          address.Bech32Codec{Bech32Prefix: sdk.GetConfig().GetBech32AccountAddrPrefix()},
			ValidatorAddressCodec: address.Bech32Codec{Bech32Prefix: sdk.GetConfig().GetBech32ValidatorAddrPrefix()},
		},
	})
	if err != nil {
		panic(fmt.Errorf("interface registry: %w", err))
	}
	appCodec := codec.NewProtoCodec(interfaceRegistry)
	legacyAmino := codec.NewLegacyAmino()
	txConfig := authtx.NewTxConfig(appCodec, authtx.DefaultSignModes)
	std.RegisterLegacyAminoCodec(legacyAmino)
	std.RegisterInterfaces(interfaceRegistry)

	bApp := baseapp.NewBaseApp(AppName, logger, db, txConfig.TxDecoder(), baseAppOptions...)
	bApp.SetVersion(version.Version)
	bApp.SetInterfaceRegistry(interfaceRegistry)
	bApp.SetTxEncoder(txConfig.TxEncoder())

	app := &ConsumerApp{
		BaseApp:           bApp,
		legacyAmino:       legacyAmino,
		appCodec:          appCodec,
		txConfig:          txConfig,
		interfaceRegistry: interfaceRegistry,
		keys:              storetypes.NewKVStoreKeys(storeKeys()...),
	}
	if err := bApp.RegisterStreamingServices(appOpts, app.keys); err != nil {
		panic(err)
	}

	app.initKeepers(appOpts, logger)
	tm := app.initIBC()
	app.initSlashing()
	app.initModules(tm)
	app.registerReflection()
	app.registerUpgradeHandlers()

	app.MountKVStores(app.keys)
	app.SetInitChainer(app.InitChainer)
	app.SetPreBlocker(app.PreBlocker)
	app.SetBeginBlocker(app.BeginBlocker)
	app.SetEndBlocker(app.EndBlocker)
	app.setAnteHandler()

	// Report (do not fail on) Msg services without the signer annotations the
	// SDK's signing code relies on.
	if files, err := proto.MergedRegistry(); err != nil {
		panic(err)
	} else if err := msgservice.ValidateProtoAnnotations(files); err != nil {
		logger.Warn("proto annotation check", "err", err)
	}

	if loadLatest {
		if err := app.LoadLatestVersion(); err != nil {
			panic(fmt.Errorf("loading latest version: %w", err))
		}
	}
	return app
}

// Name returns the application's name.
func (app *ConsumerApp) Name() string { return app.BaseApp.Name() }

// PreBlocker runs the modules' pre-blockers (x/upgrade, then x/auth).
func (app *ConsumerApp) PreBlocker(ctx sdk.Context, _ *abci.RequestFinalizeBlock) (*sdk.ResponsePreBlock, error) {
	return app.ModuleManager.PreBlock(ctx)
}

// BeginBlocker runs the modules' begin-blockers.
func (app *ConsumerApp) BeginBlocker(ctx sdk.Context) (sdk.BeginBlock, error) {
	return app.ModuleManager.BeginBlock(ctx)
}

// EndBlocker runs the modules' end-blockers; the validator updates returned to
// CometBFT are the consumer module's.
func (app *ConsumerApp) EndBlocker(ctx sdk.Context) (sdk.EndBlock, error) {
	return app.ModuleManager.EndBlock(ctx)
}

// InitChainer initialises every module from the genesis app state. The
// consumer module returns the provider's initial validator set; a genesis
// whose ccvconsumer section is disabled has no validators and is refused.
func (app *ConsumerApp) InitChainer(ctx sdk.Context, req *abci.RequestInitChain) (*abci.ResponseInitChain, error) {
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
func (app *ConsumerApp) LoadHeight(height int64) error { return app.LoadVersion(height) }

// DefaultGenesis returns every module's default genesis state. Its
// ccvconsumer section is disabled: replace it with the provider's
// consumer-genesis before starting a chain.
func (app *ConsumerApp) DefaultGenesis() map[string]json.RawMessage {
	return app.BasicModuleManager.DefaultGenesis(app.appCodec)
}

// Configurator returns the module configurator (used by upgrade handlers).
func (app *ConsumerApp) Configurator() module.Configurator { return app.configurator }

// LegacyAmino returns the amino codec.
func (app *ConsumerApp) LegacyAmino() *codec.LegacyAmino { return app.legacyAmino }

// AppCodec returns the protobuf codec.
func (app *ConsumerApp) AppCodec() codec.Codec { return app.appCodec }

// InterfaceRegistry returns the interface registry.
func (app *ConsumerApp) InterfaceRegistry() codectypes.InterfaceRegistry {
	return app.interfaceRegistry
}

// TxConfig returns the transaction encoding configuration.
func (app *ConsumerApp) TxConfig() client.TxConfig { return app.txConfig }

// GetKey returns the KV store key registered under name (tests only).
func (app *ConsumerApp) GetKey(name string) *storetypes.KVStoreKey { return app.keys[name] }

// GetBaseApp implements ibctesting.TestingApp.
func (app *ConsumerApp) GetBaseApp() *baseapp.BaseApp { return app.BaseApp }

// GetIBCKeeper implements ibctesting.TestingApp.
func (app *ConsumerApp) GetIBCKeeper() *ibckeeper.Keeper { return app.IBCKeeper }

// GetTxConfig implements ibctesting.TestingApp.
func (app *ConsumerApp) GetTxConfig() client.TxConfig { return app.txConfig }
