package base

import (
	"github.com/cosmos/ibc-go/v11/modules/apps/transfer"
	ibctransferkeeper "github.com/cosmos/ibc-go/v11/modules/apps/transfer/keeper"
	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"
	ibckeeper "github.com/cosmos/ibc-go/v11/modules/core/keeper"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"
)

// InitIBC builds the IBC core keeper, the ICS-20 transfer keeper and the
// 07-tendermint light client route. Run it after New (IBC core needs the
// upgrade keeper) and before building a CCV keeper, which needs both.
func (app *App) InitIBC() {
	cdc := app.appCodec

	app.IBCKeeper = ibckeeper.NewKeeper(
		cdc, app.KVStoreService(ibcexported.StoreKey), app.UpgradeKeeper, Authority())

	app.TransferKeeper = ibctransferkeeper.NewKeeper(
		cdc, app.AccountKeeper.AddressCodec(), app.KVStoreService(ibctransfertypes.StoreKey),
		app.IBCKeeper.ChannelKeeper, app.MsgServiceRouter(), app.AccountKeeper, app.BankKeeper, Authority())

	app.tmLightClient = ibctm.NewLightClientModule(cdc, app.IBCKeeper.ClientKeeper.GetStoreProvider())
	app.IBCKeeper.ClientKeeper.AddRoute(ibctm.ModuleName, &app.tmLightClient)
}

// IBCRoute is one entry of the IBC router: the application stack that
// handles the channels bound to Port.
type IBCRoute struct {
	Port  string
	Stack porttypes.IBCModule
}

// IBCStack builds an application stack: base at the bottom, then each
// middleware in turn above the one before, the last on top. It uses IBC's
// stack builder, which tells every layer what it wraps and where its sends
// go: each layer sends through the one above it, the top one through the
// channel keeper. The builder refuses a stack without middleware; such a
// stack is base alone, sending straight through the channel keeper.
func (app *App) IBCStack(base porttypes.IBCModule, middlewares ...porttypes.Middleware) porttypes.IBCModule {
	if len(middlewares) == 0 {
		base.SetICS4Wrapper(app.IBCKeeper.ChannelKeeper)
		return base
	}
	builder := porttypes.NewIBCStackBuilder(app.IBCKeeper.ChannelKeeper).Base(base)
	for _, m := range middlewares {
		builder.Next(m)
	}
	return builder.Build()
}

// SetIBCRouter seals the IBC router with the "transfer" route, ICS-20
// transfer under transferMiddlewares (lowest first, as in IBCStack), and
// the chain's other routes.
func (app *App) SetIBCRouter(transferMiddlewares []porttypes.Middleware, routes ...IBCRoute) {
	router := porttypes.NewRouter()
	router.AddRoute(ibctransfertypes.PortID, app.IBCStack(transfer.NewIBCModule(app.TransferKeeper), transferMiddlewares...))
	for _, r := range routes {
		router.AddRoute(r.Port, r.Stack)
	}
	app.IBCKeeper.SetRouter(router)
}
