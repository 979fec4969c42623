// Package provider wires the Rampart provider chain: a Cosmos SDK v0.54
// application with x/staking, x/slashing, x/distribution, x/gov, x/mint,
// x/evidence, x/upgrade, x/consensus, IBC core with 07-tendermint clients,
// ICS-20 transfer and the Rampart provider module, which lends the chain's
// validator set to consumer chains over CCV.
//
// The wiring is manual (no depinject) because IBC needs its router set after
// the keepers exist. It is split by concern:
//
//   - app.go: the ProviderApp type, its constructor and ABCI hooks;
//   - keepers.go: the SDK keepers;
//   - ibc.go: IBC core, light clients, transfer and the provider module's
//     keeper and IBC route;
//   - modules.go: the module manager and the order of blockers and genesis;
//   - valupdates.go: why x/staking and x/genutil validator updates are dropped;
//   - services.go: API, gRPC and autocli registration;
//   - ante.go, export.go, upgrades.go: the ante handler, genesis export and
//     upgrade handlers.
//
// Addresses use the SDK's default Bech32 prefix ("cosmos"), read from
// sdk.GetConfig() when the app is built.
package provider
