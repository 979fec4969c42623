package base

import (
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/x/auth"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/bank"
	"github.com/cosmos/cosmos-sdk/x/consensus"
	"github.com/cosmos/cosmos-sdk/x/evidence"
	"github.com/cosmos/cosmos-sdk/x/slashing"
	"github.com/cosmos/cosmos-sdk/x/upgrade"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/cosmos/ibc-go/v11/modules/apps/transfer"
	ibc "github.com/cosmos/ibc-go/v11/modules/core"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"
)

// CommonModules are the AppModules of the keepers App holds. A chain places
// them in its own module list (the list's order is the default of the
// orders ModuleOrder does not set).
type CommonModules struct {
	Auth, Bank, Upgrade, Consensus module.AppModule
	Slashing, Evidence             module.AppModule
	IBC, IBCTendermint, Transfer   module.AppModule
}

// CommonModules returns the AppModules of App's keepers. Run it after
// InitIBC and InitSlashing.
func (app *App) CommonModules() CommonModules {
	cdc := app.appCodec
	return CommonModules{
		Auth:      auth.NewAppModule(cdc, app.AccountKeeper, nil, nil),
		Bank:      bank.NewAppModule(cdc, app.BankKeeper, app.AccountKeeper, nil),
		Upgrade:   upgrade.NewAppModule(app.UpgradeKeeper, app.AccountKeeper.AddressCodec()),
		Consensus: consensus.NewAppModule(cdc, app.ConsensusParamsKeeper),
		Slashing: slashing.NewAppModule(cdc, app.SlashingKeeper, app.AccountKeeper, app.BankKeeper,
			app.validators, nil, app.interfaceRegistry),
		Evidence:      evidence.NewAppModule(*app.EvidenceKeeper),
		IBC:           ibc.NewAppModule(app.IBCKeeper),
		IBCTendermint: ibctm.NewAppModule(app.tmLightClient),
		Transfer:      transfer.NewAppModule(app.TransferKeeper),
	}
}

// ModuleOrder is the order in which a chain runs its modules' blockers and
// genesis. Pre-blockers are the same on every chain: x/upgrade, then
// x/auth.
type ModuleOrder struct {
	BeginBlockers []string
	// EndBlockers must start with x/bank (SDK v0.54).
	EndBlockers []string
	// Genesis is the order of both InitGenesis and ExportGenesis.
	Genesis []string
}

// SetModuleManager builds the module manager from modules and the basic
// manager from it (with basics overriding the AppModuleBasic of the modules
// it names), registers every module's types, sets order and registers every
// module's services.
func (app *App) SetModuleManager(
	basics map[string]module.AppModuleBasic, order ModuleOrder, modules ...module.AppModule,
) {
	app.ModuleManager = module.NewManager(modules...)

	app.BasicModuleManager = module.NewBasicManagerFromManager(app.ModuleManager, basics)
	app.BasicModuleManager.RegisterLegacyAminoCodec(app.legacyAmino)
	app.BasicModuleManager.RegisterInterfaces(app.interfaceRegistry)

	app.ModuleManager.SetOrderPreBlockers(upgradetypes.ModuleName, authtypes.ModuleName)
	app.ModuleManager.SetOrderBeginBlockers(order.BeginBlockers...)
	app.ModuleManager.SetOrderEndBlockers(order.EndBlockers...)
	app.ModuleManager.SetOrderInitGenesis(order.Genesis...)
	app.ModuleManager.SetOrderExportGenesis(order.Genesis...)

	app.configurator = module.NewConfigurator(app.appCodec, app.MsgServiceRouter(), app.GRPCQueryRouter())
	if err := app.ModuleManager.RegisterServices(app.configurator); err != nil {
		panic(err)
	}
}
