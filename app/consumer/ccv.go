package consumer

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
	authcodec "github.com/cosmos/cosmos-sdk/x/auth/codec"

	cmttypes "github.com/cometbft/cometbft/types"

	"github.com/rampart-ics/rampart/app/base"
	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	consumermodule "github.com/rampart-ics/rampart/x/consumer"
	consumerante "github.com/rampart-ics/rampart/x/consumer/ante"
	consumerkeeper "github.com/rampart-ics/rampart/x/consumer/keeper"
	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
)

// This file is what makes a base.App a consumer chain, shared by every
// kind of consumer (the plain one here, the democracy consumer in
// app/democracy): the CCV keeper and IBC routes, x/slashing and x/evidence
// on the consumer keeper, the ante gates and the exported validator set.

// Config returns (a copy of) the base.Config of a plain consumer: a chain
// with more modules adds its store keys and module accounts to it.
func Config() base.Config {
	cfg := chainConfig
	cfg.StoreKeys = append([]string(nil), chainConfig.StoreKeys...)
	cfg.ModuleAccounts = make(map[string][]string, len(chainConfig.ModuleAccounts))
	for name, perms := range chainConfig.ModuleAccounts {
		cfg.ModuleAccounts[name] = append([]string(nil), perms...)
	}
	cfg.Receivers = append([]string(nil), chainConfig.Receivers...)
	return cfg
}

// InitCCV builds IBC core, the 07-tendermint light client route, ICS-20
// transfer and the consumer module's keeper, then seals the IBC router with
// two routes: "transfer" and "consumer". It returns the consumer keeper.
func InitCCV(app *base.App) *consumerkeeper.Keeper {
	app.InitIBC()

	// The IBC core keeper opens the CCV channel itself (ChanOpenInit) when
	// the genesis names an existing connection to reuse, and the reward
	// transfer channel at the CCV OpenAck; rewards go out through the
	// transfer keeper.
	k := consumerkeeper.NewKeeper(
		app.AppCodec(), app.KVStoreService(consumertypes.StoreKey),
		authcodec.NewBech32Codec(sdk.GetConfig().GetBech32ConsensusAddrPrefix()),
		app.IBCKeeper.ClientKeeper, app.IBCKeeper.ConnectionKeeper, app.IBCKeeper.ChannelKeeper,
		app.IBCKeeper, app.BankKeeper, app.AccountKeeper, app.TransferKeeper, base.Authority())

	// No middleware on either stack: transfer and the consumer module send
	// their packets straight through the channel keeper.
	app.SetIBCRouter(nil, base.IBCRoute{
		Port: ccvtypes.ConsumerPortID, Stack: app.IBCStack(consumermodule.NewIBCModule(k)),
	})
	return k
}

// InitSlashing builds x/slashing and x/evidence on the consumer keeper.
// A consumer's validators are the provider's, whatever stake of its own it
// may have, so the consumer keeper answers the validator queries these
// modules make, and the punishments they decide (for downtime, or for
// double signing CometBFT reports) become slash packets for the provider
// instead of slashing anything here (docs/slashing.md). Runs after InitCCV.
func InitSlashing(app *base.App, k *consumerkeeper.Keeper) {
	app.InitSlashing(k)
	// Every validator the provider adds gets its signing info at once.
	k.SetSlashingHooks(app.SlashingKeeper.Hooks())
}

// Gates are the consumer's ante gates. Until the CCV channel is established
// only IBC core messages are accepted: the chain has no provider-backed
// security before that, and relayers need those messages to finish the
// handshake. Validators are punished, and unjail, on the provider, so the
// messages that would do it here are refused.
func Gates(k *consumerkeeper.Keeper) []sdk.AnteDecorator {
	return []sdk.AnteDecorator{
		consumerante.NewIBCOnlyUntilEstablishedDecorator(k),
		consumerante.NewDisabledMsgsDecorator(),
	}
}

// ExportValidators returns the CCV validator set CometBFT runs now: what a
// consumer's genesis export carries as its validators.
func ExportValidators(ctx sdk.Context, k *consumerkeeper.Keeper) ([]cmttypes.GenesisValidator, error) {
	var vals []cmttypes.GenesisValidator
	err := k.CrossChainValidators.Walk(ctx, nil,
		func(_ []byte, v consumertypes.CrossChainValidator) (bool, error) {
			pk, err := v.ConsPubKey()
			if err != nil {
				return true, err
			}
			gv, err := base.GenesisValidator(pk, v.Power, "")
			if err != nil {
				return true, err
			}
			vals = append(vals, gv)
			return false, nil
		})
	return vals, err
}
