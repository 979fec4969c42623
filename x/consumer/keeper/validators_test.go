package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/rampart-ics/rampart/x/consumer/testutil"
)

// TestVSCAccumulationAndEndBlock feeds the VSC packets of one block and
// checks what EndBlock hands to CometBFT and the set that results.
func TestVSCAccumulationAndEndBlock(t *testing.T) {
	v := testutil.Validator
	genesis := []abci.ValidatorUpdate{v(1, 10), v(2, 20)}
	cases := []struct {
		name    string
		packets [][]abci.ValidatorUpdate
		want    []abci.ValidatorUpdate
		wantSet []abci.ValidatorUpdate
	}{
		{
			name:    "no change",
			packets: [][]abci.ValidatorUpdate{{}},
			want:    nil,
			wantSet: genesis,
		},
		{
			name:    "new validator and power change",
			packets: [][]abci.ValidatorUpdate{{v(3, 30), v(1, 15)}},
			want:    []abci.ValidatorUpdate{v(3, 30), v(1, 15)},
			wantSet: []abci.ValidatorUpdate{v(1, 15), v(2, 20), v(3, 30)},
		},
		{
			name:    "latest update of a key wins across packets",
			packets: [][]abci.ValidatorUpdate{{v(1, 50)}, {v(1, 60)}, {v(3, 5)}},
			want:    []abci.ValidatorUpdate{v(1, 60), v(3, 5)},
			wantSet: []abci.ValidatorUpdate{v(1, 60), v(2, 20), v(3, 5)},
		},
		{
			name:    "removal of a known validator",
			packets: [][]abci.ValidatorUpdate{{v(1, 0)}},
			want:    []abci.ValidatorUpdate{v(1, 0)},
			wantSet: []abci.ValidatorUpdate{v(2, 20)},
		},
		{
			name:    "zero power for an unknown validator is dropped",
			packets: [][]abci.ValidatorUpdate{{v(9, 0), v(2, 25)}},
			want:    []abci.ValidatorUpdate{v(2, 25)},
			wantSet: []abci.ValidatorUpdate{v(1, 10), v(2, 25)},
		},
		{
			name:    "added then removed in the same block is dropped",
			packets: [][]abci.ValidatorUpdate{{v(4, 40)}, {v(4, 0)}},
			want:    nil,
			wantSet: genesis,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := startedFixture(t, genesis...)
			for i, updates := range tc.packets {
				packet, data := vscPacket(testutil.ChannelID, uint64(i+1), updates)
				require.NoError(t, f.Keeper.OnRecvVSCPacket(f.Ctx, packet, data))
			}
			got, err := f.Keeper.EndBlock(f.Ctx)
			require.NoError(t, err)
			require.ElementsMatch(t, tc.want, got)
			requireSorted(t, got)
			require.Equal(t, setOf(tc.wantSet), validatorSet(t, f))

			again, err := f.Keeper.EndBlock(f.Ctx)
			require.NoError(t, err)
			require.Empty(t, again, "pending changes are cleared once applied")
		})
	}
}

func TestPendingUpdatesOrder(t *testing.T) {
	v := testutil.Validator
	f := startedFixture(t, v(1, 10))
	require.NoError(t, f.Keeper.AccumulateChanges(f.Ctx, []abci.ValidatorUpdate{v(3, 30), v(4, 30), v(5, 50), v(6, 1), v(7, 30)}))
	got, err := f.Keeper.PendingValidatorUpdates(f.Ctx)
	require.NoError(t, err)
	require.Len(t, got, 5)
	require.Equal(t, int64(50), got[0].Power)
	require.Equal(t, int64(1), got[4].Power)
	requireSorted(t, got)
}

// TestNewValidatorClearsStaleDowntimeFlag: a flag left from an earlier
// membership is cleared when the validator joins again, but a current
// validator whose power changes keeps its flag (its request is still
// outstanding on the provider).
func TestNewValidatorClearsStaleDowntimeFlag(t *testing.T) {
	f := startedFixture(t, testutil.Validator(1, 10))
	require.NoError(t, f.Keeper.OutstandingDowntime.Set(f.Ctx, testutil.ConsAddress(1)))
	require.NoError(t, f.Keeper.OutstandingDowntime.Set(f.Ctx, testutil.ConsAddress(3)))
	_, err := f.Keeper.ApplyValidatorChanges(f.Ctx, []abci.ValidatorUpdate{testutil.Validator(1, 15), testutil.Validator(3, 30)})
	require.NoError(t, err)
	require.False(t, flagged(t, f, 3), "the newcomer starts clean")
	require.True(t, flagged(t, f, 1), "a power change keeps the outstanding request")
}

// requireSorted checks the order CometBFT receives: power descending, then
// public key descending.
func requireSorted(t *testing.T, updates []abci.ValidatorUpdate) {
	t.Helper()
	for i := 1; i < len(updates); i++ {
		prev, cur := updates[i-1], updates[i]
		if prev.Power == cur.Power {
			require.Greater(t, prev.PubKey.String(), cur.PubKey.String(), "ties are ordered by public key, descending")
			continue
		}
		require.Greater(t, prev.Power, cur.Power, "updates are ordered by power, descending")
	}
}

func setOf(updates []abci.ValidatorUpdate) map[string]int64 {
	set := map[string]int64{}
	for _, u := range updates {
		set[u.PubKey.String()] = u.Power
	}
	return set
}
