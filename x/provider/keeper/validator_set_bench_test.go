package keeper_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	"cosmossdk.io/collections"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// BenchmarkEpoch measures the provider's epoch work (target and figures in docs/performance.md): compute
// every launched consumer's next set with power shaping and assigned keys,
// diff it against the stored set and queue a VSC packet. One validator's
// power changes before each epoch, so every consumer gets a packet.
// Staking is the fixture's in-memory stand-in, not x/staking.
//
//	go test ./x/provider/keeper/ -run '^$' -bench Epoch -benchtime 10x
//
// scripts/bench-table.sh runs it and prints the table of docs/performance.md.
func BenchmarkEpoch(b *testing.B) {
	cases := []struct{ consumers, validators int }{{1, 200}, {10, 200}, {50, 200}, {1, 500}}
	for _, c := range cases {
		consumers, validators := c.consumers, c.validators
		b.Run(fmt.Sprintf("consumers=%d/validators=%d", consumers, validators), func(b *testing.B) {
			f := newEpochFixture(b, consumers, validators)
			b.ReportAllocs()
			var cpu time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				f.validators[validators-1-i%4].power++ // among the strongest: always in the set
				require.NoError(b, f.k.PendingVSCPackets.Clear(f.ctx, nil))
				f.cms.Commit()
				// Like a block: the epoch works on a cache over committed state.
				block, write := f.ctx.CacheContext()
				b.StartTimer()
				start := processCPUTime()
				require.NoError(b, f.k.QueueVSCPackets(block))
				write()
				cpu += processCPUTime() - start
			}
			b.StopTimer()
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/epoch")
			if cpu > 0 {
				b.ReportMetric(float64(cpu.Microseconds())/float64(b.N)/1000, "cpu-ms/epoch")
			}
			queued, err := f.k.PendingVSCPackets.Iterate(f.ctx, nil)
			require.NoError(b, err)
			keys, err := queued.Keys()
			require.NoError(b, err)
			require.Len(b, keys, consumers, "every consumer got a packet in the last epoch")
		})
	}
}

// newEpochFixture launches the given number of opt-in consumers secured by
// every validator, each shaped by a set cap, a power cap and a denylist
// entry, with a quarter of the validators signing with assigned keys.
func newEpochFixture(b *testing.B, consumers, validators int) *fixture {
	powers := make([]int64, validators)
	for i := range powers {
		powers[i] = int64(10 + i%50)
	}
	f := newFixture(b, powers...)
	clients := 0
	f.clients.EXPECT().CreateClient(gomock.Any(), gomock.Any(), gomock.Any(), gomock.Any()).DoAndReturn(
		func(sdk.Context, string, []byte, []byte) (string, error) {
			clients++
			return fmt.Sprintf("07-tendermint-%d", clients), nil
		}).AnyTimes()
	shaping := types.PowerShapingParameters{
		ValidatorSetCap:    uint32(validators * 3 / 4),
		ValidatorsPowerCap: 5,
		Denylist:           []string{f.validators[0].consAddr.String()},
	}
	ids := make([]string, consumers)
	for c := range ids {
		ids[c] = f.createConsumer(f.ctx.BlockTime())
		require.NoError(b, f.k.ConsumerPowerShapingParams.Set(f.ctx, ids[c], shaping))
		for i, v := range f.validators {
			if i%4 != 0 {
				continue
			}
			pk, err := cryptocodec.ToCmtProtoPublicKey(ed25519.GenPrivKeyFromSecret([]byte(fmt.Sprintf("%s/%d", ids[c], i))).PubKey())
			require.NoError(b, err)
			require.NoError(b, f.k.ConsumerKeys.Set(f.ctx, collections.Join(ids[c], []byte(v.consAddr)), pk))
		}
	}
	require.NoError(b, f.k.BeginBlock(f.ctx))
	f.cms.Commit()
	for _, id := range ids {
		require.Equal(b, types.CONSUMER_PHASE_LAUNCHED, f.k.MustGetConsumerPhase(f.ctx, id))
	}
	return f
}
