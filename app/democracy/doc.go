// Package democracy wires the Rampart democracy consumer: a consumer chain
// (its CometBFT validators are the provider's, sent over the CCV channel,
// exactly as in app/consumer) that also has its own token, governance and
// share of its fees. On the wire it is a plain consumer: packets, handshake
// and reward transfers (memo included) are the consumer module's.
//
// Beyond the plain consumer's modules it has:
//
//   - x/staking, for governance only (x/democracy/staking): holders
//     delegate to representatives, x/staking validators that sign no
//     blocks. The module's validator updates are dropped, at InitGenesis
//     and every EndBlock, so bonded representatives in the genesis or
//     later never form a second consensus set;
//   - x/distribution (x/democracy/distribution): the consumer's share of
//     the fees (consumer_redistribution_fraction, in cons_redistribute) is
//     paid at the next block to the representatives and their delegators
//     by stake, minus the community tax, with no proposer reward. The
//     provider's share goes to the provider as on a plain consumer;
//   - x/gov, with the representatives' bonded stake as voting power; it
//     holds the governance authority, so proposals change the chain's own
//     parameters (MsgUpdateParams of its modules) and spend the community
//     pool (MsgCommunityPoolSpend). The consumer module's parameters that
//     the provider sets are refused (x/democracy/governance);
//   - x/mint, on by default: inflation of the consumer's own token lands in
//     the fee collector and is split with the provider like any fee.
//
// x/slashing and x/evidence are the plain consumer's, built on the consumer
// keeper: they watch the provider's validators, who make the blocks, and
// what they decide becomes slash packets for the provider. Representatives
// are never slashed or jailed here.
//
// What the package holds, on app/base and app/consumer's CCV helpers:
//
//   - app.go: DemocracyApp and its constructor, with the plain consumer's
//     ante gates and governance's proposal gate;
//   - keepers.go: its stores and module accounts, and the keepers of
//     x/staking, x/mint, x/distribution and x/gov (built by base.Staking's
//     helpers, as on the provider);
//   - modules.go: the module list and the order of blockers and genesis;
//   - export.go: genesis export, whose validators are the CCV set;
//   - upgrades.go: its upgrades.
//
// cmd/democracyd is its daemon. Addresses use whatever Bech32 prefixes
// sdk.GetConfig() holds when the app is built: democracyd sets "democracy";
// in-process tests leave the SDK default, "cosmos".
package democracy
