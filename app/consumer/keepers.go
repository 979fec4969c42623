package consumer

import (
	"github.com/cosmos/cosmos-sdk/runtime"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	evidencekeeper "github.com/cosmos/cosmos-sdk/x/evidence/keeper"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"

	"github.com/rampart-ics/rampart/app/base"
	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
)

// chainConfig is what base.New needs to know about the consumer.
var chainConfig = base.Config{
	Name: AppName,
	StoreKeys: []string{
		authtypes.StoreKey, banktypes.StoreKey, upgradetypes.StoreKey, consensustypes.StoreKey,
		ibcexported.StoreKey, ibctransfertypes.StoreKey, consumertypes.StoreKey,
		slashingtypes.StoreKey, evidencetypes.StoreKey,
	},
	MaccPerms: map[string][]string{
		authtypes.FeeCollectorName:  nil,
		ibctransfertypes.ModuleName: {authtypes.Minter, authtypes.Burner},
		// The consumer module splits the fees it collects between these two
		// accounts: the consumer's own share stays in the first; the
		// provider's share waits in the second until the next periodic
		// transfer to the provider (docs/rewards.md). Neither mints nor burns.
		consumertypes.ConsumerRedistributeName:     nil,
		consumertypes.ConsumerToSendToProviderName: nil,
	},
	// Reward transfers to the provider are sent from
	// cons_to_send_to_provider, and one that times out or fails is refunded
	// there: ICS-20 refuses to send from, or refund to, a blocked address.
	Receivers: []string{consumertypes.ConsumerToSendToProviderName},
}

// GetMaccPerms returns a copy of the module account permissions.
func GetMaccPerms() map[string][]string { return chainConfig.CopyMaccPerms() }

// BlockedAddresses returns the module accounts that may not receive funds by
// plain sends: all of them but cons_to_send_to_provider.
func BlockedAddresses() map[string]bool { return chainConfig.BlockedAddrs() }

// initSlashing builds x/slashing and x/evidence on the consumer keeper.
// A consumer has no x/staking and no stake of its own: its validators are
// the provider's, so the consumer keeper answers the validator queries
// these modules make, and the punishments they decide (for downtime, or
// for double signing CometBFT reports) become slash packets for the
// provider instead of slashing anything here (docs/slashing.md). Runs after
// initIBC, which builds the consumer keeper.
func (app *ConsumerApp) initSlashing() {
	cdc := app.AppCodec()
	app.SlashingKeeper = slashingkeeper.NewKeeper(
		cdc, app.LegacyAmino(), app.KVStoreService(slashingtypes.StoreKey),
		app.ConsumerKeeper, base.Authority())
	// Every validator the provider adds gets its signing info at once.
	app.ConsumerKeeper.SetSlashingHooks(app.SlashingKeeper.Hooks())
	app.EvidenceKeeper = evidencekeeper.NewKeeper(
		cdc, app.KVStoreService(evidencetypes.StoreKey),
		app.ConsumerKeeper, app.SlashingKeeper, app.AccountKeeper.AddressCodec(),
		runtime.ProvideCometInfoService())
}
