package provider

import (
	"context"
	"fmt"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"
)

// Upgrade is a named software upgrade: the handler that migrates state at the
// upgrade height and the stores the new binary adds, renames or deletes.
type Upgrade struct {
	Name          string
	StoreUpgrades storetypes.StoreUpgrades
	// Handler, when nil, runs the modules' registered migrations.
	Handler func(app *ProviderApp) upgradetypes.UpgradeHandler
}

// Upgrades lists the provider's upgrades, oldest first. There are none yet.
var Upgrades = []Upgrade{}

// registerUpgradeHandlers registers a handler for every upgrade and, when the
// node restarts at a planned upgrade height, the store loader that applies
// that upgrade's store changes.
func (app *ProviderApp) registerUpgradeHandlers() {
	for _, u := range Upgrades {
		handler := runMigrations(app)
		if u.Handler != nil {
			handler = u.Handler(app)
		}
		app.UpgradeKeeper.SetUpgradeHandler(u.Name, handler)
	}

	if len(Upgrades) == 0 {
		return // nothing to load, and no need to touch <home>/data
	}
	info, err := app.UpgradeKeeper.ReadUpgradeInfoFromDisk()
	if err != nil {
		panic(fmt.Errorf("reading upgrade info from disk: %w", err))
	}
	if info.Name == "" || app.UpgradeKeeper.IsSkipHeight(info.Height) {
		return
	}
	for _, u := range Upgrades {
		if u.Name == info.Name {
			app.SetStoreLoader(upgradetypes.UpgradeStoreLoader(info.Height, &u.StoreUpgrades))
		}
	}
}

// runMigrations is the default upgrade handler: it runs every module's
// registered state migrations.
func runMigrations(app *ProviderApp) upgradetypes.UpgradeHandler {
	return func(ctx context.Context, _ upgradetypes.Plan, fromVM module.VersionMap) (module.VersionMap, error) {
		return app.ModuleManager.RunMigrations(ctx, app.Configurator(), fromVM)
	}
}
