// Package base is the part of a Rampart chain's application that every
// chain shares: the provider, the consumer, and any later chain such as a
// consumer with its own governance or a standalone chain that becomes a
// consumer. A chain's package embeds *App and adds only what differs: its
// own keepers, its module list and the order of their blockers and
// genesis, its IBC routes, its ante gates and how it exports validators.
//
// The name says what the package is to a chain: the base it is built on,
// one level above the SDK's BaseApp (which App embeds). Call sites read as
// what they do: base.New, base.App, base.Config, base.SetupTestingApp.
//
// What App provides:
//
//   - encoding.go: the codecs (interface registry, protobuf and amino
//     codecs, tx config);
//   - config.go: Config, what a chain tells New (name, its own stores and
//     module accounts, which accounts may receive plain sends), and the
//     stores and module accounts every chain has;
//   - app.go: New (BaseApp, store keys, streaming), Finish (services, store
//     mounting, ABCI hooks, ante and post handlers, loading), the ABCI hooks
//     and the accessors the SDK's server and ibctesting call;
//   - keepers.go, slashing.go, ibc.go: the keepers of x/auth, x/bank,
//     x/upgrade, x/consensus, x/slashing, x/evidence, IBC core and ICS-20
//     transfer, and the IBC router, whose stacks are built with ibc-go's
//     stack builder;
//   - modules.go: the AppModules of those keepers and the module manager;
//   - staking.go: for a chain with its own stake (the provider, the
//     democracy consumer), Staking, the keepers of x/staking, x/mint,
//     x/distribution and x/gov, with their module accounts, hooks,
//     AppModules and genesis export;
//   - ante.go: the ante chain, with room for a chain's own gates;
//   - export.go, zeroheight.go: genesis export, and the zero-height
//     settlement of a chain with its own x/staking and x/distribution;
//   - upgrades.go: upgrade handlers and store upgrades;
//   - services.go: gRPC, REST, CometBFT, node and autocli services;
//   - testing.go: SetupTestingApp, an ibctesting-shaped constructor.
//
// A chain's constructor follows one recipe:
//
//	app := &MyApp{App: base.New(logger, db, appOpts, chainConfig, baseAppOptions...)}
//	// the chain's own keepers, then, in the order they need:
//	app.InitIBC()
//	app.InitSlashing(validators) // x/staking's keeper, or the consumer keeper
//	app.SetIBCRouter(transferMiddlewares, routes...)
//	app.SetModuleManager(basics, order, modules...) // with app.CommonModules()
//	base.RegisterUpgrades(app.App, app, Upgrades)
//	app.Finish(loadLatest, gates...)
//
// Addresses use whatever Bech32 prefixes sdk.GetConfig() holds when the
// application is built.
package base
