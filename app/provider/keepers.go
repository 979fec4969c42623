package provider

import (
	"github.com/cosmos/cosmos-sdk/runtime"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authcodec "github.com/cosmos/cosmos-sdk/x/auth/codec"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
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
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"

	"github.com/rampart-ics/rampart/app/base"
	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// chainConfig is what base.New needs to know about the provider.
var chainConfig = base.Config{
	Name: AppName,
	StoreKeys: []string{
		authtypes.StoreKey, banktypes.StoreKey, stakingtypes.StoreKey,
		minttypes.StoreKey, distrtypes.StoreKey, slashingtypes.StoreKey,
		govtypes.StoreKey, evidencetypes.StoreKey, upgradetypes.StoreKey,
		consensustypes.StoreKey, ibcexported.StoreKey, ibctransfertypes.StoreKey,
		providertypes.StoreKey,
	},
	MaccPerms: map[string][]string{
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
	},
	// The gov account and the consumer rewards pool may receive plain sends:
	// consumers send their rewards to the pool over ICS-20.
	Receivers: []string{govtypes.ModuleName, ccvtypes.ConsumerRewardsPool},
}

// GetMaccPerms returns a copy of the module account permissions.
func GetMaccPerms() map[string][]string { return chainConfig.CopyMaccPerms() }

// BlockedAddresses returns the module accounts that may not receive funds by
// plain sends: all but the gov account and the consumer rewards pool.
func BlockedAddresses() map[string]bool { return chainConfig.BlockedAddrs() }

// initKeepers builds the provider's SDK keepers beyond base.App's, in
// dependency order.
func (app *ProviderApp) initKeepers() {
	cdc, authority := app.AppCodec(), base.Authority()
	cfg := sdk.GetConfig()

	app.StakingKeeper = stakingkeeper.NewKeeper(
		cdc, app.KVStoreService(stakingtypes.StoreKey), app.AccountKeeper, app.BankKeeper,
		authority,
		authcodec.NewBech32Codec(cfg.GetBech32ValidatorAddrPrefix()),
		authcodec.NewBech32Codec(cfg.GetBech32ConsensusAddrPrefix()))

	app.MintKeeper = mintkeeper.NewKeeper(
		cdc, app.KVStoreService(minttypes.StoreKey), app.StakingKeeper,
		app.AccountKeeper, app.BankKeeper, authtypes.FeeCollectorName, authority)

	app.DistrKeeper = distrkeeper.NewKeeper(
		cdc, app.KVStoreService(distrtypes.StoreKey), app.AccountKeeper,
		app.BankKeeper, app.StakingKeeper, authtypes.FeeCollectorName, authority)

	app.SlashingKeeper = slashingkeeper.NewKeeper(
		cdc, app.LegacyAmino(), app.KVStoreService(slashingtypes.StoreKey),
		app.StakingKeeper, authority)

	app.EvidenceKeeper = evidencekeeper.NewKeeper(
		cdc, app.KVStoreService(evidencetypes.StoreKey), app.StakingKeeper,
		app.SlashingKeeper, app.AccountKeeper.AddressCodec(), runtime.ProvideCometInfoService())

	app.GovKeeper = govkeeper.NewKeeper(
		cdc, app.KVStoreService(govtypes.StoreKey), app.AccountKeeper, app.BankKeeper,
		app.DistrKeeper, app.MsgServiceRouter(), govtypes.DefaultConfig(), authority,
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
