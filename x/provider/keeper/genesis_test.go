package keeper_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// TestGenesisRoundTrip exports a provider with consumers in every phase,
// imports the export into a fresh keeper and exports again: both exports
// must be identical, so nothing is lost (docs/adr/001-lossless-provider-genesis.md).
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
		require.Equal(t, phase, g.k.MustGetConsumerPhase(g.ctx, id))
	}
	// The queues are rebuilt: the initialized consumer launches on time and
	// the stopped one is deleted on time.
	g.clients.EXPECT().CreateClient(gomockAny, gomockAny, gomockAny, gomockAny).Return("07-tendermint-2", nil)
	g.ctx = g.ctx.WithBlockTime(genesisTime.Add(time.Hour))
	require.NoError(t, g.k.BeginBlock(g.ctx))
	require.Equal(t, types.CONSUMER_PHASE_LAUNCHED, g.k.MustGetConsumerPhase(g.ctx, initialized))
	g.ctx = g.ctx.WithBlockTime(f.ctx.BlockTime().Add(unbondingPeriod))
	require.NoError(t, g.k.BeginBlock(g.ctx))
	require.Equal(t, types.CONSUMER_PHASE_DELETED, g.k.MustGetConsumerPhase(g.ctx, stopped))
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

// TestSlashingGenesisRoundTrip: the slash meter and its replenish time, the
// punishment record, pending slash acks and queued infraction parameters
// survive export and import, and keep working after it.
func TestSlashingGenesisRoundTrip(t *testing.T) {
	f, id, _ := launchedConsumer(t, 30, 20, 10)
	f.nextBlock()
	require.NoError(t, f.k.BeginBlock(f.ctx))
	f.recvSlash(downtime(f.validators[0].consAddr, 30, 0))
	f.updateInfraction(id, downtimeParams(time.Hour))

	exported, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	require.Equal(t, "-27", exported.SlashMeter)
	require.Equal(t, f.ctx.BlockTime().Add(types.DefaultSlashMeterReplenishPeriod), exported.SlashMeterReplenishTimeCandidate)
	require.Len(t, exported.Punishments, 1)
	cs := exported.ConsumerStates[0]
	require.Equal(t, []string{f.k.SlashAckAddrForTest(f.validators[0].consAddr)}, cs.SlashDowntimeAck)
	require.NotNil(t, cs.QueuedInfractionParameters)
	require.Equal(t, f.ctx.BlockTime().Add(unbondingPeriod), cs.QueuedInfractionParameters.ApplyTime)

	g := newFixture(t, 30, 20, 10)
	g.mockPunishments()
	g.ctx = g.ctx.WithBlockHeight(f.ctx.BlockHeight()).WithBlockTime(f.ctx.BlockTime())
	g.k.InitGenesis(g.ctx, exported)
	reexported, err := g.k.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, exported, reexported)

	// The imported state works: the meter bounces, the next punishment
	// continues the record, the queued change applies on time and the acks
	// go out with the next VSC packet.
	require.Equal(t, -27, int(g.meter()))
	ack := g.recvSlash(downtime(g.validators[1].consAddr, 20, 0))
	require.Equal(t, []byte{3}, ack.GetResult())
	require.NoError(t, g.k.SlashMeter.Set(g.ctx, math.ZeroInt()))
	g.recvSlash(downtime(g.validators[1].consAddr, 20, 0))
	rec, err := g.k.Punishments.Get(g.ctx, 2)
	require.NoError(t, err)
	require.Equal(t, g.validators[1].consAddr.String(), rec.ProviderAddress)

	g.ctx = g.ctx.WithBlockTime(cs.QueuedInfractionParameters.ApplyTime)
	require.NoError(t, g.k.BeginBlock(g.ctx))
	require.Equal(t, time.Hour, g.infraction(id).Downtime.JailDuration)

	g.ctx = g.ctx.WithBlockHeight(10)
	_, err = g.k.EndBlock(g.ctx)
	require.NoError(t, err)
	require.Len(t, g.channels.sent, 1)
	require.Len(t, decodeVSC(t, g.channels.sent[0].data).SlashAcks, 2)
}

func TestSlashingGenesisValidate(t *testing.T) {
	launched := func(gs *types.GenesisState) *types.ConsumerState {
		gs.ConsumerStates = []types.ConsumerState{{ChainId: "0", Phase: types.CONSUMER_PHASE_LAUNCHED, ClientId: "07-tendermint-0"}}
		return &gs.ConsumerStates[0]
	}
	tests := []struct {
		name     string
		malleate func(*types.GenesisState)
		valid    bool
	}{
		{"negative meter", func(gs *types.GenesisState) { gs.SlashMeter = "-12" }, true},
		{"meter not an integer", func(gs *types.GenesisState) { gs.SlashMeter = "1.5" }, false},
		{"punishment without sequence", func(gs *types.GenesisState) { gs.Punishments = make([]exttypes.Punishment, 1) }, false},
		{"punishment sequence twice", func(gs *types.GenesisState) {
			gs.Punishments = []exttypes.Punishment{{Sequence: 1}, {Sequence: 1}}
		}, false},
		{"queued parameters", func(gs *types.GenesisState) {
			launched(gs).QueuedInfractionParameters = &types.QueuedInfractionParameters{Parameters: downtimeParams(time.Hour)}
		}, true},
		{"queued without parameters", func(gs *types.GenesisState) {
			launched(gs).QueuedInfractionParameters = &types.QueuedInfractionParameters{}
		}, false},
		{"queued invalid parameters", func(gs *types.GenesisState) {
			p := downtimeParams(-time.Hour)
			launched(gs).QueuedInfractionParameters = &types.QueuedInfractionParameters{Parameters: p}
		}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gs := types.DefaultGenesisState()
			tc.malleate(gs)
			if tc.valid {
				require.NoError(t, gs.Validate())
			} else {
				require.Error(t, gs.Validate())
			}
		})
	}
}
