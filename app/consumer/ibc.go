package consumer

import (
	"github.com/cosmos/cosmos-sdk/runtime"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authcodec "github.com/cosmos/cosmos-sdk/x/auth/codec"

	"github.com/cosmos/ibc-go/v11/modules/apps/transfer"
	ibctransferkeeper "github.com/cosmos/ibc-go/v11/modules/apps/transfer/keeper"
	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"
	ibckeeper "github.com/cosmos/ibc-go/v11/modules/core/keeper"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	consumermodule "github.com/rampart-ics/rampart/x/consumer"
	consumerkeeper "github.com/rampart-ics/rampart/x/consumer/keeper"
	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
)

// tmLightClient is the 07-tendermint light client module; its AppModule
// registers the client's types.
type tmLightClient = ibctm.LightClientModule

// initIBC builds IBC core, the 07-tendermint light client route, ICS-20
// transfer and the consumer module's keeper, then seals the IBC router with
// two routes: "transfer" and "consumer".
func (app *ConsumerApp) initIBC() tmLightClient {
	cdc, keys := app.appCodec, app.keys

	app.IBCKeeper = ibckeeper.NewKeeper(
		cdc, runtime.NewKVStoreService(keys[ibcexported.StoreKey]), app.UpgradeKeeper, authority())

	app.TransferKeeper = ibctransferkeeper.NewKeeper(
		cdc, app.AccountKeeper.AddressCodec(), runtime.NewKVStoreService(keys[ibctransfertypes.StoreKey]),
		app.IBCKeeper.ChannelKeeper, app.MsgServiceRouter(), app.AccountKeeper, app.BankKeeper, authority())

	// The IBC core keeper opens the CCV channel itself (ChanOpenInit) when
	// the genesis names an existing connection to reuse, and the reward
	// transfer channel at the CCV OpenAck; rewards go out through the
	// transfer keeper.
	app.ConsumerKeeper = consumerkeeper.NewKeeper(
		cdc, runtime.NewKVStoreService(keys[consumertypes.StoreKey]),
		authcodec.NewBech32Codec(sdk.GetConfig().GetBech32ConsensusAddrPrefix()),
		app.IBCKeeper.ClientKeeper, app.IBCKeeper.ConnectionKeeper, app.IBCKeeper.ChannelKeeper,
		app.IBCKeeper, app.BankKeeper, app.AccountKeeper, app.TransferKeeper, authority())
	// No middleware sits above the consumer: its packets go straight to the
	// channel keeper.
	app.ConsumerKeeper.SetICS4Wrapper(app.IBCKeeper.ChannelKeeper)

	// Without middleware, transfer sends its packets straight through the
	// channel keeper (the transfer keeper's default ICS4 wrapper).
	router := porttypes.NewRouter()
	router.AddRoute(ibctransfertypes.PortID, transfer.NewIBCModule(app.TransferKeeper))
	router.AddRoute(ccvtypes.ConsumerPortID, consumermodule.NewIBCModule(app.ConsumerKeeper))
	app.IBCKeeper.SetRouter(router)

	tm := ibctm.NewLightClientModule(cdc, app.IBCKeeper.ClientKeeper.GetStoreProvider())
	app.IBCKeeper.ClientKeeper.AddRoute(ibctm.ModuleName, &tm)
	return tm
}
