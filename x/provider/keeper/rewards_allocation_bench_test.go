package keeper_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// BenchmarkRewardAllocation measures the provider's reward work in one
// block (BeginBlockRD: prune the record, allocate every consumer's
// rewards) with 50 consumers x 200 validators (target and figures in
// docs/performance.md). Each block runs on a cache over committed state and
// is discarded, so every iteration is the same block.
//
// What is pending:
//   - dust: every consumer's record holds what could not be split last
//     time (40 tokens: less than one token per validator), which is
//     every block between two reward transfers;
//   - payout: every consumer's rewards arrived in this block (1,000,000
//     tokens each): 10,000 validator payments.
//
// The chain's age:
//   - young: height 500, one bucket of reward history;
//   - aged: height 20,500, the window's 10 buckets full (10,000 blocks of
//     history: 100,000 validator bucket entries);
//   - aged-boundary: height 21,000, where a whole bucket leaves the window
//     and is pruned (once every types.RewardsBucketBlocks blocks).
//
// x/staking, x/distribution and x/bank are the fixture's mocks, so what is
// measured is this module's work and its store.
//
//	go test ./x/provider/keeper/ -run '^$' -bench RewardAllocation -benchmem -benchtime 10x
func BenchmarkRewardAllocation(b *testing.B) {
	const consumers, validators = 50, 200
	for _, age := range []struct {
		name   string
		height int64
	}{
		{"young", 500},
		{"aged", 20_500},
		{"aged-boundary", 21_000},
	} {
		b.Run(fmt.Sprintf("%s/consumers=%d/validators=%d", age.name, consumers, validators), func(b *testing.B) {
			f := newRewardsBench(b, consumers, validators, age.height)
			for _, pending := range []struct {
				name   string
				amount int64
			}{
				{"dust", 40},
				{"payout", 1_000_000},
			} {
				for c := range consumers {
					require.NoError(b, f.k.ConsumerRewardsAllocation.Set(f.ctx, fmt.Sprint(c), types.ConsumerRewardsAllocation{
						Rewards: sdk.NewDecCoins(sdk.NewDecCoin(sdk.DefaultBondDenom, math.NewInt(pending.amount))),
					}))
				}
				f.cms.Commit()
				b.Run(pending.name, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						block, _ := f.ctx.CacheContext()
						if err := f.k.BeginBlockRD(block); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/block")
				})
			}
		})
	}
}

// newRewardsBench is a provider at the given height with launched
// consumers all secured by every validator (in the set long enough to be
// paid), "stake" allowlisted, and a full reward record: every validator and
// consumer has an entry in each bucket of the window.
func newRewardsBench(b *testing.B, consumers, validators int, height int64) *fixture {
	powers := make([]int64, validators)
	for i := range powers {
		powers[i] = int64(10 + i%50)
	}
	f := newFixture(b, powers...)
	byConsAddr := make(map[string]stakingtypes.Validator, validators)
	for _, v := range f.validators {
		byConsAddr[string(v.consAddr)] = v.val
	}
	f.staking.EXPECT().GetValidatorByConsAddr(gomock.Any(), gomock.Any()).DoAndReturn(
		func(_ context.Context, addr sdk.ConsAddress) (stakingtypes.Validator, error) {
			if v, ok := byConsAddr[string(addr)]; ok {
				return v, nil
			}
			return stakingtypes.Validator{}, stakingtypes.ErrNoValidatorFound
		}).AnyTimes()
	f.distr.EXPECT().GetCommunityTax(gomock.Any()).Return(communityTax, nil).AnyTimes()
	f.distr.EXPECT().AllocateTokensToValidator(gomock.Any(), gomock.Any(), gomock.Any()).Return(nil).AnyTimes()
	f.distr.EXPECT().FundCommunityPool(gomock.Any(), gomock.Any(), gomock.Any()).Return(nil).AnyTimes()
	f.bank.EXPECT().SendCoinsFromModuleToModule(gomock.Any(), gomock.Any(), gomock.Any(), gomock.Any()).Return(nil).AnyTimes()
	require.NoError(b, f.k.RegisteredRewardDenoms.Set(f.ctx, sdk.DefaultBondDenom))

	set := make([]types.ConsensusValidator, validators)
	for i, v := range f.validators {
		set[i] = types.ConsensusValidator{ProviderConsAddr: v.consAddr, Power: v.power, JoinHeight: 1}
	}
	// The record as the previous block left it: the window ending there,
	// whose oldest bucket leaves it now if height starts a bucket.
	current := uint64(height) / types.RewardsBucketBlocks
	first := uint64(0)
	if prev := uint64(height-1) / types.RewardsBucketBlocks; prev >= types.RewardsWindowBuckets {
		first = prev - (types.RewardsWindowBuckets - 1)
	}
	paid := exttypes.ValidatorRewardAmounts{Rewards: math.NewInt(1000), Commission: math.LegacyNewDec(50)}
	received := exttypes.ConsumerRewardAmounts{Received: math.NewInt(200_000), Distributed: math.NewInt(196_000), CommunityPool: math.NewInt(4_000)}
	for c := range consumers {
		id := fmt.Sprint(c)
		require.NoError(b, f.k.ConsumerPhase.Set(f.ctx, id, int32(types.CONSUMER_PHASE_LAUNCHED)))
		require.NoError(b, f.k.ConsumerClientID.Set(f.ctx, id, fmt.Sprintf("07-tendermint-%d", c)))
		require.NoError(b, f.k.SetConsumerValSet(f.ctx, id, set))
		require.NoError(b, f.k.ConsumerRewardsTotals.Set(f.ctx, collections.Join(id, sdk.DefaultBondDenom), received))
		for bucket := first; bucket <= current; bucket++ {
			require.NoError(b, f.k.ConsumerRewardsBuckets.Set(f.ctx, collections.Join3(bucket, id, sdk.DefaultBondDenom), received))
		}
		for _, v := range f.validators {
			addr := []byte(v.consAddr)
			require.NoError(b, f.k.ValidatorRewardsTotals.Set(f.ctx, collections.Join3(addr, id, sdk.DefaultBondDenom), paid))
			for bucket := first; bucket <= current; bucket++ {
				require.NoError(b, f.k.ValidatorRewardsBuckets.Set(f.ctx, collections.Join4(bucket, addr, id, sdk.DefaultBondDenom), paid))
			}
		}
	}
	header := f.ctx.BlockHeader()
	header.Height = height
	f.ctx = f.ctx.WithBlockHeight(height).WithBlockHeader(header)
	f.cms.Commit()
	return f
}
