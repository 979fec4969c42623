package keeper_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	connectiontypes "github.com/cosmos/ibc-go/v11/modules/core/03-connection/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	"github.com/cosmos/ibc-go/v11/modules/core/exported"

	abci "github.com/cometbft/cometbft/abci/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

func TestInitGenesisNewChainCreatesProviderClient(t *testing.T) {
	f := testutil.NewFixture(t)
	valset := []abci.ValidatorUpdate{testutil.Validator(1, 10), testutil.Validator(2, 20)}
	gs := testutil.NewChainGenesis(valset...)
	wantClient, err := gs.Provider.ClientState.Marshal()
	require.NoError(t, err)
	wantConsensus, err := gs.Provider.ConsensusState.Marshal()
	require.NoError(t, err)
	f.ClientKeeper.EXPECT().CreateClient(gomock.Any(), exported.Tendermint, wantClient, wantConsensus).
		Return(testutil.ProviderClientID, nil)

	updates, err := f.Keeper.InitGenesis(f.Ctx, gs)
	require.NoError(t, err)
	require.Equal(t, valset, updates)

	clientID, err := f.Keeper.ProviderClientID.Get(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, testutil.ProviderClientID, clientID)
	vscID, err := f.Keeper.HeightToValsetUpdateID.Get(f.Ctx, testutil.GenesisHeight)
	require.NoError(t, err)
	require.Zero(t, vscID)
	require.Len(t, validatorSet(t, f), 2)
	established, err := f.Keeper.IsChannelEstablished(f.Ctx)
	require.NoError(t, err)
	require.False(t, established)
}

func TestInitGenesisRefusals(t *testing.T) {
	cases := []struct {
		name     string
		malleate func(f *testutil.Fixture, gs *types.GenesisState)
		wantErr  error
	}{
		{
			name: "client creation fails",
			malleate: func(f *testutil.Fixture, _ *types.GenesisState) {
				f.ClientKeeper.EXPECT().CreateClient(gomock.Any(), gomock.Any(), gomock.Any(), gomock.Any()).
					Return("", errors.New("boom"))
			},
			wantErr: errors.New("boom"),
		},
		{
			name: "connection to reuse does not exist",
			malleate: func(f *testutil.Fixture, gs *types.GenesisState) {
				gs.ConnectionId = testutil.ConnectionID
				gs.Provider.ClientState, gs.Provider.ConsensusState = nil, nil
				f.ConnectionKeeper.EXPECT().GetConnection(gomock.Any(), testutil.ConnectionID).
					Return(connectiontypes.ConnectionEnd{}, false)
			},
			wantErr: ccvtypes.ErrConnectionNotFound,
		},
		{
			name:     "invalid genesis",
			malleate: func(_ *testutil.Fixture, gs *types.GenesisState) { gs.Provider.InitialValSet = nil },
			wantErr:  ccvtypes.ErrInvalidGenesis,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := testutil.NewFixture(t)
			gs := testutil.NewChainGenesis(testutil.Validator(1, 10))
			tc.malleate(f, gs)
			_, err := f.Keeper.InitGenesis(f.Ctx, gs)
			require.ErrorContains(t, err, tc.wantErr.Error())
		})
	}
}

func TestInitGenesisReusedConnectionOpensChannel(t *testing.T) {
	f := testutil.NewFixture(t)
	gs := testutil.NewChainGenesis(testutil.Validator(1, 10))
	gs.ConnectionId = testutil.ConnectionID
	gs.Provider.ClientState, gs.Provider.ConsensusState = nil, nil
	f.ConnectionKeeper.EXPECT().GetConnection(gomock.Any(), testutil.ConnectionID).
		Return(connectiontypes.ConnectionEnd{ClientId: "07-tendermint-5"}, true)
	f.ChannelOpenInitiator.EXPECT().ChannelOpenInit(gomock.Any(), gomock.Any()).DoAndReturn(
		func(_ any, msg *channeltypes.MsgChannelOpenInit) (*channeltypes.MsgChannelOpenInitResponse, error) {
			require.Equal(t, ccvtypes.ConsumerPortID, msg.PortId)
			require.Equal(t, ccvtypes.Version, msg.Channel.Version)
			require.Equal(t, channeltypes.ORDERED, msg.Channel.Ordering)
			require.Equal(t, []string{testutil.ConnectionID}, msg.Channel.ConnectionHops)
			require.Equal(t, ccvtypes.ProviderPortID, msg.Channel.Counterparty.PortId)
			return &channeltypes.MsgChannelOpenInitResponse{ChannelId: testutil.ChannelID}, nil
		})

	updates, err := f.Keeper.InitGenesis(f.Ctx, gs)
	require.NoError(t, err)
	require.Len(t, updates, 1)
	clientID, err := f.Keeper.ProviderClientID.Get(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, "07-tendermint-5", clientID)
}

func TestInitGenesisDisabledDoesNothing(t *testing.T) {
	f := testutil.NewFixture(t)
	updates, err := f.Keeper.InitGenesis(f.Ctx, types.DefaultGenesisState())
	require.NoError(t, err)
	require.Empty(t, updates)
	has, err := f.Keeper.ProviderClientID.Has(f.Ctx)
	require.NoError(t, err)
	require.False(t, has)
}

// TestGenesisRoundTrip proves export -> import -> export is lossless for a
// running consumer and for one waiting for its changeover.
func TestGenesisRoundTrip(t *testing.T) {
	cases := []struct {
		name  string
		build func(t *testing.T) *testutil.Fixture
	}{
		{"running consumer", runningConsumer},
		{"changeover pending", changeoverConsumer},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.build(t)
			first, err := src.Keeper.ExportGenesis(src.Ctx)
			require.NoError(t, err)
			require.NoError(t, first.Validate())

			dst := testutil.NewFixture(t)
			updates, err := dst.Keeper.InitGenesis(dst.Ctx, first)
			require.NoError(t, err)
			if first.PreCCV {
				require.Empty(t, updates)
			} else {
				require.Equal(t, first.Provider.InitialValSet, updates)
			}
			second, err := dst.Keeper.ExportGenesis(dst.Ctx)
			require.NoError(t, err)
			require.Equal(t, first, second)
			require.Equal(t, string(src.Codec.MustMarshalJSON(first)), string(dst.Codec.MustMarshalJSON(second)))
		})
	}
}

// runningConsumer has an established channel, a changed validator set and
// some of every piece of state the genesis carries.
func runningConsumer(t *testing.T) *testutil.Fixture {
	t.Helper()
	f := startedFixture(t, testutil.Validator(1, 10), testutil.Validator(2, 20))
	packet, data := vscPacket(testutil.ChannelID, 4, []abci.ValidatorUpdate{testutil.Validator(3, 30), testutil.Validator(1, 0)})
	require.NoError(t, f.Keeper.OnRecvVSCPacket(f.Ctx, packet, data))
	_, err := f.Keeper.EndBlock(f.Ctx)
	require.NoError(t, err)

	f.ChannelKeeper.EXPECT().GetChannel(gomock.Any(), ccvtypes.ConsumerPortID, testutil.ChannelID).
		Return(channeltypes.Channel{State: channeltypes.OPEN}, true).AnyTimes()
	f.Ctx = f.Ctx.WithBlockHeight(testutil.GenesisHeight + 1)
	require.NoError(t, f.Keeper.BeginBlock(f.Ctx))

	require.NoError(t, f.Keeper.OutstandingDowntime.Set(f.Ctx, testutil.ConsAddress(2)))
	slash := ccvtypes.NewSlashPacket(ccvtypes.NewSlashPacketData(
		abci.Validator{Address: testutil.ConsAddress(2), Power: 20}, 4, stakingtypes.Infraction_INFRACTION_DOWNTIME))
	require.NoError(t, f.Keeper.AppendPendingPacket(f.Ctx, slash))
	require.NoError(t, f.Keeper.LastTransmissionBlockHeight.Set(f.Ctx, 5))
	return f
}

// changeoverConsumer is a standalone chain that reuses a connection and has
// not switched to the provider's validator set yet.
func changeoverConsumer(t *testing.T) *testutil.Fixture {
	t.Helper()
	f := testutil.NewFixture(t)
	gs := testutil.NewChainGenesis(testutil.Validator(1, 10), testutil.Validator(2, 20))
	gs.PreCCV = true
	gs.ConnectionId = testutil.ConnectionID
	gs.Provider.ClientState, gs.Provider.ConsensusState = nil, nil
	f.ConnectionKeeper.EXPECT().GetConnection(gomock.Any(), testutil.ConnectionID).
		Return(connectiontypes.ConnectionEnd{ClientId: testutil.ProviderClientID}, true)
	f.ChannelOpenInitiator.EXPECT().ChannelOpenInit(gomock.Any(), gomock.Any()).
		Return(&channeltypes.MsgChannelOpenInitResponse{ChannelId: testutil.ChannelID}, nil)
	updates, err := f.Keeper.InitGenesis(f.Ctx, gs)
	require.NoError(t, err)
	require.Empty(t, updates, "a changeover chain keeps its standalone set at genesis")
	return f
}
