package provider

import (
	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"

	"github.com/rampart-ics/rampart/app/base"
	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	providermodule "github.com/rampart-ics/rampart/x/provider"
	providerkeeper "github.com/rampart-ics/rampart/x/provider/keeper"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

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
