package democracy

import (
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	cmttypes "github.com/cometbft/cometbft/types"

	consumerapp "github.com/rampart-ics/rampart/app/consumer"
)

// ExportAppStateAndValidators exports the application state as a genesis
// file. Its validators are the CCV set, as on a plain consumer, never the
// representatives. With forZeroHeight the representatives' rewards are
// settled and heights reset as on any chain with x/staking; a
// representative not in a non-empty jailAllowedAddrs is jailed.
func (app *DemocracyApp) ExportAppStateAndValidators(
	forZeroHeight bool, jailAllowedAddrs, modulesToExport []string,
) (servertypes.ExportedApp, error) {
	return app.ExportWithStaking(app.Staking, forZeroHeight, jailAllowedAddrs, modulesToExport,
		func(ctx sdk.Context) ([]cmttypes.GenesisValidator, error) {
			return consumerapp.ExportValidators(ctx, app.ConsumerKeeper)
		})
}
