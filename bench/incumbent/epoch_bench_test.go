package incumbent

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/golang/mock/gomock"
	"github.com/stretchr/testify/require"

	storetypes "cosmossdk.io/store/types"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	tmproto "github.com/cometbft/cometbft/proto/tendermint/types"

	testkeeper "github.com/cosmos/interchain-security/v7/testutil/keeper"
	providerkeeper "github.com/cosmos/interchain-security/v7/x/ccv/provider/keeper"
	providertypes "github.com/cosmos/interchain-security/v7/x/ccv/provider/types"
)

// BenchmarkEpoch measures the incumbent provider's epoch: what its EndBlock
// does for launched consumers at an epoch boundary (QueueVSCPackets:
// compute every consumer's next set with power shaping and assigned keys,
// diff it against the stored set, store it and queue a VSC packet). The
// workload and the sub-benchmark names are those of Rampart's
// BenchmarkEpoch, so that `make bench-compare` can pair the results.
// Sending the packets (SendVSCPackets) is left out on both sides: it is IBC
// work, not the epoch's computation.
//
//	go test -run '^$' -bench '^BenchmarkEpoch$' -benchtime 10x -benchmem
func BenchmarkEpoch(b *testing.B) {
	for _, c := range []struct{ consumers, validators int }{
		{1, 200}, {10, 200}, {50, 200}, {1, 500},
	} {
		b.Run(fmt.Sprintf("consumers=%d/validators=%d", c.consumers, c.validators), func(b *testing.B) {
			f := newEpochFixture(b, c.consumers, c.validators)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				// Among the strongest, so always in every set: each consumer's
				// set changes and each gets a packet.
				f.validators[c.validators-1-i%4].setPower(f.validators[c.validators-1-i%4].power + 1)
				for _, id := range f.consumers {
					f.k.DeletePendingVSCPackets(f.ctx, id)
				}
				f.cms.Commit()
				// Like a block: the epoch works on a cache over committed state.
				block, write := f.ctx.CacheContext()
				b.StartTimer()
				require.NoError(b, f.k.QueueVSCPackets(block))
				write()
			}
			b.StopTimer()
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/epoch")
			for _, id := range f.consumers {
				require.Len(b, f.k.GetPendingVSCPackets(f.ctx, id), 1, "every consumer got a packet in the last epoch")
			}
		})
	}
}

// validator is a bonded provider validator whose power the benchmark moves.
type validator struct {
	val      stakingtypes.Validator
	valAddr  sdk.ValAddress
	consAddr sdk.ConsAddress
	power    int64
}

// setPower keeps the tokens in step with the power, as x/staking would:
// the incumbent orders candidates by bonded tokens.
func (v *validator) setPower(p int64) {
	v.power = p
	v.val.Tokens = sdk.TokensFromConsensusPower(p, sdk.DefaultPowerReduction)
}

// epochFixture is the incumbent's in-memory provider keeper (its own test
// helpers) with staking mocked over a list of validators.
type epochFixture struct {
	k          providerkeeper.Keeper
	ctx        sdk.Context
	cms        storetypes.CommitMultiStore
	validators []*validator
	consumers  []string
}

// newEpochFixture mirrors Rampart's: the given number of launched opt-in
// consumers, each opted into by every validator, shaped by a set cap of
// 3/4 of the validators, a 5% power cap and one denylisted validator, with
// a quarter of the validators signing with an assigned key. Validators
// have powers 10+i%50. Provider parameters are the defaults on both sides
// (180 consensus validators).
func newEpochFixture(b *testing.B, consumers, validators int) *epochFixture {
	params := testkeeper.NewInMemKeeperParams(b)
	// The incumbent's GetProviderKeeperAndCtx wants a *testing.T; the parts
	// it is made of take what a benchmark has.
	mocks := testkeeper.NewMockedKeepers(gomock.NewController(b))
	f := &epochFixture{
		k:   testkeeper.NewInMemProviderKeeper(params, mocks),
		cms: params.Ctx.MultiStore().(storetypes.CommitMultiStore),
	}
	genesisTime := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.ctx = params.Ctx.WithChainID("provider-1").WithBlockHeight(1).WithBlockTime(genesisTime).
		WithBlockHeader(tmproto.Header{ChainID: "provider-1", Height: 1, Time: genesisTime})

	for i := 0; i < validators; i++ {
		// The seed is the index, as wide as needed for 500 validators.
		pk := ed25519.GenPrivKeyFromSecret([]byte(fmt.Sprintf("validator/%d", i))).PubKey()
		valAddr := sdk.ValAddress(pk.Address())
		val, err := stakingtypes.NewValidator(valAddr.String(), pk, stakingtypes.Description{Moniker: fmt.Sprint(i)})
		require.NoError(b, err)
		val.Status = stakingtypes.Bonded
		v := &validator{val: val, valAddr: valAddr, consAddr: sdk.ConsAddress(pk.Address())}
		v.setPower(int64(10 + i%50))
		f.validators = append(f.validators, v)
	}
	mocks.MockStakingKeeper.EXPECT().MaxValidators(gomock.Any()).Return(uint32(validators), nil).AnyTimes()
	mocks.MockStakingKeeper.EXPECT().GetBondedValidatorsByPower(gomock.Any()).DoAndReturn(f.bondedByPower).AnyTimes()
	mocks.MockStakingKeeper.EXPECT().GetLastValidatorPower(gomock.Any(), gomock.Any()).DoAndReturn(f.lastPower).AnyTimes()

	f.k.SetParams(f.ctx, providertypes.DefaultParams())
	f.k.SetValidatorSetUpdateId(f.ctx, 1)
	shaping := providertypes.PowerShapingParameters{
		ValidatorSetCap:    uint32(validators * 3 / 4),
		ValidatorsPowerCap: 5,
		Denylist:           []string{f.validators[0].consAddr.String()},
	}
	for c := 0; c < consumers; c++ {
		id := f.k.FetchAndIncrementConsumerId(f.ctx)
		f.consumers = append(f.consumers, id)
		// The state a launched consumer has in the incumbent: chain id,
		// phase, an IBC client (QueueVSCPackets walks consumers by client),
		// power shaping, opt-ins and assigned keys.
		f.k.SetConsumerChainId(f.ctx, id, "consumer-1")
		f.k.SetConsumerClientId(f.ctx, id, fmt.Sprintf("07-tendermint-%d", c))
		require.NoError(b, f.k.SetConsumerPowerShapingParameters(f.ctx, id, shaping))
		for i, v := range f.validators {
			provAddr := providertypes.NewProviderConsAddress(v.consAddr)
			f.k.SetOptedIn(f.ctx, id, provAddr)
			if i%4 != 0 {
				continue
			}
			consumerKey := ed25519.GenPrivKeyFromSecret([]byte(fmt.Sprintf("%s/%d", id, i))).PubKey()
			pk, err := cryptocodec.ToCmtProtoPublicKey(consumerKey)
			require.NoError(b, err)
			f.k.SetValidatorConsumerPubKey(f.ctx, id, provAddr, pk)
			f.k.SetValidatorByConsumerAddr(f.ctx, id, providertypes.NewConsumerConsAddress(sdk.ConsAddress(consumerKey.Address())), provAddr)
		}
		f.k.SetConsumerPhase(f.ctx, id, providertypes.CONSUMER_PHASE_LAUNCHED)
	}
	// At launch the incumbent stores the consumer's first set (LaunchConsumer
	// calls ComputeConsumerNextValSet); the epochs then diff against it.
	bonded, err := f.k.GetLastBondedValidators(f.ctx)
	require.NoError(b, err)
	active, err := f.k.GetLastProviderConsensusActiveValidators(f.ctx)
	require.NoError(b, err)
	for _, id := range f.consumers {
		updates, err := f.k.ComputeConsumerNextValSet(f.ctx, bonded, active, id, nil)
		require.NoError(b, err)
		require.NotEmpty(b, updates)
	}
	f.cms.Commit()
	return f
}

// bondedByPower is staking's GetBondedValidatorsByPower: strongest first.
func (f *epochFixture) bondedByPower(_ any) ([]stakingtypes.Validator, error) {
	vals := make([]*validator, len(f.validators))
	copy(vals, f.validators)
	sort.SliceStable(vals, func(i, j int) bool { return vals[i].power > vals[j].power })
	out := make([]stakingtypes.Validator, len(vals))
	for i, v := range vals {
		out[i] = v.val
	}
	return out, nil
}

// lastPower is staking's GetLastValidatorPower.
func (f *epochFixture) lastPower(_ any, addr sdk.ValAddress) (int64, error) {
	for _, v := range f.validators {
		if v.valAddr.Equals(addr) {
			return v.power, nil
		}
	}
	return 0, nil
}
