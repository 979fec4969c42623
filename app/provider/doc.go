// Package provider wires the Rampart provider chain: a Cosmos SDK v0.54
// application with x/staking, x/slashing, x/distribution, x/gov, x/mint,
// x/evidence, x/upgrade, x/consensus, IBC core with 07-tendermint clients,
// ICS-20 transfer and the Rampart provider module, which lends the chain's
// validator set to consumer chains over CCV.
//
// What every Rampart chain shares (codecs, BaseApp, the common keepers and
// modules, ante chain, services, export, upgrades, test set-up) is in
// app/base; ProviderApp embeds base.App. This package holds only what is
// the provider's:
//
//   - app.go: the ProviderApp type and its constructor;
//   - keepers.go: its stores and module accounts, the keepers of x/staking,
//     x/mint, x/distribution and x/gov (built by base.Staking's helpers),
//     the provider module's keeper, the staking hooks and the IBC routes:
//     "transfer" under the provider's rewards middleware, and "provider";
//   - modules.go: the module list and the order of blockers and genesis;
//   - valupdates.go: why x/staking and x/genutil validator updates are
//     dropped (x/staking's by x/democracy/staking's AppModule);
//   - export.go: genesis export, whose validators are the provider module's
//     consensus set;
//   - upgrades.go: the provider's upgrades.
//
// The wiring is manual (no depinject) because IBC needs its router set
// after the keepers exist. Addresses use the SDK's default Bech32 prefix
// ("cosmos"), read from sdk.GetConfig() when the app is built.
package provider
