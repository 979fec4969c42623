// Package ante holds the consumer chain's ante decorators. Until the CCV
// channel to the provider is established, IBCOnlyUntilEstablishedDecorator
// lets through only IBC core messages, so that relayers can complete the
// handshake while nobody else can use a chain that no provider secures yet.
// DisabledMsgsDecorator refuses x/slashing's MsgUnjail and x/evidence's
// MsgSubmitEvidence: consumer validators are punished, and unjail, on the
// provider.
package ante
