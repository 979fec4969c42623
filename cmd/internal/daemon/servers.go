package daemon

import (
	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/server"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"

	"github.com/rampart-ics/rampart/app/base"
)

// ServedApp is an application `start` runs and `export` exports.
type ServedApp interface {
	servertypes.Application
	LoadHeight(height int64) error
	ExportAppStateAndValidators(forZeroHeight bool, jailAllowedAddrs, modulesToExport []string) (servertypes.ExportedApp, error)
}

// Servers returns the app creator of `start` and the exporter of `export`
// for a chain's constructor.
func Servers[A ServedApp](newApp base.Constructor[A]) (servertypes.AppCreator, servertypes.AppExporter) {
	create := func(logger log.Logger, db dbm.DB, appOpts servertypes.AppOptions) servertypes.Application {
		return newApp(logger, db, nil, true, appOpts, server.DefaultBaseappOptions(appOpts)...)
	}
	export := func(
		logger log.Logger, db dbm.DB, height int64, forZeroHeight bool, jailAllowedAddrs []string,
		appOpts servertypes.AppOptions, modulesToExport []string,
	) (servertypes.ExportedApp, error) {
		app, err := ExportHeight(appOpts, height, func(loadLatest bool) A {
			return newApp(logger, db, nil, loadLatest, appOpts)
		})
		if err != nil {
			return servertypes.ExportedApp{}, err
		}
		return app.ExportAppStateAndValidators(forZeroHeight, jailAllowedAddrs, modulesToExport)
	}
	return create, export
}
