package consumer

import (
	"github.com/rampart-ics/rampart/app/base"
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

// initIBC builds the consumer's IBC stack and keeper (InitCCV).
func (app *ConsumerApp) initIBC() { app.ConsumerKeeper = InitCCV(app.App) }

// initSlashing builds x/slashing and x/evidence on the consumer keeper
// (InitSlashing). Runs after initIBC, which builds the consumer keeper.
func (app *ConsumerApp) initSlashing() { InitSlashing(app.App, app.ConsumerKeeper) }
