package base

import (
	"context"
	"fmt"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"
)

// Upgrade is a named software upgrade of a chain whose application is A:
// the handler that migrates state at the upgrade height and the stores the
// new binary adds, renames or deletes.
type Upgrade[A any] struct {
	Name          string
	StoreUpgrades storetypes.StoreUpgrades
	// Handler, when nil, runs the modules' registered migrations.
	Handler func(app A) upgradetypes.UpgradeHandler
}

// RegisterUpgrades registers a handler for every upgrade and, when the node
// restarts at a planned upgrade height, the store loader that applies that
// upgrade's store changes. chain is the application that embeds app; it is
// what the upgrades' handlers get. Run it before Finish loads the state.
func RegisterUpgrades[A any](app *App, chain A, upgrades []Upgrade[A]) {
	for _, u := range upgrades {
		handler := app.runMigrations
		if u.Handler != nil {
			handler = u.Handler(chain)
		}
		app.UpgradeKeeper.SetUpgradeHandler(u.Name, handler)
	}

	if len(upgrades) == 0 {
		return // nothing to load, and no need to touch <home>/data
	}
	info, err := app.UpgradeKeeper.ReadUpgradeInfoFromDisk()
	if err != nil {
		panic(fmt.Errorf("reading upgrade info from disk: %w", err))
	}
	if info.Name == "" || app.UpgradeKeeper.IsSkipHeight(info.Height) {
		return
	}
	for _, u := range upgrades {
		if u.Name == info.Name {
			app.SetStoreLoader(upgradetypes.UpgradeStoreLoader(info.Height, &u.StoreUpgrades))
		}
	}
}

// runMigrations is the default upgrade handler: it runs every module's
// registered state migrations.
func (app *App) runMigrations(ctx context.Context, _ upgradetypes.Plan, fromVM module.VersionMap) (module.VersionMap, error) {
	return app.ModuleManager.RunMigrations(ctx, app.Configurator(), fromVM)
}
