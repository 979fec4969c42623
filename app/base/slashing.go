package base

import (
	"github.com/cosmos/cosmos-sdk/runtime"
	evidencekeeper "github.com/cosmos/cosmos-sdk/x/evidence/keeper"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
)

// Validators is what x/slashing and x/evidence need to know about the
// validators: x/staking's keeper on a chain with its own stake, the
// consumer keeper on a consumer, whose validators are the provider's.
type Validators interface {
	slashingtypes.StakingKeeper
	evidencetypes.StakingKeeper
}

// InitSlashing builds the x/slashing and x/evidence keepers on validators.
// Every Rampart chain has both: downtime and double signing are detected
// where the blocks are made, whoever punishes them.
func (app *App) InitSlashing(validators Validators) {
	app.validators = validators
	app.SlashingKeeper = slashingkeeper.NewKeeper(
		app.appCodec, app.legacyAmino, app.KVStoreService(slashingtypes.StoreKey),
		validators, Authority())
	app.EvidenceKeeper = evidencekeeper.NewKeeper(
		app.appCodec, app.KVStoreService(evidencetypes.StoreKey), validators,
		app.SlashingKeeper, app.AccountKeeper.AddressCodec(), runtime.ProvideCometInfoService())
}
