package democracy

import (
	"github.com/cosmos/cosmos-sdk/types/module"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"

	"github.com/rampart-ics/rampart/app/base"
	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
	democracydistr "github.com/rampart-ics/rampart/x/democracy/distribution"
	"github.com/rampart-ics/rampart/x/democracy/governance"
	democracystaking "github.com/rampart-ics/rampart/x/democracy/staking"
)

// initModules builds the module manager, sets the order of blockers and
// genesis, and registers every module's services. The consumer module is the
// only one that returns validator updates: x/staking's are dropped.
func (app *DemocracyApp) initModules() {
	common, own := app.CommonModules(), app.StakingModules(app.Staking)

	allocator := democracydistr.Allocator{
		Source:  consumertypes.ConsumerRedistributeName,
		Account: app.AccountKeeper,
		Bank:    app.BankKeeper,
		Distr:   democracydistr.Keeper{Keeper: app.DistrKeeper},
		Staking: app.StakingKeeper,
	}
	modules := []module.AppModule{
		common.Auth,
		common.Bank,
		democracystaking.NewAppModule(own.Staking),
		democracydistr.NewAppModule(own.Distr, allocator),
		own.Gov,
		own.Mint,
		common.Upgrade,
		common.Consensus,
		common.IBC,
		common.IBCTendermint,
		common.Transfer,
		governance.NewConsumerModule(app.ConsumerKeeper),
		common.Slashing,
		common.Evidence,
	}
	basics := map[string]module.AppModuleBasic{
		govtypes.ModuleName: own.GovBasic,
	}

	app.SetModuleManager(basics, base.ModuleOrder{
		// x/distribution pays out what the consumer module kept of the last
		// block's fees; x/mint adds this block's inflation to the fee
		// collector, which the consumer module splits at EndBlock like any
		// fee. x/slashing and x/evidence queue slash requests in BeginBlock;
		// the consumer sends them in EndBlock of the same block.
		BeginBlockers: []string{
			distrtypes.ModuleName,
			minttypes.ModuleName,
			ibcexported.ModuleName,
			consumertypes.ModuleName,
			slashingtypes.ModuleName,
			evidencetypes.ModuleName,
			stakingtypes.ModuleName,
		},
		// x/gov first, so that a passed proposal's changes count in this
		// block; the consumer module last: it splits every fee of the block
		// and hands CometBFT the provider's validator changes.
		EndBlockers: []string{
			banktypes.ModuleName,
			govtypes.ModuleName,
			stakingtypes.ModuleName,
			consumertypes.ModuleName,
		},
		// x/distribution before x/staking, whose InitGenesis runs the
		// distribution hooks of the genesis representatives. The consumer
		// module after IBC (it creates the provider's light client), then
		// x/slashing and x/evidence as on a plain consumer.
		Genesis: []string{
			authtypes.ModuleName,
			banktypes.ModuleName,
			distrtypes.ModuleName,
			stakingtypes.ModuleName,
			govtypes.ModuleName,
			minttypes.ModuleName,
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
