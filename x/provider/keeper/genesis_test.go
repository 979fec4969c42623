package keeper_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// TestGenesisRoundTrip exports a provider with consumers in every phase,
// imports the export into a fresh keeper and exports again: both exports
// must be identical, so nothing is lost (DESIGN §3.3).
func TestGenesisRoundTrip(t *testing.T) {
	f := newFixture(t, 30, 20)
	registered := f.createConsumer(time.Time{})
	initialized := f.createConsumer(genesisTime.Add(time.Hour))
	launched := f.createConsumer(genesisTime)
	f.establish(launched)
	f.validators[0].power = 35
	f.ctx = f.ctx.WithBlockHeight(10)
	f.channels.sendErr = errClientExpired // keep a packet pending
	_, err := f.k.EndBlock(f.ctx)
	require.NoError(t, err)
	stopped := f.createConsumer(genesisTime)
	f.clients.EXPECT().CreateClient(gomockAny, gomockAny, gomockAny, gomockAny).Return("07-tendermint-1", nil)
	require.NoError(t, f.k.BeginBlock(f.ctx))
	_, err = f.msgServer().RemoveConsumer(f.ctx, &types.MsgRemoveConsumer{ConsumerId: stopped, Owner: ownerAddr})
	require.NoError(t, err)

	handled := collections.Join(launched, bytes.Repeat([]byte{7}, 32))
	require.NoError(t, f.k.HandledEvidence.Set(f.ctx, handled))
	require.NoError(t, f.k.HandledEvidence.Set(f.ctx, collections.Join(stopped, bytes.Repeat([]byte{8}, 32))))

	exported, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	require.Len(t, exported.ConsumerStates, 4)

	g := newFixture(t, 35, 20)
	g.ctx = g.ctx.WithBlockHeight(f.ctx.BlockHeight()).WithBlockTime(f.ctx.BlockTime())
	g.k.InitGenesis(g.ctx, exported)
	reexported, err := g.k.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, exported, reexported)
	has, err := g.k.HandledEvidence.Has(g.ctx, handled)
	require.NoError(t, err)
	require.True(t, has, "handled evidence survives export and import")

	for id, phase := range map[string]types.ConsumerPhase{
		registered:  types.CONSUMER_PHASE_REGISTERED,
		initialized: types.CONSUMER_PHASE_INITIALIZED,
		launched:    types.CONSUMER_PHASE_LAUNCHED,
		stopped:     types.CONSUMER_PHASE_STOPPED,
	} {
		require.Equal(t, phase, g.k.GetConsumerPhase(g.ctx, id))
	}
	// The queues are rebuilt: the initialized consumer launches on time and
	// the stopped one is deleted on time.
	g.clients.EXPECT().CreateClient(gomockAny, gomockAny, gomockAny, gomockAny).Return("07-tendermint-2", nil)
	g.ctx = g.ctx.WithBlockTime(genesisTime.Add(time.Hour))
	require.NoError(t, g.k.BeginBlock(g.ctx))
	require.Equal(t, types.CONSUMER_PHASE_LAUNCHED, g.k.GetConsumerPhase(g.ctx, initialized))
	g.ctx = g.ctx.WithBlockTime(f.ctx.BlockTime().Add(unbondingPeriod))
	require.NoError(t, g.k.BeginBlock(g.ctx))
	require.Equal(t, types.CONSUMER_PHASE_DELETED, g.k.GetConsumerPhase(g.ctx, stopped))
	// New consumers continue the id sequence.
	require.Equal(t, "4", g.createConsumer(time.Time{}))
}

func TestGenesisValidate(t *testing.T) {
	tests := []struct {
		name     string
		malleate func(*types.GenesisState)
		valid    bool
	}{
		{"default", func(*types.GenesisState) {}, true},
		{"zero valset update id", func(gs *types.GenesisState) { gs.ValsetUpdateId = 0 }, false},
		{"bad params", func(gs *types.GenesisState) { gs.Params.BlocksPerEpoch = 0 }, false},
		{"duplicate consumer", func(gs *types.GenesisState) {
			cs := types.ConsumerState{ChainId: "0", Phase: types.CONSUMER_PHASE_REGISTERED}
			gs.ConsumerStates = []types.ConsumerState{cs, cs}
		}, false},
		{"consumer id not a number", func(gs *types.GenesisState) {
			gs.ConsumerStates = []types.ConsumerState{{ChainId: "abc", Phase: types.CONSUMER_PHASE_REGISTERED}}
		}, false},
		{"launched without client", func(gs *types.GenesisState) {
			gs.ConsumerStates = []types.ConsumerState{{ChainId: "0", Phase: types.CONSUMER_PHASE_LAUNCHED}}
		}, false},
		{"unspecified phase", func(gs *types.GenesisState) {
			gs.ConsumerStates = []types.ConsumerState{{ChainId: "0"}}
		}, false},
		{"future valset update id mapped", func(gs *types.GenesisState) {
			gs.ValsetUpdateIdToHeight = []types.ValsetUpdateIdToHeight{{ValsetUpdateId: 5, Height: 3}}
		}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gs := types.DefaultGenesisState()
			tc.malleate(gs)
			err := gs.Validate()
			if tc.valid {
				require.NoError(t, err)
			} else {
				require.Error(t, err)
			}
		})
	}
}
