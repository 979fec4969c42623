package provider

import (
	"github.com/cosmos/cosmos-sdk/types/module"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"

	"github.com/rampart-ics/rampart/app/base"
	democracystaking "github.com/rampart-ics/rampart/x/democracy/staking"
	providermodule "github.com/rampart-ics/rampart/x/provider"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// initModules builds the module manager, sets the order of blockers and
// genesis, and registers every module's services. x/staking and x/genutil
// return no validator updates (see valupdates.go): the provider module does.
func (app *ProviderApp) initModules() {
	common, own := app.CommonModules(), app.StakingModules(app.Staking)

	modules := []module.AppModule{
		genutilNoValUpdates{genutil.NewAppModule(app.AccountKeeper, app.StakingKeeper, app, app.TxConfig())},
		common.Auth,
		common.Bank,
		democracystaking.NewAppModule(own.Staking),
		own.Distr,
		common.Slashing,
		own.Gov,
		own.Mint,
		common.Evidence,
		common.Upgrade,
		common.Consensus,
		common.IBC,
		common.IBCTendermint,
		common.Transfer,
		providermodule.NewAppModule(app.ProviderKeeper),
	}
	basics := map[string]module.AppModuleBasic{
		genutiltypes.ModuleName: genutil.NewAppModuleBasic(genutiltypes.DefaultMessageValidator),
		govtypes.ModuleName:     own.GovBasic,
	}

	app.SetModuleManager(basics, base.ModuleOrder{
		// distribution before slashing, so that the validator fee pool is
		// empty when slashing runs; the provider module last, after the
		// staking state of this block is known.
		BeginBlockers: []string{
			minttypes.ModuleName,
			distrtypes.ModuleName,
			slashingtypes.ModuleName,
			evidencetypes.ModuleName,
			stakingtypes.ModuleName,
			ibcexported.ModuleName,
			providertypes.ModuleName,
		},
		// x/bank first; the provider module after x/staking, so that it sees
		// this block's bonded set when it computes validator updates and
		// validator set change packets.
		EndBlockers: []string{
			banktypes.ModuleName,
			govtypes.ModuleName,
			stakingtypes.ModuleName,
			providertypes.ModuleName,
		},
		// genutil after staking (gentxs delegate) and after auth (it reads
		// auth params); the provider module after staking and genutil, so
		// that its InitGenesis sees the bonded validators the gentxs created.
		Genesis: []string{
			authtypes.ModuleName,
			banktypes.ModuleName,
			distrtypes.ModuleName,
			stakingtypes.ModuleName,
			slashingtypes.ModuleName,
			govtypes.ModuleName,
			minttypes.ModuleName,
			evidencetypes.ModuleName,
			upgradetypes.ModuleName,
			consensustypes.ModuleName,
			ibcexported.ModuleName,
			ibctransfertypes.ModuleName,
			genutiltypes.ModuleName,
			providertypes.ModuleName,
		},
	}, modules...)
}
