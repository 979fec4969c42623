package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	cmttypes "github.com/cometbft/cometbft/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

func TestSlashMeterAllowance(t *testing.T) {
	tests := []struct {
		name     string
		powers   []int64
		fraction string
		want     int64
	}{
		{"5% of 60", []int64{30, 20, 10}, "0.05", 3},
		{"rounds half to even: 1.5 -> 2", []int64{30}, "0.05", 2},
		{"rounds half to even: 0.5 -> 1 at least", []int64{10}, "0.05", 1},
		{"rounds up above half: 2.6 -> 3", []int64{52}, "0.05", 3},
		{"no power still allows 1", nil, "0.05", 1},
		{"whole set", []int64{30, 20, 10}, "1", 60},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, tc.powers...)
			params, err := f.k.Params.Get(f.ctx)
			require.NoError(t, err)
			params.SlashMeterReplenishFraction = tc.fraction
			require.NoError(t, f.k.Params.Set(f.ctx, params))
			got, err := f.k.SlashMeterAllowance(f.ctx)
			require.NoError(t, err)
			require.Equal(t, tc.want, got.Int64())
		})
	}
}

// TestSlashMeterInitializedFull: a new chain starts with a full meter and
// its first replenishment one period away.
func TestSlashMeterInitializedFull(t *testing.T) {
	f := newFixture(t, 30, 20, 10)
	require.Equal(t, int64(3), f.meter())
	candidate, err := f.k.GetSlashMeterReplenishCandidate(f.ctx)
	require.NoError(t, err)
	require.Equal(t, genesisTime.Add(types.DefaultSlashMeterReplenishPeriod), candidate)
}

// TestSlashMeterReplenishment follows the meter block by block: it refills
// by the allowance once per period while not full, never beyond the
// allowance, and a full meter keeps its replenish time one period ahead.
func TestSlashMeterReplenishment(t *testing.T) {
	f := newFixture(t, 30, 20, 10) // allowance 3, period 1h
	require.NoError(t, f.k.SlashMeter.Set(f.ctx, math.NewInt(-5)))
	period := types.DefaultSlashMeterReplenishPeriod

	steps := []struct {
		after         time.Duration // since genesis
		meter         int64
		nextCandidate time.Duration // since genesis
	}{
		{time.Minute, -5, period},              // not yet
		{period - time.Second, -5, period},     // still not
		{period, -2, 2 * period},               // replenished at the candidate time
		{period + time.Minute, -2, 2 * period}, // once per period
		{2 * period, 1, 3 * period},
		{3*period + time.Minute, 3, 3*period + time.Minute + period}, // full: capped, candidate pushed
		{3*period + 2*time.Minute, 3, 3*period + 2*time.Minute + period},
	}
	for _, s := range steps {
		f.ctx = f.ctx.WithBlockTime(genesisTime.Add(s.after))
		require.NoError(t, f.k.BeginBlock(f.ctx))
		require.Equal(t, s.meter, f.meter(), "meter after %s", s.after)
		candidate, err := f.k.GetSlashMeterReplenishCandidate(f.ctx)
		require.NoError(t, err)
		require.Equal(t, genesisTime.Add(s.nextCandidate), candidate, "candidate after %s", s.after)
	}
}

// TestSlashMeterFollowsTotalPower: when the provider's power falls, a meter
// above the new allowance is cut to it; when it grows, the meter refills
// to the new allowance at the next replenishment.
func TestSlashMeterFollowsTotalPower(t *testing.T) {
	f := newFixture(t, 30, 20, 10)
	require.Equal(t, int64(3), f.meter())
	f.validators[0].power = 0 // total 30: allowance 2 (1.5 rounds to 2)
	f.nextBlock()
	require.NoError(t, f.k.BeginBlock(f.ctx))
	require.Equal(t, int64(2), f.meter())

	f.validators[0].power = 170 // total 200: allowance 10
	require.NoError(t, f.k.SlashMeter.Set(f.ctx, math.NewInt(1)))
	f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(types.DefaultSlashMeterReplenishPeriod))
	require.NoError(t, f.k.BeginBlock(f.ctx))
	require.Equal(t, int64(10), f.meter(), "1 + 10 capped at 10")
}

// TestSlashMeterBounds: the meter stays within ±MaxTotalVotingPower even
// when a genesis says otherwise.
func TestSlashMeterBounds(t *testing.T) {
	maxPower := cmttypes.MaxTotalVotingPower
	for _, tc := range []struct {
		name  string
		meter string
		want  int64
	}{
		{"far below", "-99999999999999999999999", -maxPower},
		{"far above is cut to the allowance at the next block", "99999999999999999999999", 3},
		{"in range", "-42", -42},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, 30, 20, 10)
			gs, err := f.k.ExportGenesis(f.ctx)
			require.NoError(t, err)
			gs.SlashMeter = tc.meter
			g := newFixture(t, 30, 20, 10)
			g.k.InitGenesis(g.ctx, gs)
			m, err := g.k.SlashMeter.Get(g.ctx)
			require.NoError(t, err)
			require.True(t, m.Abs().LTE(math.NewInt(maxPower)), "stored meter %s is out of bounds", m)
			require.NoError(t, g.k.BeginBlock(g.ctx))
			require.Equal(t, tc.want, g.meter())
		})
	}
}

// TestThrottleBouncesUntilReplenished: a flood of downtime requests jails
// while the meter is not negative, then bounces; after replenishment the
// retried requests go through. Nothing is punished twice.
func TestThrottleBouncesUntilReplenished(t *testing.T) {
	f, _, p := launchedConsumer(t, 30, 20, 10, 5, 5) // allowance round(3.5) = 4
	require.Equal(t, int64(4), f.meter())
	results := func() []string {
		var out []string
		for _, v := range f.validators {
			ack := f.recvSlash(downtime(v.consAddr, v.power, 0))
			out = append(out, string(rune('0'+ack.GetResult()[0])))
		}
		return out
	}
	// The first request takes 30 off (4 -> -26); the rest bounce.
	require.Equal(t, []string{"2", "3", "3", "3", "3"}, results())
	require.Equal(t, int64(-26), f.meter())
	require.Len(t, p.slashes, 0, "downtime slashes nothing by default")

	// Replenishing takes ceil(26/4) = 7 periods to reach zero again.
	for range 7 {
		f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(types.DefaultSlashMeterReplenishPeriod))
		require.NoError(t, f.k.BeginBlock(f.ctx))
	}
	require.Equal(t, int64(2), f.meter())
	// The retries: the jailed validator is acknowledged without a second
	// punishment and costs nothing; the next one is jailed.
	require.Equal(t, []string{"2", "2", "3", "3", "3"}, results())
	require.Equal(t, int64(2-20), f.meter())
	for i, jailed := range []bool{true, true, false, false, false} {
		require.Equal(t, jailed, f.validators[i].val.Jailed, "validator %d", i)
	}
	records, err := f.k.PunishmentSeq.Peek(f.ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(2), records, "one punishment per jailed validator")
}
