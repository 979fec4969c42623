package democracy

import (
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/rampart-ics/rampart/app/base"
	consumerapp "github.com/rampart-ics/rampart/app/consumer"
)

// chainConfig is the plain consumer's, plus the stores and module accounts
// of x/staking, x/distribution, x/gov and x/mint. Only
// cons_to_send_to_provider receives plain sends, as on a plain consumer.
var chainConfig = func() base.Config {
	cfg := consumerapp.Config()
	cfg.Name = AppName
	cfg.StoreKeys = append(cfg.StoreKeys,
		stakingtypes.StoreKey, distrtypes.StoreKey, govtypes.StoreKey, minttypes.StoreKey)
	cfg.ModuleAccounts = base.WithStakingModuleAccounts(cfg.ModuleAccounts)
	return cfg
}()

// GetMaccPerms returns a copy of the module account permissions.
func GetMaccPerms() map[string][]string { return chainConfig.MaccPerms() }

// BlockedAddresses returns the module accounts that may not receive funds by
// plain sends: all of them but cons_to_send_to_provider.
func BlockedAddresses() map[string]bool { return chainConfig.BlockedAddrs() }

// initKeepers builds x/staking, x/mint, x/distribution and x/gov (minted
// tokens go to the fee collector, where the consumer module splits them
// with the provider like any fee; voting power is the representatives'
// bonded stake). x/slashing and x/evidence are the plain consumer's, on the
// consumer keeper: they watch the provider's validators, who make the
// blocks, not the representatives, so x/staking gets only x/distribution's
// hooks, and representatives are never slashed or jailed.
func (app *DemocracyApp) initKeepers() {
	app.Staking = app.InitStaking()
	app.SetStakingHooks()
}
