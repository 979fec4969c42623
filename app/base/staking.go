package base

import (
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	authcodec "github.com/cosmos/cosmos-sdk/x/auth/codec"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distr "github.com/cosmos/cosmos-sdk/x/distribution"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	"github.com/cosmos/cosmos-sdk/x/gov"
	govclient "github.com/cosmos/cosmos-sdk/x/gov/client"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	"github.com/cosmos/cosmos-sdk/x/mint"
	mintkeeper "github.com/cosmos/cosmos-sdk/x/mint/keeper"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	cmttypes "github.com/cometbft/cometbft/types"
)

// Staking holds the keepers of a chain with its own stake: x/staking,
// x/mint, x/distribution and x/gov (the provider, the democracy consumer).
// A chain embeds it next to *App, so its keepers read as app.StakingKeeper
// and so on. x/slashing stays App's (InitSlashing), since a consumer has it
// without its own stake.
type Staking struct {
	StakingKeeper *stakingkeeper.Keeper
	MintKeeper    mintkeeper.Keeper
	DistrKeeper   distrkeeper.Keeper
	GovKeeper     *govkeeper.Keeper
}

// WithStakingModuleAccounts adds to accounts the module accounts of
// x/distribution, x/mint (which mints), x/staking's two pools and x/gov
// (which burn), and returns it; a nil accounts gets a new map.
func WithStakingModuleAccounts(accounts map[string][]string) map[string][]string {
	if accounts == nil {
		accounts = map[string][]string{}
	}
	for name, perms := range map[string][]string{
		distrtypes.ModuleName:          nil,
		minttypes.ModuleName:           {authtypes.Minter},
		stakingtypes.BondedPoolName:    {authtypes.Burner, authtypes.Staking},
		stakingtypes.NotBondedPoolName: {authtypes.Burner, authtypes.Staking},
		govtypes.ModuleName:            {authtypes.Burner},
	} {
		accounts[name] = perms
	}
	return accounts
}

// InitStaking builds the keepers of x/staking, x/mint, x/distribution and
// x/gov, in dependency order, on the chain's stores of those names (which
// its Config lists). Minted tokens go to the fee collector, and x/gov's
// voting power is x/staking's bonded stake. No staking hooks are set: see
// Staking.SetHooks.
func (app *App) InitStaking() Staking {
	cdc, authority := app.appCodec, Authority()
	cfg := sdk.GetConfig()

	var s Staking
	s.StakingKeeper = stakingkeeper.NewKeeper(
		cdc, app.KVStoreService(stakingtypes.StoreKey), app.AccountKeeper, app.BankKeeper,
		authority,
		authcodec.NewBech32Codec(cfg.GetBech32ValidatorAddrPrefix()),
		authcodec.NewBech32Codec(cfg.GetBech32ConsensusAddrPrefix()))

	s.MintKeeper = mintkeeper.NewKeeper(
		cdc, app.KVStoreService(minttypes.StoreKey), s.StakingKeeper,
		app.AccountKeeper, app.BankKeeper, authtypes.FeeCollectorName, authority)

	s.DistrKeeper = distrkeeper.NewKeeper(
		cdc, app.KVStoreService(distrtypes.StoreKey), app.AccountKeeper,
		app.BankKeeper, s.StakingKeeper, authtypes.FeeCollectorName, authority)

	s.GovKeeper = govkeeper.NewKeeper(
		cdc, app.KVStoreService(govtypes.StoreKey), app.AccountKeeper, app.BankKeeper,
		s.DistrKeeper, app.MsgServiceRouter(), govtypes.DefaultConfig(), authority,
		govkeeper.NewDefaultCalculateVoteResultsAndVotingPower(s.StakingKeeper))
	return s
}

// SetStakingHooks sets x/staking's hooks: x/distribution's, then others in
// the order given. x/staking accepts hooks once, so call it when every
// hooked keeper exists.
func (s Staking) SetStakingHooks(others ...stakingtypes.StakingHooks) {
	hooks := append([]stakingtypes.StakingHooks{s.DistrKeeper.Hooks()}, others...)
	s.StakingKeeper.SetHooks(stakingtypes.NewMultiStakingHooks(hooks...))
}

// StakingModules are the AppModules of Staking's keepers, for a chain to
// place in its module list (wrapping them where it needs to).
type StakingModules struct {
	// Staking is x/staking's as the SDK builds it, with its validator
	// updates; a chain whose CometBFT set comes from another module wraps
	// it (x/democracy/staking).
	Staking staking.AppModule
	Distr   distr.AppModule
	Gov     gov.AppModule
	Mint    mint.AppModule
	// GovBasic is x/gov's AppModuleBasic with no legacy proposal handlers,
	// for the basics SetModuleManager takes.
	GovBasic module.AppModuleBasic
}

// StakingModules returns the AppModules of s.
func (app *App) StakingModules(s Staking) StakingModules {
	cdc := app.appCodec
	return StakingModules{
		Staking:  staking.NewAppModule(cdc, s.StakingKeeper, app.AccountKeeper, app.BankKeeper, nil),
		Distr:    distr.NewAppModule(cdc, s.DistrKeeper, app.AccountKeeper, app.BankKeeper, s.StakingKeeper, nil),
		Gov:      gov.NewAppModule(cdc, s.GovKeeper, app.AccountKeeper, app.BankKeeper, nil),
		Mint:     mint.NewAppModule(cdc, s.MintKeeper, app.AccountKeeper, nil, nil),
		GovBasic: gov.NewAppModuleBasic([]govclient.ProposalHandler{}),
	}
}

// ExportWithStaking is ExportGenesis for a chain with its own stake: a
// zero-height export first settles s's state (PrepForZeroHeight, which
// jails every validator not in a non-empty jailAllowedAddrs). validators
// returns the set CometBFT runs now.
func (app *App) ExportWithStaking(
	s Staking, forZeroHeight bool, jailAllowedAddrs, modulesToExport []string,
	validators func(ctx sdk.Context) ([]cmttypes.GenesisValidator, error),
) (servertypes.ExportedApp, error) {
	return app.ExportGenesis(forZeroHeight, modulesToExport, ExportHooks{
		PrepForZeroHeight: func(ctx sdk.Context) error {
			keepers := StakingKeepers{Staking: s.StakingKeeper, Distr: s.DistrKeeper, Slashing: app.SlashingKeeper}
			return app.PrepForZeroHeight(ctx, keepers, jailAllowedAddrs)
		},
		Validators: validators,
	})
}
