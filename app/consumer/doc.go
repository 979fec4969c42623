// Package consumer wires the Rampart consumer chain: a Cosmos SDK v0.54
// application without x/staking whose CometBFT validator set is the one the
// provider chain sends over the CCV channel. It has x/auth, x/bank,
// x/consensus, x/upgrade, x/slashing, x/evidence, IBC core with
// 07-tendermint clients, ICS-20 transfer and the Rampart consumer module
// ("ccvconsumer").
//
// What every Rampart chain shares is in app/base; ConsumerApp embeds
// base.App. This package holds only what is the consumer's:
//
//   - app.go: the ConsumerApp type and its constructor, which adds two ante
//     gates: until the CCV channel is established only IBC core messages
//     are accepted, and the messages that punish or unjail validators (the
//     provider's business) are refused;
//   - ccv.go: what every kind of consumer shares (app/democracy uses it
//     too): the consumer module's keeper, the IBC routes ("transfer" and
//     "consumer"), x/slashing and x/evidence built on the consumer keeper,
//     which stands in for x/staking and turns their punishments into slash
//     packets for the provider, the ante gates and the exported CCV set;
//   - keepers.go: its stores and module accounts;
//   - modules.go: the module list and the order of blockers and genesis;
//   - export.go: genesis export, whose validators are the CCV set;
//   - upgrades.go: the consumer's upgrades.
//
// Addresses use whatever Bech32 prefixes sdk.GetConfig() holds when the app
// is built: consumerd sets "consumer" before it builds anything; in-process
// tests leave the SDK default, "cosmos".
package consumer
