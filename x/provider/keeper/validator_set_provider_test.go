package keeper_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

func (tv *testValidator) update(t *testing.T, power int64) abci.ValidatorUpdate {
	t.Helper()
	pk, err := tv.val.CmtConsPublicKey()
	require.NoError(t, err)
	return abci.ValidatorUpdate{PubKey: pk, Power: power}
}

// The provider's own set is stored every block: a block that changes
// nothing must write nothing, and a change writes only the members it
// touches.
func TestProviderValidatorUpdatesWriteOnlyChanges(t *testing.T) {
	f := newFixture(t, 10, 20, 30, 40) // genesis stored the set
	f.writes.reset()
	updates, err := f.k.ProviderValidatorUpdates(f.ctx)
	require.NoError(t, err)
	require.Empty(t, updates)
	require.Zero(t, f.writes.count(types.LastProviderConsensusValsKey), "an unchanged set writes nothing")

	leaving, changing := f.validators[0], f.validators[1]
	leaving.power, changing.power = 0, 25
	newcomer := f.addValidator(9, 15)
	f.writes.reset()
	updates, err = f.k.ProviderValidatorUpdates(f.ctx)
	require.NoError(t, err)
	require.ElementsMatch(t, []abci.ValidatorUpdate{leaving.update(t, 0), changing.update(t, 25), newcomer.update(t, 15)}, updates)
	require.Equal(t, 3, f.writes.count(types.LastProviderConsensusValsKey), "one removal and two sets")

	stored := map[string]int64{}
	require.NoError(t, f.k.LastProviderConsensusVals.Walk(f.ctx, nil, func(addr []byte, v types.ConsensusValidator) (bool, error) {
		stored[string(addr)] = v.Power
		return false, nil
	}))
	want := map[string]int64{}
	for _, v := range f.validators {
		if v.power > 0 {
			want[string(v.consAddr)] = v.power
		}
	}
	require.Equal(t, want, stored)

	f.writes.reset()
	updates, err = f.k.ProviderValidatorUpdates(f.ctx)
	require.NoError(t, err)
	require.Empty(t, updates)
	require.Zero(t, f.writes.count(types.LastProviderConsensusValsKey))
}

// A failing staking store is not a validator without power: the error
// reaches the block instead of the validator leaving the sets.
func TestValidatorSetsSurfaceStakingErrors(t *testing.T) {
	f := newFixture(t, 10, 20)
	id := f.launchedConsumer("07-tendermint-0")
	f.powerErr = errors.New("staking store failure")

	_, err := f.k.ProviderValidatorUpdates(f.ctx)
	require.ErrorIs(t, err, f.powerErr)
	require.ErrorIs(t, f.k.QueueVSCPackets(f.ctx), f.powerErr)
	_, err = f.k.ComputeConsumerNextValSet(f.ctx, id)
	require.ErrorIs(t, err, f.powerErr)
	require.Equal(t, types.CONSUMER_PHASE_LAUNCHED, f.k.MustGetConsumerPhase(f.ctx, id), "the consumer is not blamed")
}
