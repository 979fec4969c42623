package keeper_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	"github.com/rampart-ics/rampart/x/provider/types"
)

func downtimeParams(jail time.Duration) *types.InfractionParameters {
	return &types.InfractionParameters{Downtime: &types.SlashJailParameters{SlashFraction: math.LegacyNewDecWithPrec(1, 3), JailDuration: jail}}
}

func (f *fixture) updateInfraction(id string, update *types.InfractionParameters) {
	f.t.Helper()
	msg := &types.MsgUpdateConsumer{Owner: ownerAddr, ConsumerId: id, InfractionParameters: update}
	require.NoError(f.t, msg.ValidateBasic())
	_, err := f.msgServer().UpdateConsumer(f.ctx, msg)
	require.NoError(f.t, err)
}

func (f *fixture) infraction(id string) types.InfractionParameters {
	f.t.Helper()
	p, err := f.k.ConsumerInfractionParams.Get(f.ctx, id)
	require.NoError(f.t, err)
	return p
}

func (f *fixture) queued(id string) *types.QueuedInfractionParameters {
	f.t.Helper()
	q, err := f.k.QueuedInfractionParams.Get(f.ctx, id)
	if err != nil {
		return nil
	}
	return &q
}

func (f *fixture) queueLen() int {
	n := 0
	require.NoError(f.t, f.k.InfractionParamsQueue.Walk(f.ctx, nil, func(collections.Pair[time.Time, string]) (bool, error) {
		n++
		return false, nil
	}))
	return n
}

// TestInfractionParamsBeforeLaunch: before launch a change applies at once,
// and only the kinds it carries change.
func TestInfractionParamsBeforeLaunch(t *testing.T) {
	f := newFixture(t, 30)
	id := f.createConsumer(time.Time{})
	before := f.infraction(id)
	f.updateInfraction(id, downtimeParams(time.Hour))
	after := f.infraction(id)
	require.Equal(t, time.Hour, after.Downtime.JailDuration)
	require.Equal(t, before.DoubleSign, after.DoubleSign, "double-sign parameters untouched")
	require.Nil(t, f.queued(id))
}

// TestInfractionParamsQueuedAfterLaunch: once launched, a change waits one
// provider unbonding period; a later change replaces it; submitting the
// current parameters cancels it.
func TestInfractionParamsQueuedAfterLaunch(t *testing.T) {
	f, id, _ := launchedConsumer(t, 30)
	current := f.infraction(id)
	start := f.ctx.BlockTime()

	f.updateInfraction(id, downtimeParams(time.Hour))
	require.Equal(t, current, f.infraction(id), "nothing changes at once")
	q := f.queued(id)
	require.NotNil(t, q)
	require.Equal(t, start.Add(unbondingPeriod), q.ApplyTime)
	require.Equal(t, time.Hour, q.Parameters.Downtime.JailDuration)
	require.Equal(t, current.DoubleSign, q.Parameters.DoubleSign, "the queued set is complete")
	require.True(t, f.hasEvent("infraction_parameters_queued"))

	// A second change an hour later replaces the first and restarts the wait.
	f.ctx = f.ctx.WithBlockTime(start.Add(time.Hour))
	f.updateInfraction(id, downtimeParams(2*time.Hour))
	require.Equal(t, 1, f.queueLen())
	require.Equal(t, start.Add(time.Hour+unbondingPeriod), f.queued(id).ApplyTime)

	// Not yet due at the first change's time.
	f.ctx = f.ctx.WithBlockTime(start.Add(unbondingPeriod))
	require.NoError(t, f.k.BeginBlock(f.ctx))
	require.Equal(t, current, f.infraction(id))

	// Due: applied and dequeued.
	f.ctx = f.ctx.WithBlockTime(start.Add(time.Hour + unbondingPeriod))
	require.NoError(t, f.k.BeginBlock(f.ctx))
	require.Equal(t, 2*time.Hour, f.infraction(id).Downtime.JailDuration)
	require.Nil(t, f.queued(id))
	require.Zero(t, f.queueLen())
}

func TestInfractionParamsResubmittingCurrentCancels(t *testing.T) {
	f, id, _ := launchedConsumer(t, 30)
	current := f.infraction(id)
	f.updateInfraction(id, downtimeParams(time.Hour))
	require.NotNil(t, f.queued(id))

	f.updateInfraction(id, &types.InfractionParameters{Downtime: current.Downtime})
	require.Nil(t, f.queued(id))
	require.Zero(t, f.queueLen())
	f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(unbondingPeriod))
	require.NoError(t, f.k.BeginBlock(f.ctx))
	require.Equal(t, current, f.infraction(id))
}

// TestInfractionParamsAppliedAtMost200PerBlock: the queue is drained at
// MaxItemsPerBlock per block, oldest first.
func TestInfractionParamsAppliedAtMost200PerBlock(t *testing.T) {
	f := newFixture(t, 30)
	due := f.ctx.BlockTime()
	n := types.MaxItemsPerBlock + 1
	for i := range n {
		id := strconv.Itoa(i)
		q := types.QueuedInfractionParameters{Parameters: downtimeParams(time.Hour), ApplyTime: due.Add(time.Duration(i) * time.Nanosecond)}
		require.NoError(t, f.k.QueuedInfractionParams.Set(f.ctx, id, q))
		require.NoError(t, f.k.InfractionParamsQueue.Set(f.ctx, collections.Join(q.ApplyTime, id)))
	}
	f.ctx = f.ctx.WithBlockTime(due.Add(time.Second))
	require.NoError(t, f.k.BeginBlock(f.ctx))
	require.Equal(t, 1, f.queueLen())
	last := strconv.Itoa(n - 1)
	require.NotNil(t, f.queued(last), "the newest waits for the next block")
	require.NoError(t, f.k.BeginBlock(f.ctx))
	require.Zero(t, f.queueLen())
	require.Equal(t, time.Hour, f.infraction(last).Downtime.JailDuration)
}

// TestInfractionParamsUpdateValidation: invalid parameters are refused by
// the message's ValidateBasic.
func TestInfractionParamsUpdateValidation(t *testing.T) {
	bad := &types.InfractionParameters{Downtime: &types.SlashJailParameters{SlashFraction: math.LegacyNewDec(2)}}
	msg := &types.MsgUpdateConsumer{Owner: ownerAddr, ConsumerId: "0", InfractionParameters: bad}
	require.ErrorIs(t, msg.ValidateBasic(), types.ErrInvalidInfractionParams)
}
