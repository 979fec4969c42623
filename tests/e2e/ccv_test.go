package e2e_test

import (
	"context"
	"testing"
	"time"
)

// TestDelegationReachesConsumerAcrossRelayerRestart launches a consumer
// on a two-validator provider, checks that a delegation reaches the
// consumer's CometBFT set, then stops the relayer while a second change
// is in flight and checks that, once restarted, it relays the pending
// packet exactly once (the relayer keeps no state of its own). Last, the
// consumer halts (and the relayer's endpoint with it) while a third change
// is in flight: the relayer backs off and delivers it once the chain is back.
func TestDelegationReachesConsumerAcrossRelayerRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("e2e: runs real nodes for about two minutes; skipped with -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	e := &env{t: t, ctx: ctx}
	const consumer = "consumer-1"

	run(t, e, []step{
		{
			action: startNetwork{validators: 2, consumers: 1},
			expect: all{ccvChannelOpen{consumer}, consumerPower{consumer, 0, 100}, consumerPower{consumer, 1, 100}},
		},
		{
			action: delegate{validator: 1, power: 50},
			expect: all{consumerPower{consumer, 1, 150}, consumerSetIsProviders{consumer}, allRelayed{consumer}},
			within: 90 * time.Second,
		},
		{action: stopRelayer{}, expect: relayerRunning(false)},
		{
			// The epoch end queues and sends a VSC packet nobody relays.
			action: delegate{validator: 0, power: 30},
			expect: packetPending{consumer},
			within: 90 * time.Second,
		},
		{
			action: nothing{},
			expect: consumerPower{consumer, 0, 100},
		},
		{
			action: startRelayer{},
			expect: all{
				relayerRunning(true),
				consumerPower{consumer, 0, 130},
				consumerPower{consumer, 1, 150},
				consumerSetIsProviders{consumer},
				allRelayed{consumer},
			},
			within: 90 * time.Second,
		},
		{
			// With one of its two validators gone the consumer halts, and
			// the relayer's consumer endpoint (that node) is down.
			action: stopNode{"consumer-1-val0"},
			expect: relayerRunning(true),
		},
		{
			action: delegate{validator: 1, power: 20},
			expect: packetPending{consumer},
			within: 90 * time.Second,
		},
		{
			action: startNode{"consumer-1-val0"},
			expect: all{relayerRunning(true), consumerPower{consumer, 1, 170}, consumerSetIsProviders{consumer}, allRelayed{consumer}},
			within: 2 * time.Minute,
		},
	})
}
