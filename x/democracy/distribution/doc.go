// Package distribution pays a democracy consumer's share of its fees to its
// representatives (x/staking validators that sign no blocks) and their
// delegators, with the SDK's x/distribution doing the bookkeeping.
//
// The consumer module keeps consumer_redistribution_fraction of every
// block's fees in the module account cons_redistribute (docs/rewards.md);
// the rest goes to the provider, as on a plain consumer. x/distribution's
// own BeginBlock cannot pay it: it reads the fee collector (which the
// consumer module empties every block) and pays the validators that signed
// the last block, looking each up in x/staking by consensus address, but
// the signers are the provider's validators, unknown to x/staking here.
//
// AppModule is x/distribution's AppModule with that BeginBlock replaced by
// Allocator.Allocate, which moves cons_redistribute's whole balance to
// x/distribution and splits it the way x/distribution's AllocateTokens
// splits fees, by bonded stake instead of by signed votes:
//
//   - community_tax (x/distribution's parameter) to the community pool;
//   - the rest to the bonded representatives in proportion to their
//     tokens, each share credited with AllocateTokensToValidator
//     (commission first, the remainder to delegators, withdrawn with the
//     usual withdraw-rewards and withdraw-validator-commission);
//   - what truncation leaves over to the community pool;
//   - no proposer reward: representatives propose no blocks.
//
// With no bonded representative the whole amount goes to the community
// pool. A failed allocation never halts the chain: it is logged and the
// tokens wait in cons_redistribute for the next block.
package distribution
