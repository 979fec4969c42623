package consumer

import (
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	cmttypes "github.com/cometbft/cometbft/types"

	"github.com/rampart-ics/rampart/app/base"
)

// ExportAppStateAndValidators exports the application state as a genesis
// file. A consumer has no staking state to reset, so forZeroHeight only sets
// the exported height to zero, and jailAllowedAddrs is ignored: the
// validator set is the provider's.
func (app *ConsumerApp) ExportAppStateAndValidators(
	forZeroHeight bool, _, modulesToExport []string,
) (servertypes.ExportedApp, error) {
	return app.ExportGenesis(forZeroHeight, modulesToExport, base.ExportHooks{Validators: app.exportValidators})
}

// exportValidators returns the CCV validator set CometBFT runs now.
func (app *ConsumerApp) exportValidators(ctx sdk.Context) ([]cmttypes.GenesisValidator, error) {
	return ExportValidators(ctx, app.ConsumerKeeper)
}
