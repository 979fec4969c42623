package democracy

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
	authcodec "github.com/cosmos/cosmos-sdk/x/auth/codec"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	mintkeeper "github.com/cosmos/cosmos-sdk/x/mint/keeper"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
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
	for name, perms := range map[string][]string{
		distrtypes.ModuleName:          nil,
		minttypes.ModuleName:           {authtypes.Minter},
		stakingtypes.BondedPoolName:    {authtypes.Burner, authtypes.Staking},
		stakingtypes.NotBondedPoolName: {authtypes.Burner, authtypes.Staking},
		govtypes.ModuleName:            {authtypes.Burner},
	} {
		cfg.ModuleAccounts[name] = perms
	}
	return cfg
}()

// GetMaccPerms returns a copy of the module account permissions.
func GetMaccPerms() map[string][]string { return chainConfig.MaccPerms() }

// BlockedAddresses returns the module accounts that may not receive funds by
// plain sends: all of them but cons_to_send_to_provider.
func BlockedAddresses() map[string]bool { return chainConfig.BlockedAddrs() }

// initKeepers builds x/staking, x/mint, x/distribution and x/gov. x/slashing
// and x/evidence are the plain consumer's, on the consumer keeper: they
// watch the provider's validators, who make the blocks, not the
// representatives, so x/staking gets no slashing hooks and representatives
// are never slashed or jailed.
func (app *DemocracyApp) initKeepers() {
	cdc, authority := app.AppCodec(), base.Authority()
	cfg := sdk.GetConfig()

	app.StakingKeeper = stakingkeeper.NewKeeper(
		cdc, app.KVStoreService(stakingtypes.StoreKey), app.AccountKeeper, app.BankKeeper,
		authority,
		authcodec.NewBech32Codec(cfg.GetBech32ValidatorAddrPrefix()),
		authcodec.NewBech32Codec(cfg.GetBech32ConsensusAddrPrefix()))

	// Minted tokens go to the fee collector, where the consumer module
	// splits them with the provider like any fee.
	app.MintKeeper = mintkeeper.NewKeeper(
		cdc, app.KVStoreService(minttypes.StoreKey), app.StakingKeeper,
		app.AccountKeeper, app.BankKeeper, authtypes.FeeCollectorName, authority)

	app.DistrKeeper = distrkeeper.NewKeeper(
		cdc, app.KVStoreService(distrtypes.StoreKey), app.AccountKeeper,
		app.BankKeeper, app.StakingKeeper, authtypes.FeeCollectorName, authority)

	// Voting power is the representatives' bonded stake.
	app.GovKeeper = govkeeper.NewKeeper(
		cdc, app.KVStoreService(govtypes.StoreKey), app.AccountKeeper, app.BankKeeper,
		app.DistrKeeper, app.MsgServiceRouter(), govtypes.DefaultConfig(), authority,
		govkeeper.NewDefaultCalculateVoteResultsAndVotingPower(app.StakingKeeper))

	app.StakingKeeper.SetHooks(stakingtypes.NewMultiStakingHooks(app.DistrKeeper.Hooks()))
}
