package democracy

import (
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	cmttypes "github.com/cometbft/cometbft/types"

	"github.com/rampart-ics/rampart/app/base"
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
	return app.ExportGenesis(forZeroHeight, modulesToExport, base.ExportHooks{
		PrepForZeroHeight: func(ctx sdk.Context) error {
			keepers := base.StakingKeepers{Staking: app.StakingKeeper, Distr: app.DistrKeeper, Slashing: app.SlashingKeeper}
			return app.PrepForZeroHeight(ctx, keepers, jailAllowedAddrs)
		},
		Validators: func(ctx sdk.Context) ([]cmttypes.GenesisValidator, error) {
			return consumerapp.ExportValidators(ctx, app.ConsumerKeeper)
		},
	})
}
