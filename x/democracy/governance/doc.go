// Package governance keeps a democracy consumer's governance away from the
// state the provider controls.
//
// x/gov on a democracy consumer holds the governance authority, so a
// passed proposal may send any message that authority signs: the consumer
// module's MsgUpdateParams among them. Most of those parameters are set by
// the provider (at launch, from the consumer's initialization parameters,
// or at the CCV handshake) and the security or the rewards of the provider
// depend on them: the redistribution fraction, where and how often the
// provider's share is sent, timeouts, the unbonding period, the consumer
// id. Governance may change only the two the provider leaves to the
// consumer, the reward denoms (GovernableParams); a change to any other
// field is refused with ErrProviderControlled, naming the field:
//
//   - when the proposal is submitted, by ProposalGate, an ante decorator
//     that looks into MsgSubmitProposal (and authz MsgExec), so the
//     submitter gets the error and no deposit is at stake;
//   - when the proposal executes, by ConsumerModule, the consumer module
//     whose Msg service checks MsgUpdateParams first, so that nothing that
//     passed the gate (or changed meanwhile) gets through; the proposal
//     then fails with the error as its failed_reason.
//
// A field the consumer module gains later is provider-controlled until it
// is added to GovernableParams. The consumer's other modules (x/staking,
// x/distribution, x/gov, x/mint, x/slashing, ...) are its own: governance
// changes their parameters, and spends the community pool, as on any SDK
// chain.
package governance
