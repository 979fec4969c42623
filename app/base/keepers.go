package base

import (
	"github.com/spf13/cast"

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
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	upgradekeeper "github.com/cosmos/cosmos-sdk/x/upgrade/keeper"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"
)

// Authority is the address allowed to send gov-gated messages: the gov
// module account, as on every SDK chain. A chain without x/gov (a plain
// consumer) can still hand that right to an account with x/consensus
// AuthorityParams (SDK v0.54).
func Authority() string { return authtypes.NewModuleAddress(govtypes.ModuleName).String() }

// initKeepers builds the keepers every chain has outside IBC, in dependency
// order. Keeper constructors only record their dependencies, so a chain
// may build its own keepers (x/staking, ...) after these.
func (app *App) initKeepers(appOpts servertypes.AppOptions, cfg Config) {
	cdc := app.appCodec
	sdkCfg := sdk.GetConfig()

	app.ConsensusParamsKeeper = consensuskeeper.NewKeeper(
		cdc, app.KVStoreService(consensustypes.StoreKey), Authority(), runtime.EventService{})
	app.SetParamStore(app.ConsensusParamsKeeper.ParamsStore)

	app.AccountKeeper = authkeeper.NewAccountKeeper(
		cdc, app.KVStoreService(authtypes.StoreKey), authtypes.ProtoBaseAccount,
		cfg.MaccPerms(), authcodec.NewBech32Codec(sdkCfg.GetBech32AccountAddrPrefix()),
		sdkCfg.GetBech32AccountAddrPrefix(), Authority())

	app.BankKeeper = bankkeeper.NewBaseKeeper(
		cdc, app.KVStoreService(banktypes.StoreKey), app.AccountKeeper,
		cfg.BlockedAddrs(), Authority(), app.logger)

	skipUpgradeHeights := map[int64]bool{}
	for _, h := range cast.ToIntSlice(appOpts.Get(server.FlagUnsafeSkipUpgrades)) {
		skipUpgradeHeights[int64(h)] = true
	}
	app.UpgradeKeeper = upgradekeeper.NewKeeper(
		skipUpgradeHeights, app.KVStoreService(upgradetypes.StoreKey), cdc,
		cast.ToString(appOpts.Get(flags.FlagHome)), app.BaseApp, Authority())
}
