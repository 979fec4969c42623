package keeper_test

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtcrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"

	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// diffByString is the diff as it was written first, keyed by the public
// key's String(): DiffValidators must give the same updates in the same
// order.
func diffByString(current, next []types.ConsensusValidator) []abci.ValidatorUpdate {
	nextPower := map[string]int64{}
	for _, v := range next {
		nextPower[v.PublicKey.String()] = v.Power
	}
	currentKeys := map[string]bool{}
	updates := make([]abci.ValidatorUpdate, 0)
	for _, v := range current {
		currentKeys[v.PublicKey.String()] = true
		if power, stays := nextPower[v.PublicKey.String()]; !stays || power != v.Power {
			updates = append(updates, abci.ValidatorUpdate{PubKey: *v.PublicKey, Power: power})
		}
	}
	for _, v := range next {
		if !currentKeys[v.PublicKey.String()] {
			updates = append(updates, abci.ValidatorUpdate{PubKey: *v.PublicKey, Power: v.Power})
		}
	}
	return updates
}

func TestDiffValidatorsMatchesStringKeyedDiff(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	randomSet := func() []types.ConsensusValidator {
		set := make([]types.ConsensusValidator, rng.Intn(12))
		for i := range set {
			b := byte(rng.Intn(8)) // few keys: duplicates and overlaps
			pk := key(b)
			if rng.Intn(4) == 0 { // the same bytes as another kind of key
				pk = &cmtcrypto.PublicKey{Sum: &cmtcrypto.PublicKey_Secp256K1{Secp256K1: []byte{b}}}
			}
			set[i] = types.ConsensusValidator{ProviderConsAddr: []byte{b}, PublicKey: pk, Power: int64(rng.Intn(3))}
		}
		return set
	}
	for i := 0; i < 2000; i++ {
		current, next := randomSet(), randomSet()
		require.Equal(t, diffByString(current, next), keeper.DiffValidators(current, next))
	}
}

// A consumer's stored set is read by prefix: consumer "1" must not see the
// members of consumer "10".
func TestGetConsumerValSetKeepsToItsConsumer(t *testing.T) {
	f := newFixture(t)
	for _, id := range []string{"1", "10", "2"} {
		v := val(id[len(id)-1], int64(len(id)))
		require.NoError(t, f.k.ConsumerValidators.Set(f.ctx, collections.Join(id, v.ProviderConsAddr), v))
	}
	set, err := f.k.GetConsumerValSet(f.ctx, "1")
	require.NoError(t, err)
	require.Equal(t, []types.ConsensusValidator{val('1', 1)}, set)
}
