package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/rampart-ics/rampart/x/provider/types"
)

func TestCreateConsumer(t *testing.T) {
	tests := []struct {
		name      string
		spawnTime time.Time
		wantPhase types.ConsumerPhase
		queued    bool
	}{
		{"without spawn time stays registered", time.Time{}, types.CONSUMER_PHASE_REGISTERED, false},
		{"with spawn time is initialized and queued", genesisTime.Add(time.Hour), types.CONSUMER_PHASE_INITIALIZED, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, 100)
			id := f.createConsumer(tc.spawnTime)
			require.Equal(t, "0", id, "the first consumer id is 0")
			require.Equal(t, tc.wantPhase, f.k.MustGetConsumerPhase(f.ctx, id))

			owner, err := f.k.ConsumerOwner.Get(f.ctx, id)
			require.NoError(t, err)
			require.Equal(t, ownerAddr, owner)
			queued, err := f.k.SpawnTimeQueue.Has(f.ctx, collections.Join(tc.spawnTime, id))
			require.NoError(t, err)
			require.Equal(t, tc.queued, queued)

			infraction, err := f.k.ConsumerInfractionParams.Get(f.ctx, id)
			require.NoError(t, err)
			require.Equal(t, "0.050000000000000000", infraction.DoubleSign.SlashFraction.String(), "defaults come from x/slashing")
			require.True(t, infraction.DoubleSign.Tombstone)
			require.Equal(t, 10*time.Minute, infraction.Downtime.JailDuration)

			require.Equal(t, "1", f.createConsumer(time.Time{}), "ids increase")
		})
	}
}

func TestCreateConsumerValidateBasic(t *testing.T) {
	valid := func() *types.MsgCreateConsumer {
		return &types.MsgCreateConsumer{Submitter: ownerAddr, ChainId: "c-1", Metadata: validMetadata()}
	}
	tests := []struct {
		name     string
		malleate func(*types.MsgCreateConsumer)
		wantErr  error
	}{
		{"valid", func(*types.MsgCreateConsumer) {}, nil},
		{"blank chain id", func(m *types.MsgCreateConsumer) { m.ChainId = " " }, types.ErrInvalidChainID},
		{"reserved chain id", func(m *types.MsgCreateConsumer) { m.ChainId = "stride-1" }, types.ErrInvalidChainID},
		{"chain id too long", func(m *types.MsgCreateConsumer) { m.ChainId = string(make([]byte, 51)) }, types.ErrInvalidChainID},
		{"blank name", func(m *types.MsgCreateConsumer) { m.Metadata.Name = "" }, types.ErrInvalidMetadata},
		{"metadata too long", func(m *types.MsgCreateConsumer) { m.Metadata.Metadata = string(make([]byte, 256)) }, types.ErrInvalidMetadata},
		{"top N at creation", func(m *types.MsgCreateConsumer) {
			m.PowerShapingParameters = &types.PowerShapingParameters{Top_N: 60}
		}, types.ErrInvalidTopN},
		{"power cap over 100", func(m *types.MsgCreateConsumer) {
			m.PowerShapingParameters = &types.PowerShapingParameters{ValidatorsPowerCap: 101}
		}, types.ErrInvalidPowerShaping},
		{"zero initial height", func(m *types.MsgCreateConsumer) {
			p := types.DefaultConsumerInitializationParameters()
			p.InitialHeight.RevisionHeight, p.InitialHeight.RevisionNumber = 0, 0
			m.InitializationParameters = &p
		}, types.ErrInvalidInitParams},
		{"redistribution fraction over 1", func(m *types.MsgCreateConsumer) {
			p := types.DefaultConsumerInitializationParameters()
			p.ConsumerRedistributionFraction = "1.5"
			m.InitializationParameters = &p
		}, types.ErrInvalidInitParams},
		{"four reward denoms", func(m *types.MsgCreateConsumer) {
			m.AllowlistedRewardDenoms = &types.AllowlistedRewardDenoms{Denoms: []string{"a1", "b1", "c1", "d1"}}
		}, types.ErrInvalidRewardDenoms},
		{"bad ibc denom", func(m *types.MsgCreateConsumer) {
			m.AllowlistedRewardDenoms = &types.AllowlistedRewardDenoms{Denoms: []string{"ibc/XYZ"}}
		}, types.ErrInvalidRewardDenoms},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.malleate(msg)
			err := msg.ValidateBasic()
			if tc.wantErr == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.wantErr)
		})
	}
}

func TestUpdateConsumer(t *testing.T) {
	spawn := genesisTime.Add(time.Hour)
	tests := []struct {
		name      string
		launched  bool
		msg       func(id string) *types.MsgUpdateConsumer
		wantErr   error
		wantPhase types.ConsumerPhase
	}{
		{
			name: "a non-owner is refused",
			msg: func(id string) *types.MsgUpdateConsumer {
				return &types.MsgUpdateConsumer{Owner: otherAddr, ConsumerId: id}
			},
			wantErr: types.ErrUnauthorized,
		},
		{
			name: "unknown consumer",
			msg: func(string) *types.MsgUpdateConsumer {
				return &types.MsgUpdateConsumer{Owner: ownerAddr, ConsumerId: "99"}
			},
			wantErr: types.ErrUnknownConsumerID,
		},
		{
			name: "a zero spawn time returns to registered",
			msg: func(id string) *types.MsgUpdateConsumer {
				p := types.DefaultConsumerInitializationParameters()
				return &types.MsgUpdateConsumer{Owner: ownerAddr, ConsumerId: id, InitializationParameters: &p}
			},
			wantPhase: types.CONSUMER_PHASE_REGISTERED,
		},
		{
			name: "the chain id cannot change after launch",
			msg: func(id string) *types.MsgUpdateConsumer {
				return &types.MsgUpdateConsumer{Owner: ownerAddr, ConsumerId: id, NewChainId: "other-1"}
			},
			launched: true,
			wantErr:  types.ErrInvalidPhase,
		},
		{
			name: "a top N chain must be owned by governance",
			msg: func(id string) *types.MsgUpdateConsumer {
				return &types.MsgUpdateConsumer{Owner: ownerAddr, ConsumerId: id, PowerShapingParameters: &types.PowerShapingParameters{Top_N: 80}}
			},
			wantErr: types.ErrInvalidTopN,
		},
		{
			// Otherwise any owner could oblige the validators to secure its
			// chain by handing it to governance in the same message.
			name: "handing the chain to governance and making it top N in one message is refused",
			msg: func(id string) *types.MsgUpdateConsumer {
				return &types.MsgUpdateConsumer{Owner: ownerAddr, ConsumerId: id, NewOwnerAddress: govAddr, PowerShapingParameters: &types.PowerShapingParameters{Top_N: 80}}
			},
			wantErr: types.ErrInvalidTopN,
		},
		{
			name: "handing the chain to governance is allowed",
			msg: func(id string) *types.MsgUpdateConsumer {
				return &types.MsgUpdateConsumer{Owner: ownerAddr, ConsumerId: id, NewOwnerAddress: govAddr}
			},
			wantPhase: types.CONSUMER_PHASE_INITIALIZED,
		},
		{
			name: "a power-shaping list entry must be a consensus address",
			msg: func(id string) *types.MsgUpdateConsumer {
				return &types.MsgUpdateConsumer{Owner: ownerAddr, ConsumerId: id, PowerShapingParameters: &types.PowerShapingParameters{Denylist: []string{ownerAddr}}}
			},
			wantErr: types.ErrInvalidPowerShaping,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, 100)
			id := f.createConsumer(spawn)
			if tc.launched {
				f.launch(id)
			}
			msg := tc.msg(id)
			_, err := f.msgServer().UpdateConsumer(f.ctx, msg)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.wantPhase, f.k.MustGetConsumerPhase(f.ctx, id))
			queued, err := f.k.SpawnTimeQueue.Has(f.ctx, collections.Join(spawn, id))
			require.NoError(t, err)
			require.Equal(t, tc.wantPhase == types.CONSUMER_PHASE_INITIALIZED, queued, "the launch queue follows the spawn time")
		})
	}
}

func TestUpdateConsumerKeepsWhatIsLeftOut(t *testing.T) {
	f := newFixture(t, 100)
	id := f.createConsumer(time.Time{})
	newMeta := types.ConsumerMetadata{Name: "renamed", Description: "d", Metadata: "m"}
	_, err := f.msgServer().UpdateConsumer(f.ctx, &types.MsgUpdateConsumer{Owner: ownerAddr, ConsumerId: id, Metadata: &newMeta})
	require.NoError(t, err)

	meta, err := f.k.ConsumerMetadata.Get(f.ctx, id)
	require.NoError(t, err)
	require.Equal(t, newMeta, meta)
	chainID, err := f.k.GetConsumerChainID(f.ctx, id)
	require.NoError(t, err)
	require.Equal(t, "consumer-1", chainID)
	owner, err := f.k.ConsumerOwner.Get(f.ctx, id)
	require.NoError(t, err)
	require.Equal(t, ownerAddr, owner)
}

func TestRemoveConsumer(t *testing.T) {
	f := newFixture(t, 100)
	id := f.createConsumer(genesisTime)

	_, err := f.msgServer().RemoveConsumer(f.ctx, &types.MsgRemoveConsumer{ConsumerId: id, Owner: ownerAddr})
	require.ErrorIs(t, err, types.ErrInvalidPhase, "only launched consumers can be removed")

	f.launch(id)
	_, err = f.msgServer().RemoveConsumer(f.ctx, &types.MsgRemoveConsumer{ConsumerId: id, Owner: otherAddr})
	require.ErrorIs(t, err, types.ErrUnauthorized)

	_, err = f.msgServer().RemoveConsumer(f.ctx, &types.MsgRemoveConsumer{ConsumerId: id, Owner: ownerAddr})
	require.NoError(t, err)
	require.Equal(t, types.CONSUMER_PHASE_STOPPED, f.k.MustGetConsumerPhase(f.ctx, id))

	removal := f.ctx.BlockTime().Add(unbondingPeriod)
	// Nothing happens before the removal time...
	f.ctx = f.ctx.WithBlockTime(removal.Add(-time.Second))
	require.NoError(t, f.k.BeginBlock(f.ctx))
	require.Equal(t, types.CONSUMER_PHASE_STOPPED, f.k.MustGetConsumerPhase(f.ctx, id))
	// ...and at it the consumer is deleted, keeping what explorers show.
	f.ctx = f.ctx.WithBlockTime(removal)
	require.NoError(t, f.k.BeginBlock(f.ctx))
	require.Equal(t, types.CONSUMER_PHASE_DELETED, f.k.MustGetConsumerPhase(f.ctx, id))
	has, err := f.k.ConsumerGenesis.Has(f.ctx, id)
	require.NoError(t, err)
	require.False(t, has)
	chainID, err := f.k.GetConsumerChainID(f.ctx, id)
	require.NoError(t, err)
	require.Equal(t, "consumer-1", chainID)
}

func TestInitialHeightMustMatchChainIDRevision(t *testing.T) {
	f := newFixture(t, 100)
	init := types.DefaultConsumerInitializationParameters() // revision 1
	msg := &types.MsgCreateConsumer{Submitter: ownerAddr, ChainId: "norevision", Metadata: validMetadata(), InitializationParameters: &init}
	_, err := f.msgServer().CreateConsumer(f.ctx, msg)
	require.ErrorIs(t, err, types.ErrInvalidInitParams)

	// Left to the defaults, the initial height takes the chain id's revision.
	msg.InitializationParameters = nil
	res, err := f.msgServer().CreateConsumer(f.ctx, msg)
	require.NoError(t, err)
	got, err := f.k.ConsumerInitParams.Get(f.ctx, res.ConsumerId)
	require.NoError(t, err)
	require.Equal(t, uint64(0), got.InitialHeight.RevisionNumber)
}
