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

// chainConfig is what base.New needs to know about the consumer.
var chainConfig = base.Config{
	Name:      AppName,
	StoreKeys: []string{consumertypes.StoreKey},
	// The consumer module splits the fees it collects between these two
	// accounts: the consumer's own share stays in the first; the provider's
	// share waits in the second until the next periodic transfer to the
	// provider (docs/rewards.md). Neither mints nor burns.
	ModuleAccounts: map[string][]string{
		consumertypes.ConsumerRedistributeName:     nil,
		consumertypes.ConsumerToSendToProviderName: nil,
	},
	// Reward transfers to the provider are sent from
	// cons_to_send_to_provider, and one that times out or fails is refunded
	// there: ICS-20 refuses to send from, or refund to, a blocked address.
	Receivers: []string{consumertypes.ConsumerToSendToProviderName},
}

// GetMaccPerms returns a copy of the module account permissions.
func GetMaccPerms() map[string][]string { return chainConfig.MaccPerms() }

// BlockedAddresses returns the module accounts that may not receive funds by
// plain sends: all of them but cons_to_send_to_provider.
func BlockedAddresses() map[string]bool { return chainConfig.BlockedAddrs() }

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

// initSlashing builds x/slashing and x/evidence on the consumer keeper.
// A consumer has no x/staking and no stake of its own: its validators are
// the provider's, so the consumer keeper answers the validator queries
// these modules make, and the punishments they decide (for downtime, or
// for double signing CometBFT reports) become slash packets for the
// provider instead of slashing anything here (docs/slashing.md). Runs after
// initIBC, which builds the consumer keeper.
func (app *ConsumerApp) initSlashing() {
	app.InitSlashing(app.ConsumerKeeper)
	// Every validator the provider adds gets its signing info at once.
	app.ConsumerKeeper.SetSlashingHooks(app.SlashingKeeper.Hooks())
}
