// Package staking is the SDK's x/staking for a democracy consumer: stake
// that weighs in governance and earns the consumer's share of its fees, but
// never chooses who makes blocks.
//
// The package keeps the name staking, not a new one such as
// "representatives", because what it holds is the SDK module itself,
// unchanged in state, messages, queries and CLI: holders still delegate with
// MsgDelegate to x/staking validators, which this chain calls
// representatives. Only the module's place in the application differs:
// AppModule drops the validator updates x/staking returns from InitGenesis
// and EndBlock. On a consumer the CometBFT validator set is the provider's,
// delivered by the consumer module; a second module returning updates would
// either give CometBFT a second set or (as the SDK's module manager refuses
// two sources of updates) halt the chain. Representatives therefore sign no
// blocks, and bonding, unbonding and delegating to them never reaches
// CometBFT. x/staking's own bookkeeping (bonded status, last powers,
// unbonding queues) runs as usual: x/gov and x/distribution read it.
//
// The provider uses the same AppModule, for the same reason: its CometBFT
// set is the provider module's (the first max_provider_consensus_validators
// bonded validators), and x/staking's updates would be a second source.
package staking
