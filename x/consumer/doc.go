// Package consumer is the consumer side of interchain security (ICS-028,
// cross-chain validation): a chain whose CometBFT validator set is chosen by
// a provider chain and delivered over an ORDERED IBC channel.
//
// The module (ModuleName "ccvconsumer") loads the provider-generated
// genesis, creates the provider's light client, takes part in the CCV
// channel handshake as the initiating side (IBCModule), applies the
// validator set changes the provider sends, and hands them to CometBFT at
// the end of each block. Its keeper stands in for x/staking towards
// x/slashing and x/evidence, turning downtime and double signing into slash
// packets for the provider. The state and packet logic live in package
// keeper; the ante package keeps the chain IBC-only until the channel is
// established and refuses unjail and evidence messages. README.md
// describes the module for operators.
package consumer
