package provider

import (
	"github.com/cosmos/cosmos-sdk/runtime"

	"github.com/cosmos/ibc-go/v11/modules/apps/transfer"
	ibctransferkeeper "github.com/cosmos/ibc-go/v11/modules/apps/transfer/keeper"
	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"
	ibckeeper "github.com/cosmos/ibc-go/v11/modules/core/keeper"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	providermodule "github.com/rampart-ics/rampart/x/provider"
	providerkeeper "github.com/rampart-ics/rampart/x/provider/keeper"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// initIBC builds IBC core, the 07-tendermint light client route, ICS-20
// transfer and the provider module's keeper, then seals the IBC router with
// two routes: "transfer" (under the provider's rewards middleware) and
// "provider".
func (app *ProviderApp) initIBC() tmLightClient {
	cdc, keys := app.appCodec, app.keys

	app.IBCKeeper = ibckeeper.NewKeeper(
		cdc, runtime.NewKVStoreService(keys[ibcexported.StoreKey]), app.UpgradeKeeper, authority())

	app.TransferKeeper = ibctransferkeeper.NewKeeper(
		cdc, app.AccountKeeper.AddressCodec(), runtime.NewKVStoreService(keys[ibctransfertypes.StoreKey]),
		app.IBCKeeper.ChannelKeeper, app.MsgServiceRouter(), app.AccountKeeper, app.BankKeeper, authority())

	app.ProviderKeeper = providerkeeper.NewKeeper(
		cdc, runtime.NewKVStoreService(keys[providertypes.StoreKey]),
		app.IBCKeeper.ClientKeeper, app.IBCKeeper.ConnectionKeeper, app.IBCKeeper.ChannelKeeper,
		app.StakingKeeper, app.SlashingKeeper, app.AccountKeeper, app.BankKeeper, app.DistrKeeper, authority())

	// The provider's rewards middleware wraps transfer on receive only:
	// transfer still sends its packets straight through the channel keeper
	// (the transfer keeper's default ICS4 wrapper).
	router := porttypes.NewRouter()
	transferStack := providermodule.NewIBCMiddleware(transfer.NewIBCModule(app.TransferKeeper),
		app.IBCKeeper.ChannelKeeper, app.ProviderKeeper)
	router.AddRoute(ibctransfertypes.PortID, transferStack)
	router.AddRoute(ccvtypes.ProviderPortID, providermodule.NewIBCModule(app.ProviderKeeper))
	app.IBCKeeper.SetRouter(router)

	tm := ibctm.NewLightClientModule(cdc, app.IBCKeeper.ClientKeeper.GetStoreProvider())
	app.IBCKeeper.ClientKeeper.AddRoute(ibctm.ModuleName, &tm)
	return tm
}

// tmLightClient is the 07-tendermint light client module; its AppModule
// registers the client's types.
type tmLightClient = ibctm.LightClientModule
