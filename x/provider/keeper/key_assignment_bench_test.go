package keeper_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// BenchmarkKeyAssignmentLookup measures the two key-assignment lookups
// with 200 validators x 50 consumers of assignments in committed state,
// each lookup on a cache over it, as in a block:
//   - provider-to-consumer: GetValidatorConsumerKey, the key a validator
//     signs with on a consumer (assigned: found; default: none assigned);
//   - consumer-to-provider: ProviderAddrFromConsumerAddr, whose validator
//     signs with a consumer address (slash packets, evidence), for an
//     assigned address and for a provider address used as is.
//
// Lookups cycle through every validator and consumer.
//
//	go test ./x/provider/keeper/ -run '^$' -bench KeyAssignmentLookup -benchmem -benchtime 100000x
func BenchmarkKeyAssignmentLookup(b *testing.B) {
	const validators, consumers = 200, 50
	powers := make([]int64, validators)
	for i := range powers {
		powers[i] = 10
	}
	f := newFixture(b, powers...)
	ids := make([]string, consumers)
	consumerAddrs := make([][]sdk.ConsAddress, consumers)
	for c := range ids {
		ids[c] = fmt.Sprint(c)
		consumerAddrs[c] = make([]sdk.ConsAddress, validators)
		for i, v := range f.validators {
			pk := ed25519.GenPrivKeyFromSecret([]byte(fmt.Sprintf("%d/%d", c, i))).PubKey()
			key, err := cryptocodec.ToCmtProtoPublicKey(pk)
			require.NoError(b, err)
			consumerAddrs[c][i] = sdk.ConsAddress(pk.Address())
			require.NoError(b, f.k.ConsumerKeys.Set(f.ctx, collections.Join(ids[c], []byte(v.consAddr)), key))
			require.NoError(b, f.k.ValidatorsByConsumerAddr.Set(f.ctx, collections.Join(ids[c], pk.Address().Bytes()), v.consAddr))
		}
	}
	f.cms.Commit()
	block, _ := f.ctx.CacheContext()
	pairs := validators * consumers

	run := func(name string, lookup func(c, i int) bool) {
		b.Run(fmt.Sprintf("%s/validators=%d/consumers=%d", name, validators, consumers), func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				p := n % pairs
				n++
				if !lookup(p%consumers, p/consumers) {
					b.Fatalf("wrong answer for consumer %d validator %d", p%consumers, p/consumers)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
		})
	}
	run("provider-to-consumer/assigned", func(c, i int) bool {
		_, found, err := f.k.GetValidatorConsumerKey(block, ids[c], f.validators[i].consAddr)
		return err == nil && found
	})
	run("provider-to-consumer/default", func(c, i int) bool {
		_, found, err := f.k.GetValidatorConsumerKey(block, "unassigned-"+ids[c], f.validators[i].consAddr)
		return err == nil && !found
	})
	run("consumer-to-provider/assigned", func(c, i int) bool {
		addr, err := f.k.ProviderAddrFromConsumerAddr(block, ids[c], consumerAddrs[c][i])
		return err == nil && addr.Equals(f.validators[i].consAddr)
	})
	run("consumer-to-provider/default", func(c, i int) bool {
		addr, err := f.k.ProviderAddrFromConsumerAddr(block, ids[c], f.validators[i].consAddr)
		return err == nil && addr.Equals(f.validators[i].consAddr)
	})
}
