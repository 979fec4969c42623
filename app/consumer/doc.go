// Package consumer wires the Rampart consumer chain: a Cosmos SDK v0.54
// application without x/staking whose CometBFT validator set is the one the
// provider chain sends over the CCV channel. It has x/auth, x/bank,
// x/consensus, x/upgrade, IBC core with 07-tendermint clients, ICS-20
// transfer and the Rampart consumer module ("ccvconsumer").
//
// x/slashing and x/evidence are not wired yet: both need a staking keeper
// (see keepers.go), a role the consumer keeper will play.
//
// Until the CCV channel is established the ante handler accepts only IBC
// core messages (ante.go).
//
// Addresses use whatever Bech32 prefixes sdk.GetConfig() holds when the app
// is built: consumerd sets "consumer" before it builds anything; in-process
// tests leave the SDK default, "cosmos".
package consumer
