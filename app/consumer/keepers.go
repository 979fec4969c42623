package consumer

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
	evidencekeeper "github.com/cosmos/cosmos-sdk/x/evidence/keeper"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	upgradekeeper "github.com/cosmos/cosmos-sdk/x/upgrade/keeper"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"

	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
)

// maccPerms lists the module accounts and their permissions.
var maccPerms = map[string][]string{
	authtypes.FeeCollectorName:  nil,
	ibctransfertypes.ModuleName: {authtypes.Minter, authtypes.Burner},
	// The reward split (ics-protocol.md §3.5): the consumer's share and the
	// provider's share waiting for the next transmission.
	consumertypes.ConsumerRedistributeName:     nil,
	consumertypes.ConsumerToSendToProviderName: nil,
}

// storeKeys lists the KV stores the consumer mounts.
func storeKeys() []string {
	return []string{
		authtypes.StoreKey, banktypes.StoreKey, upgradetypes.StoreKey, consensustypes.StoreKey,
		ibcexported.StoreKey, ibctransfertypes.StoreKey, consumertypes.StoreKey,
		slashingtypes.StoreKey, evidencetypes.StoreKey,
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
// plain sends: all of them but cons_to_send_to_provider. ICS-20 refuses to
// send from, or refund to, a blocked address, and a reward transfer that
// times out or fails is refunded there.
func BlockedAddresses() map[string]bool {
	blocked := make(map[string]bool, len(maccPerms))
	for name := range maccPerms {
		blocked[authtypes.NewModuleAddress(name).String()] = true
	}
	delete(blocked, authtypes.NewModuleAddress(consumertypes.ConsumerToSendToProviderName).String())
	return blocked
}

// authority is the address allowed to send gov-gated messages: the gov module
// account, as on every SDK chain. A consumer without x/gov can still hand
// that right to an account with x/consensus AuthorityParams (SDK v0.54).
func authority() string { return authtypes.NewModuleAddress(govtypes.ModuleName).String() }

// initKeepers builds the SDK keepers, in dependency order.
func (app *ConsumerApp) initKeepers(appOpts servertypes.AppOptions, logger log.Logger) {
	cdc, keys := app.appCodec, app.keys
	cfg := sdk.GetConfig()

	app.ConsensusParamsKeeper = consensuskeeper.NewKeeper(
		cdc, runtime.NewKVStoreService(keys[consensustypes.StoreKey]), authority(), runtime.EventService{})
	app.SetParamStore(app.ConsensusParamsKeeper.ParamsStore)

	app.AccountKeeper = authkeeper.NewAccountKeeper(
		cdc, runtime.NewKVStoreService(keys[authtypes.StoreKey]), authtypes.ProtoBaseAccount,
		maccPerms, authcodec.NewBech32Codec(cfg.GetBech32AccountAddrPrefix()),
		cfg.GetBech32AccountAddrPrefix(), authority())

	app.BankKeeper = bankkeeper.NewBaseKeeper(
		cdc, runtime.NewKVStoreService(keys[banktypes.StoreKey]), app.AccountKeeper,
		BlockedAddresses(), authority(), logger)

	skipUpgradeHeights := map[int64]bool{}
	for _, h := range cast.ToIntSlice(appOpts.Get(server.FlagUnsafeSkipUpgrades)) {
		skipUpgradeHeights[int64(h)] = true
	}
	app.UpgradeKeeper = upgradekeeper.NewKeeper(
		skipUpgradeHeights, runtime.NewKVStoreService(keys[upgradetypes.StoreKey]), cdc,
		cast.ToString(appOpts.Get(flags.FlagHome)), app.BaseApp, authority())
}

// initSlashing builds x/slashing and x/evidence on the consumer keeper, which
// stands in for x/staking (ics-protocol.md §3.4): downtime and double signing
// become slash packets for the provider. Runs after initIBC, which builds the
// consumer keeper.
func (app *ConsumerApp) initSlashing() {
	cdc, keys := app.appCodec, app.keys
	app.SlashingKeeper = slashingkeeper.NewKeeper(
		cdc, app.legacyAmino, runtime.NewKVStoreService(keys[slashingtypes.StoreKey]),
		app.ConsumerKeeper, authority())
	// Every validator the provider adds gets its signing info at once.
	app.ConsumerKeeper.SetSlashingHooks(app.SlashingKeeper.Hooks())
	app.EvidenceKeeper = evidencekeeper.NewKeeper(
		cdc, runtime.NewKVStoreService(keys[evidencetypes.StoreKey]),
		app.ConsumerKeeper, app.SlashingKeeper, app.AccountKeeper.AddressCodec(),
		runtime.ProvideCometInfoService())
}
