package consumer

import (
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/x/auth"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/bank"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/consensus"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	"github.com/cosmos/cosmos-sdk/x/evidence"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	"github.com/cosmos/cosmos-sdk/x/slashing"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	"github.com/cosmos/cosmos-sdk/x/upgrade"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/cosmos/ibc-go/v11/modules/apps/transfer"
	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	ibc "github.com/cosmos/ibc-go/v11/modules/core"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	consumermodule "github.com/rampart-ics/rampart/x/consumer"
	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
)

// initModules builds the module manager, sets the order of blockers and
// genesis, and registers every module's services. The consumer module is the
// only one that returns validator updates.
func (app *ConsumerApp) initModules(tm tmLightClient) {
	cdc := app.appCodec

	app.ModuleManager = module.NewManager(
		auth.NewAppModule(cdc, app.AccountKeeper, nil, nil),
		bank.NewAppModule(cdc, app.BankKeeper, app.AccountKeeper, nil),
		upgrade.NewAppModule(app.UpgradeKeeper, app.AccountKeeper.AddressCodec()),
		consensus.NewAppModule(cdc, app.ConsensusParamsKeeper),
		ibc.NewAppModule(app.IBCKeeper),
		ibctm.NewAppModule(tm),
		transfer.NewAppModule(app.TransferKeeper),
		consumermodule.NewAppModule(app.ConsumerKeeper),
		slashing.NewAppModule(cdc, app.SlashingKeeper, app.AccountKeeper, app.BankKeeper,
			app.ConsumerKeeper, nil, app.interfaceRegistry),
		evidence.NewAppModule(*app.EvidenceKeeper),
	)

	app.BasicModuleManager = module.NewBasicManagerFromManager(app.ModuleManager, nil)
	app.BasicModuleManager.RegisterLegacyAminoCodec(app.legacyAmino)
	app.BasicModuleManager.RegisterInterfaces(app.interfaceRegistry)

	app.ModuleManager.SetOrderPreBlockers(upgradetypes.ModuleName, authtypes.ModuleName)
	// x/slashing and x/evidence queue slash requests in BeginBlock; the
	// consumer sends them in EndBlock of the same block.
	app.ModuleManager.SetOrderBeginBlockers(ibcexported.ModuleName, consumertypes.ModuleName,
		slashingtypes.ModuleName, evidencetypes.ModuleName)
	// x/bank first (SDK v0.54 requirement).
	app.ModuleManager.SetOrderEndBlockers(banktypes.ModuleName, consumertypes.ModuleName)

	// The consumer module after IBC: at genesis it creates the provider's
	// light client (or opens the CCV channel on an existing connection).
	// x/slashing after the consumer: it registers the keys of the validators
	// the consumer applied, and its exported signing info overwrites what
	// the consumer's hooks created. x/evidence last.
	genesisOrder := []string{
		authtypes.ModuleName,
		banktypes.ModuleName,
		upgradetypes.ModuleName,
		consensustypes.ModuleName,
		ibcexported.ModuleName,
		ibctransfertypes.ModuleName,
		consumertypes.ModuleName,
		slashingtypes.ModuleName,
		evidencetypes.ModuleName,
	}
	app.ModuleManager.SetOrderInitGenesis(genesisOrder...)
	app.ModuleManager.SetOrderExportGenesis(genesisOrder...)

	app.configurator = module.NewConfigurator(app.appCodec, app.MsgServiceRouter(), app.GRPCQueryRouter())
	if err := app.ModuleManager.RegisterServices(app.configurator); err != nil {
		panic(err)
	}
}
