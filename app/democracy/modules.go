package democracy

import (
	"github.com/cosmos/cosmos-sdk/types/module"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	distr "github.com/cosmos/cosmos-sdk/x/distribution"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	"github.com/cosmos/cosmos-sdk/x/gov"
	govclient "github.com/cosmos/cosmos-sdk/x/gov/client"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	"github.com/cosmos/cosmos-sdk/x/mint"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
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
	cdc, common := app.AppCodec(), app.CommonModules()

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
		democracystaking.NewAppModule(staking.NewAppModule(cdc, app.StakingKeeper, app.AccountKeeper, app.BankKeeper, nil)),
		democracydistr.NewAppModule(
			distr.NewAppModule(cdc, app.DistrKeeper, app.AccountKeeper, app.BankKeeper, app.StakingKeeper, nil),
			allocator),
		gov.NewAppModule(cdc, app.GovKeeper, app.AccountKeeper, app.BankKeeper, nil),
		mint.NewAppModule(cdc, app.MintKeeper, app.AccountKeeper, nil, nil),
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
		govtypes.ModuleName: gov.NewAppModuleBasic([]govclient.ProposalHandler{}),
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
