package provider

import (
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"

	"github.com/rampart-ics/rampart/app/base"
	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	providermodule "github.com/rampart-ics/rampart/x/provider"
	providerkeeper "github.com/rampart-ics/rampart/x/provider/keeper"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// chainConfig is what base.New needs to know about the provider.
var chainConfig = base.Config{
	Name: AppName,
	StoreKeys: []string{
		stakingtypes.StoreKey, minttypes.StoreKey, distrtypes.StoreKey, govtypes.StoreKey,
		providertypes.StoreKey,
	},
	ModuleAccounts: base.WithStakingModuleAccounts(map[string][]string{
		// Consumer rewards arrive here over ICS-20 before the provider module
		// allocates them to validators.
		ccvtypes.ConsumerRewardsPool: nil,
	}),
	// The gov account and the consumer rewards pool may receive plain sends:
	// consumers send their rewards to the pool over ICS-20.
	Receivers: []string{govtypes.ModuleName, ccvtypes.ConsumerRewardsPool},
}

// GetMaccPerms returns a copy of the module account permissions.
func GetMaccPerms() map[string][]string { return chainConfig.MaccPerms() }

// BlockedAddresses returns the module accounts that may not receive funds by
// plain sends: all but the gov account and the consumer rewards pool.
func BlockedAddresses() map[string]bool { return chainConfig.BlockedAddrs() }

// initKeepers builds x/staking, x/mint, x/distribution and x/gov, then
// x/slashing and x/evidence on x/staking's keeper.
func (app *ProviderApp) initKeepers() {
	app.Staking = app.InitStaking()
	app.InitSlashing(app.StakingKeeper)
}

// setHooks registers the staking hooks once every hooked keeper exists:
// x/distribution's, x/slashing's and the provider module's.
func (app *ProviderApp) setHooks() {
	app.SetStakingHooks(app.SlashingKeeper.Hooks(), app.ProviderKeeper.Hooks())
}

// initIBC builds IBC core, the 07-tendermint light client route, ICS-20
// transfer and the provider module's keeper, then seals the IBC router with
// two routes: "transfer" (under the provider's rewards middleware) and
// "provider".
func (app *ProviderApp) initIBC() {
	app.InitIBC()

	app.ProviderKeeper = providerkeeper.NewKeeper(
		app.AppCodec(), app.KVStoreService(providertypes.StoreKey),
		app.IBCKeeper.ClientKeeper, app.IBCKeeper.ConnectionKeeper, app.IBCKeeper.ChannelKeeper,
		app.StakingKeeper, app.SlashingKeeper, app.AccountKeeper, app.BankKeeper, app.DistrKeeper, base.Authority())

	// The rewards middleware sits above transfer and acts on receive only:
	// it books the rewards consumers send to the pool. Transfer's sends pass
	// through it unchanged to the channel keeper. The stack builder sets the
	// middleware's underlying app and ICS4 wrapper.
	rewards := providermodule.NewIBCMiddleware(nil, nil, app.ProviderKeeper)
	app.SetIBCRouter([]porttypes.Middleware{rewards}, base.IBCRoute{
		Port: ccvtypes.ProviderPortID, Stack: app.IBCStack(providermodule.NewIBCModule(app.ProviderKeeper)),
	})
}
