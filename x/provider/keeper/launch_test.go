package keeper_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/cosmos/ibc-go/v11/modules/core/exported"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// launch makes the consumer's spawn time come and runs BeginBlock, with the
// client keeper creating "07-tendermint-0".
func (f *fixture) launch(id string) {
	f.t.Helper()
	f.clients.EXPECT().CreateClient(gomock.Any(), exported.Tendermint, gomock.Any(), gomock.Any()).Return("07-tendermint-0", nil)
	init, err := f.k.ConsumerInitParams.Get(f.ctx, id)
	require.NoError(f.t, err)
	if f.ctx.BlockTime().Before(init.SpawnTime) {
		f.ctx = f.ctx.WithBlockTime(init.SpawnTime)
	}
	require.NoError(f.t, f.k.BeginBlock(f.ctx))
	require.Equal(f.t, types.CONSUMER_PHASE_LAUNCHED, f.k.MustGetConsumerPhase(f.ctx, id))
}

func TestLaunchConsumer(t *testing.T) {
	f := newFixture(t, 30, 20, 10)
	spawn := genesisTime.Add(time.Minute)
	id := f.createConsumer(spawn)

	// Before the spawn time nothing happens.
	require.NoError(t, f.k.BeginBlock(f.ctx))
	require.Equal(t, types.CONSUMER_PHASE_INITIALIZED, f.k.MustGetConsumerPhase(f.ctx, id))

	f.launch(id)

	genesis, err := f.k.ConsumerGenesis.Get(f.ctx, id)
	require.NoError(t, err)
	require.NoError(t, genesis.Validate())
	require.True(t, genesis.NewChain)
	require.True(t, genesis.Params.Enabled)
	require.Equal(t, id, genesis.Params.ConsumerId)
	require.Equal(t, providerChainID, genesis.Provider.ClientState.ChainId)
	require.Equal(t, uint64(1), genesis.Provider.ClientState.LatestHeight.RevisionHeight)
	require.Equal(t, unbondingPeriod, genesis.Provider.ClientState.UnbondingPeriod)
	require.Len(t, genesis.Provider.InitialValSet, 3)
	for i, want := range []int64{30, 20, 10} {
		require.Equal(t, want, genesis.Provider.InitialValSet[i].Power, "initial set by power")
	}

	clientID, err := f.k.ConsumerClientID.Get(f.ctx, id)
	require.NoError(t, err)
	require.Equal(t, "07-tendermint-0", clientID)
	back, err := f.k.ClientIDToConsumerID.Get(f.ctx, clientID)
	require.NoError(t, err)
	require.Equal(t, id, back)
	set, err := f.k.GetConsumerValSet(f.ctx, id)
	require.NoError(t, err)
	require.Len(t, set, 3)
	queued, err := f.k.SpawnTimeQueue.Has(f.ctx, collections.Join(spawn, id))
	require.NoError(t, err)
	require.False(t, queued, "launching pops the queue")
}

func TestLaunchFailureReturnsToRegistered(t *testing.T) {
	tests := []struct {
		name  string
		setup func(f *fixture)
	}{
		{"no validators", func(f *fixture) {
			for _, v := range f.validators {
				v.power = 0
			}
		}},
		{"client creation fails", func(f *fixture) {
			f.clients.EXPECT().CreateClient(gomock.Any(), gomock.Any(), gomock.Any(), gomock.Any()).Return("", errors.New("boom"))
		}},
		{"client creation panics", func(f *fixture) {
			f.clients.EXPECT().CreateClient(gomock.Any(), gomock.Any(), gomock.Any(), gomock.Any()).DoAndReturn(
				func(sdk.Context, string, []byte, []byte) (string, error) { panic("a bug in a dependency") })
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, 10)
			id := f.createConsumer(genesisTime)
			tc.setup(f)
			require.NoError(t, f.k.BeginBlock(f.ctx), "a failed launch never fails the block")
			require.Equal(t, types.CONSUMER_PHASE_REGISTERED, f.k.MustGetConsumerPhase(f.ctx, id))
			init, err := f.k.ConsumerInitParams.Get(f.ctx, id)
			require.NoError(t, err)
			require.True(t, init.SpawnTime.IsZero(), "the owner must schedule again")
			has, err := f.k.ConsumerGenesis.Has(f.ctx, id)
			require.NoError(t, err)
			require.False(t, has, "nothing of the failed launch is kept")
			require.Contains(t, eventTypes(f), "consumer_launch_failed")
		})
	}
}

func eventTypes(f *fixture) []string {
	var out []string
	for _, e := range f.ctx.EventManager().Events() {
		out = append(out, e.Type)
	}
	return out
}
