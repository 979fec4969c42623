package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	connectiontypes "github.com/cosmos/ibc-go/v11/modules/core/03-connection/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	commitmenttypes "github.com/cosmos/ibc-go/v11/modules/core/23-commitment/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/keeper"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

func TestQueryParams(t *testing.T) {
	f := startedFixture(t, testutil.Validator(1, 10))
	res, err := keeper.NewQuerier(f.Keeper).QueryParams(f.Ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.True(t, res.Params.Enabled)
	require.Equal(t, withNilDenoms(testutil.NewChainGenesis().Params), withNilDenoms(res.Params))
}

func TestQueryProviderInfo(t *testing.T) {
	f := startedFixture(t, testutil.Validator(1, 10))
	q := keeper.NewQuerier(f.Keeper)

	_, err := q.QueryProviderInfo(f.Ctx, &types.QueryProviderInfoRequest{})
	require.ErrorIs(t, err, types.ErrChannelNotEstablished)

	require.NoError(t, f.Keeper.ProviderChannelID.Set(f.Ctx, testutil.ChannelID))
	f.ChannelKeeper.EXPECT().GetChannel(gomock.Any(), ccvtypes.ConsumerPortID, testutil.ChannelID).Return(channeltypes.Channel{
		State:          channeltypes.OPEN,
		ConnectionHops: []string{testutil.ConnectionID},
		Counterparty:   channeltypes.NewCounterparty(ccvtypes.ProviderPortID, testutil.ProviderChannelID),
	}, true)
	f.ConnectionKeeper.EXPECT().GetConnection(gomock.Any(), testutil.ConnectionID).Return(connectiontypes.ConnectionEnd{
		ClientId:     testutil.ProviderClientID,
		Counterparty: connectiontypes.NewCounterparty("07-tendermint-3", "connection-4", commitmenttypes.NewMerklePrefix([]byte("ibc"))),
	}, true)
	f.ClientKeeper.EXPECT().GetClientState(gomock.Any(), testutil.ProviderClientID).Return(testutil.ProviderClientState(), true)

	res, err := q.QueryProviderInfo(f.Ctx, &types.QueryProviderInfoRequest{})
	require.NoError(t, err)
	require.Equal(t, types.ChainInfo{
		ChainID: testutil.ConsumerChainID, ClientID: testutil.ProviderClientID,
		ConnectionID: testutil.ConnectionID, ChannelID: testutil.ChannelID,
	}, res.Consumer)
	require.Equal(t, types.ChainInfo{
		ChainID: testutil.ProviderChainID, ClientID: "07-tendermint-3",
		ConnectionID: "connection-4", ChannelID: testutil.ProviderChannelID,
	}, res.Provider)
}
