package consumer

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
	authcodec "github.com/cosmos/cosmos-sdk/x/auth/codec"

	"github.com/rampart-ics/rampart/app/base"
	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	consumermodule "github.com/rampart-ics/rampart/x/consumer"
	consumerkeeper "github.com/rampart-ics/rampart/x/consumer/keeper"
	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
)

// initIBC builds IBC core, the 07-tendermint light client route, ICS-20
// transfer and the consumer module's keeper, then seals the IBC router with
// two routes: "transfer" and "consumer".
func (app *ConsumerApp) initIBC() {
	app.InitIBC()

	// The IBC core keeper opens the CCV channel itself (ChanOpenInit) when
	// the genesis names an existing connection to reuse, and the reward
	// transfer channel at the CCV OpenAck; rewards go out through the
	// transfer keeper.
	app.ConsumerKeeper = consumerkeeper.NewKeeper(
		app.AppCodec(), app.KVStoreService(consumertypes.StoreKey),
		authcodec.NewBech32Codec(sdk.GetConfig().GetBech32ConsensusAddrPrefix()),
		app.IBCKeeper.ClientKeeper, app.IBCKeeper.ConnectionKeeper, app.IBCKeeper.ChannelKeeper,
		app.IBCKeeper, app.BankKeeper, app.AccountKeeper, app.TransferKeeper, base.Authority())

	// No middleware on either stack: transfer and the consumer module send
	// their packets straight through the channel keeper.
	app.SetIBCRouter(nil, base.IBCRoute{
		Port: ccvtypes.ConsumerPortID, Stack: app.IBCStack(consumermodule.NewIBCModule(app.ConsumerKeeper)),
	})
}
