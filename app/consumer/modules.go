package consumer

import (
	"github.com/cosmos/cosmos-sdk/types/module"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"

	"github.com/rampart-ics/rampart/app/base"
	consumermodule "github.com/rampart-ics/rampart/x/consumer"
	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
)

// initModules builds the module manager, sets the order of blockers and
// genesis, and registers every module's services. The consumer module is the
// only one that returns validator updates.
func (app *ConsumerApp) initModules() {
	common := app.CommonModules()

	modules := []module.AppModule{
		common.Auth,
		common.Bank,
		common.Upgrade,
		common.Consensus,
		common.IBC,
		common.IBCTendermint,
		common.Transfer,
		consumermodule.NewAppModule(app.ConsumerKeeper),
		common.Slashing,
		common.Evidence,
	}

	app.SetModuleManager(nil, base.ModuleOrder{
		// x/slashing and x/evidence queue slash requests in BeginBlock; the
		// consumer sends them in EndBlock of the same block.
		BeginBlockers: []string{
			ibcexported.ModuleName, consumertypes.ModuleName,
			slashingtypes.ModuleName, evidencetypes.ModuleName,
		},
		EndBlockers: []string{banktypes.ModuleName, consumertypes.ModuleName},
		// The consumer module after IBC: at genesis it creates the provider's
		// light client (or opens the CCV channel on an existing connection).
		// x/slashing after the consumer: it registers the keys of the
		// validators the consumer applied, and its exported signing info
		// overwrites what the consumer's hooks created. x/evidence last.
		Genesis: []string{
			authtypes.ModuleName,
			banktypes.ModuleName,
			upgradetypes.ModuleName,
			consensustypes.ModuleName,
			ibcexported.ModuleName,
			ibctransfertypes.ModuleName,
			consumertypes.ModuleName,
			slashingtypes.ModuleName,
			evidencetypes.ModuleName,
		},
	}, modules...)
}
