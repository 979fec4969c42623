package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

const day = 24 * time.Hour

func TestValsetUpdateIDAt(t *testing.T) {
	const g = testutil.GenesisHeight
	set := func(height, id uint64) func(t *testing.T, f *testutil.Fixture) {
		return func(t *testing.T, f *testutil.Fixture) {
			require.NoError(t, f.Keeper.HeightToValsetUpdateID.Set(f.Ctx, height, id))
		}
	}
	cases := []struct {
		name      string
		prepare   []func(t *testing.T, f *testutil.Fixture)
		height    int64
		wantID    uint64
		wantKnown bool
	}{
		{"the genesis height maps to the genesis set", nil, g, 0, true},
		{"negative distribution heights belong to the genesis set", nil, -2, 0, true},
		{"a VSC received at h is in force from h+1", []func(*testing.T, *testutil.Fixture){recvVSC(g, 8)}, g + 1, 8, true},
		{"but not at h itself", []func(*testing.T, *testutil.Fixture){recvVSC(g, 8)}, g, 0, true},
		{"a restarted chain far above its last entry", []func(*testing.T, *testutil.Fixture){set(g+3, 5)}, g + 50, 5, true},
		{"a height between two entries", []func(*testing.T, *testutil.Fixture){set(g+3, 5), set(g+9, 6)}, g + 8, 5, true},
		{"a height on an entry", []func(*testing.T, *testutil.Fixture){set(g+3, 5), set(g+9, 6)}, g + 9, 6, true},
		{
			"a height below every entry left by pruning is unknown",
			[]func(*testing.T, *testutil.Fixture){set(g+3, 5), func(t *testing.T, f *testutil.Fixture) {
				require.NoError(t, f.Keeper.HeightToValsetUpdateID.Remove(f.Ctx, g))
			}},
			g + 2, 0, false,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := startedFixture(t, testutil.Validator(1, 10))
			for _, p := range tc.prepare {
				p(t, f)
			}
			id, known, err := f.Keeper.ValsetUpdateIDAt(f.Ctx, tc.height)
			require.NoError(t, err)
			require.Equal(t, tc.wantKnown, known)
			require.Equal(t, tc.wantID, id)
		})
	}
}

// recvVSC receives VSC id at height.
func recvVSC(height int64, id uint64) func(t *testing.T, f *testutil.Fixture) {
	return func(t *testing.T, f *testutil.Fixture) {
		t.Helper()
		ctx := f.Ctx.WithBlockHeight(height)
		packet, data := vscPacket(testutil.ChannelID, id, nil)
		require.NoError(t, f.Keeper.OnRecvVSCPacket(ctx, packet, data))
	}
}

// TestValsetUpdateIDsRecordedOnlyOnChange: a hundred quiet blocks add no
// entry; each new id adds one; a resent id adds none.
func TestValsetUpdateIDsRecordedOnlyOnChange(t *testing.T) {
	const g = testutil.GenesisHeight
	f := establishedFixture(t)
	for h := int64(g); h < g+100; h++ {
		f.Ctx = f.Ctx.WithBlockHeight(h)
		require.NoError(t, f.Keeper.BeginBlock(f.Ctx))
		switch h {
		case g + 10:
			recvVSC(h, 1)(t, f)
		case g + 40, g + 41: // the same id twice
			recvVSC(h, 2)(t, f)
		}
		_, err := f.Keeper.EndBlock(f.Ctx)
		require.NoError(t, err)
	}
	require.Equal(t, map[uint64]uint64{g: 0, g + 11: 1, g + 41: 2}, heightEntries(t, f))
	times := 0
	require.NoError(t, f.Keeper.HeightToValsetUpdateIDTime.Walk(f.Ctx, nil, func(uint64, int64) (bool, error) {
		times++
		return false, nil
	}))
	require.Equal(t, 3, times, "every entry has its time")
}

func heightEntries(t *testing.T, f *testutil.Fixture) map[uint64]uint64 {
	t.Helper()
	entries := map[uint64]uint64{}
	require.NoError(t, f.Keeper.HeightToValsetUpdateID.Walk(f.Ctx, nil, func(h, id uint64) (bool, error) {
		entries[h] = id
		return false, nil
	}))
	return entries
}

// TestPruneValsetUpdateIDs: an entry goes once the entry after it has been
// in force for an unbonding period (20 days by default); the newest stays.
func TestPruneValsetUpdateIDs(t *testing.T) {
	const g = testutil.GenesisHeight
	unbonding := ccvtypes.DefaultConsumerParams().UnbondingPeriod
	cases := []struct {
		name string
		at   time.Duration // after t0
		want map[uint64]uint64
	}{
		{"nothing is old enough", unbonding, map[uint64]uint64{g: 0, g + 11: 1, g + 21: 2}},
		{"the genesis entry goes once id 1 is an unbonding period old", day + unbonding, map[uint64]uint64{g + 11: 1, g + 21: 2}},
		{"the newest entry always stays", 100 * day, map[uint64]uint64{g + 21: 2}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := establishedFixture(t)
			f.Ctx = f.Ctx.WithBlockTime(t0.Add(day))
			recvVSC(g+10, 1)(t, f)
			f.Ctx = f.Ctx.WithBlockTime(t0.Add(2 * day))
			recvVSC(g+20, 2)(t, f)

			f.Ctx = f.Ctx.WithBlockHeight(g + 1000).WithBlockTime(t0.Add(tc.at))
			require.NoError(t, f.Keeper.BeginBlock(f.Ctx))
			require.Equal(t, tc.want, heightEntries(t, f))
			for h := range tc.want {
				has, err := f.Keeper.HeightToValsetUpdateIDTime.Has(f.Ctx, h)
				require.NoError(t, err)
				require.True(t, has)
			}
		})
	}
}

// TestPruneIsBoundedPerBlock: a backlog drains a hundred entries a block.
func TestPruneIsBoundedPerBlock(t *testing.T) {
	f := establishedFixture(t)
	for i := uint64(1); i <= 150; i++ {
		recvVSC(int64(testutil.GenesisHeight+i), i)(t, f)
	}
	f.Ctx = f.Ctx.WithBlockHeight(1000).WithBlockTime(t0.Add(100 * day))
	require.NoError(t, f.Keeper.BeginBlock(f.Ctx))
	require.Len(t, heightEntries(t, f), 51)
	require.NoError(t, f.Keeper.BeginBlock(f.Ctx))
	require.Len(t, heightEntries(t, f), 1)
}

// TestImportCompactsValsetUpdateIDs: a genesis from a chain that recorded
// every height (as the incumbent does) loads compacted, with the same
// answer at every height, and exports compacted.
func TestImportCompactsValsetUpdateIDs(t *testing.T) {
	src := runningConsumer(t)
	gs, err := src.Keeper.ExportGenesis(src.Ctx)
	require.NoError(t, err)
	gs.HeightToValsetUpdateId = []types.HeightToValsetUpdateID{
		{Height: 15, ValsetUpdateId: 4},
		{Height: 10, ValsetUpdateId: 0},
		{Height: 11, ValsetUpdateId: 0},
		{Height: 12, ValsetUpdateId: 3},
		{Height: 13, ValsetUpdateId: 3},
		{Height: 14, ValsetUpdateId: 3},
	}
	dst := testutil.NewFixture(t)
	_, err = dst.Keeper.InitGenesis(dst.Ctx, gs)
	require.NoError(t, err)

	require.Equal(t, map[uint64]uint64{10: 0, 12: 3, 15: 4}, heightEntries(t, dst))
	for _, e := range gs.HeightToValsetUpdateId {
		id, known, err := dst.Keeper.ValsetUpdateIDAt(dst.Ctx, int64(e.Height))
		require.NoError(t, err)
		require.True(t, known)
		require.Equal(t, e.ValsetUpdateId, id, "height %d", e.Height)
	}
	exported, err := dst.Keeper.ExportGenesis(dst.Ctx)
	require.NoError(t, err)
	require.Equal(t, []types.HeightToValsetUpdateID{
		{Height: 10, ValsetUpdateId: 0}, {Height: 12, ValsetUpdateId: 3}, {Height: 15, ValsetUpdateId: 4},
	}, exported.HeightToValsetUpdateId)
}

// TestPruneBackfillsMissingTimes: entries written without a time (by an
// older build) are timed at the first BeginBlock and pruned an unbonding
// period later, instead of stalling pruning for good.
func TestPruneBackfillsMissingTimes(t *testing.T) {
	const g = testutil.GenesisHeight
	f := establishedFixture(t)
	require.NoError(t, f.Keeper.HeightToValsetUpdateID.Set(f.Ctx, g+1, 1))
	require.NoError(t, f.Keeper.HeightToValsetUpdateID.Set(f.Ctx, g+2, 2))

	f.Ctx = f.Ctx.WithBlockHeight(g + 100).WithBlockTime(t0.Add(100 * day))
	require.NoError(t, f.Keeper.BeginBlock(f.Ctx))
	require.Len(t, heightEntries(t, f), 3, "nothing is known to be old yet")

	f.Ctx = f.Ctx.WithBlockTime(t0.Add(200 * day))
	require.NoError(t, f.Keeper.BeginBlock(f.Ctx))
	require.Equal(t, map[uint64]uint64{g + 2: 2}, heightEntries(t, f))
}
