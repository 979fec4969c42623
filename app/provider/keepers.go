package provider

import (
	"github.com/spf13/cast"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/server"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authcodec "github.com/cosmos/cosmos-sdk/x/auth/codec"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	consensuskeeper "github.com/cosmos/cosmos-sdk/x/consensus/keeper"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	evidencekeeper "github.com/cosmos/cosmos-sdk/x/evidence/keeper"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	mintkeeper "github.com/cosmos/cosmos-sdk/x/mint/keeper"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	upgradekeeper "github.com/cosmos/cosmos-sdk/x/upgrade/keeper"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// maccPerms lists the module accounts and their permissions.
var maccPerms = map[string][]string{
	authtypes.FeeCollectorName:     nil,
	distrtypes.ModuleName:          nil,
	minttypes.ModuleName:           {authtypes.Minter},
	stakingtypes.BondedPoolName:    {authtypes.Burner, authtypes.Staking},
	stakingtypes.NotBondedPoolName: {authtypes.Burner, authtypes.Staking},
	govtypes.ModuleName:            {authtypes.Burner},
	ibctransfertypes.ModuleName:    {authtypes.Minter, authtypes.Burner},
	// Consumer rewards arrive here over ICS-20 before the provider module
	// allocates them to validators.
	ccvtypes.ConsumerRewardsPool: nil,
}

// storeKeys lists the KV stores the provider mounts.
func storeKeys() []string {
	return []string{
		authtypes.StoreKey, banktypes.StoreKey, stakingtypes.StoreKey,
		minttypes.StoreKey, distrtypes.StoreKey, slashingtypes.StoreKey,
		govtypes.StoreKey, evidencetypes.StoreKey, upgradetypes.StoreKey,
		consensustypes.StoreKey, ibcexported.StoreKey, ibctransfertypes.StoreKey,
		providertypes.StoreKey,
	}
}

// GetMaccPerms returns a copy of the module account permissions.
func GetMaccPerms() map[string][]string {
	perms := make(map[string][]string, len(maccPerms))
	for name, p := range maccPerms {
		perms[name] = append([]string(nil), p...)
	}
	return perms
}

// BlockedAddresses returns the module accounts that may not receive funds by
// plain sends. The gov account and the consumer rewards pool may: consumers
// send their rewards to the pool over ICS-20.
func BlockedAddresses() map[string]bool {
	blocked := make(map[string]bool, len(maccPerms))
	for name := range maccPerms {
		blocked[authtypes.NewModuleAddress(name).String()] = true
	}
	delete(blocked, authtypes.NewModuleAddress(govtypes.ModuleName).String())
	delete(blocked, authtypes.NewModuleAddress(ccvtypes.ConsumerRewardsPool).String())
	return blocked
}

// authority is the address allowed to send gov-gated messages.
func authority() string { return authtypes.NewModuleAddress(govtypes.ModuleName).String() }

// initKeepers builds the SDK keepers, in dependency order.
func (app *ProviderApp) initKeepers(appOpts servertypes.AppOptions, logger log.Logger) {
	cdc, keys := app.appCodec, app.keys
	cfg := sdk.GetConfig()
	accCodec := authcodec.NewBech32Codec(cfg.GetBech32AccountAddrPrefix())

	app.ConsensusParamsKeeper = consensuskeeper.NewKeeper(
		cdc, runtime.NewKVStoreService(keys[consensustypes.StoreKey]), authority(), runtime.EventService{})
	app.SetParamStore(app.ConsensusParamsKeeper.ParamsStore)

	app.AccountKeeper = authkeeper.NewAccountKeeper(
		cdc, runtime.NewKVStoreService(keys[authtypes.StoreKey]), authtypes.ProtoBaseAccount,
		maccPerms, accCodec, cfg.GetBech32AccountAddrPrefix(), authority())

	app.BankKeeper = bankkeeper.NewBaseKeeper(
		cdc, runtime.NewKVStoreService(keys[banktypes.StoreKey]), app.AccountKeeper,
		BlockedAddresses(), authority(), logger)

	app.StakingKeeper = stakingkeeper.NewKeeper(
		cdc, runtime.NewKVStoreService(keys[stakingtypes.StoreKey]), app.AccountKeeper, app.BankKeeper,
		authority(),
		authcodec.NewBech32Codec(cfg.GetBech32ValidatorAddrPrefix()),
		authcodec.NewBech32Codec(cfg.GetBech32ConsensusAddrPrefix()))

	app.MintKeeper = mintkeeper.NewKeeper(
		cdc, runtime.NewKVStoreService(keys[minttypes.StoreKey]), app.StakingKeeper,
		app.AccountKeeper, app.BankKeeper, authtypes.FeeCollectorName, authority())

	app.DistrKeeper = distrkeeper.NewKeeper(
		cdc, runtime.NewKVStoreService(keys[distrtypes.StoreKey]), app.AccountKeeper,
		app.BankKeeper, app.StakingKeeper, authtypes.FeeCollectorName, authority())

	app.SlashingKeeper = slashingkeeper.NewKeeper(
		cdc, app.legacyAmino, runtime.NewKVStoreService(keys[slashingtypes.StoreKey]),
		app.StakingKeeper, authority())

	app.EvidenceKeeper = evidencekeeper.NewKeeper(
		cdc, runtime.NewKVStoreService(keys[evidencetypes.StoreKey]), app.StakingKeeper,
		app.SlashingKeeper, accCodec, runtime.ProvideCometInfoService())

	skipUpgradeHeights := map[int64]bool{}
	for _, h := range cast.ToIntSlice(appOpts.Get(server.FlagUnsafeSkipUpgrades)) {
		skipUpgradeHeights[int64(h)] = true
	}
	app.UpgradeKeeper = upgradekeeper.NewKeeper(
		skipUpgradeHeights, runtime.NewKVStoreService(keys[upgradetypes.StoreKey]), cdc,
		cast.ToString(appOpts.Get(flags.FlagHome)), app.BaseApp, authority())

	app.GovKeeper = govkeeper.NewKeeper(
		cdc, runtime.NewKVStoreService(keys[govtypes.StoreKey]), app.AccountKeeper, app.BankKeeper,
		app.DistrKeeper, app.MsgServiceRouter(), govtypes.DefaultConfig(), authority(),
		govkeeper.NewDefaultCalculateVoteResultsAndVotingPower(app.StakingKeeper))
}

// setHooks registers the staking hooks once every hooked keeper exists.
// SetHooks may be called only once.
func (app *ProviderApp) setHooks() {
	app.StakingKeeper.SetHooks(stakingtypes.NewMultiStakingHooks(
		app.DistrKeeper.Hooks(),
		app.SlashingKeeper.Hooks(),
		app.ProviderKeeper.Hooks(),
	))
}
