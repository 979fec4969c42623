package consumer_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	connectiontypes "github.com/cosmos/ibc-go/v11/modules/core/03-connection/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"
	"github.com/cosmos/ibc-go/v11/modules/core/exported"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

// started returns a fixture after a new-chain genesis, and its IBC module.
func started(t *testing.T) (*testutil.Fixture, consumer.IBCModule) {
	t.Helper()
	f := testutil.NewFixture(t)
	f.ClientKeeper.EXPECT().CreateClient(gomock.Any(), exported.Tendermint, gomock.Any(), gomock.Any()).
		Return(testutil.ProviderClientID, nil)
	_, err := f.Keeper.InitGenesis(f.Ctx, testutil.NewChainGenesis(testutil.Validator(1, 10)))
	require.NoError(t, err)
	return f, consumer.NewIBCModule(f.Keeper)
}

func TestOnChanOpenInit(t *testing.T) {
	type args struct {
		order        channeltypes.Order
		hops         []string
		port         string
		counterparty channeltypes.Counterparty
		version      string
	}
	onProviderClient := func(f *testutil.Fixture) {
		f.ConnectionKeeper.EXPECT().GetConnection(gomock.Any(), testutil.ConnectionID).
			Return(connectiontypes.ConnectionEnd{ClientId: testutil.ProviderClientID}, true)
	}
	cases := []struct {
		name     string
		malleate func(f *testutil.Fixture, a *args)
		wantErr  error
	}{
		{"valid", func(f *testutil.Fixture, _ *args) { onProviderClient(f) }, nil},
		{"empty version becomes 1", func(f *testutil.Fixture, a *args) { onProviderClient(f); a.version = "" }, nil},
		{"channel already established", func(f *testutil.Fixture, _ *args) {
			require.NoError(t, f.Keeper.ProviderChannelID.Set(f.Ctx, testutil.OtherChannelID))
		}, ccvtypes.ErrDuplicateChannel},
		{"unordered", func(_ *testutil.Fixture, a *args) { a.order = channeltypes.UNORDERED }, channeltypes.ErrInvalidChannelOrdering},
		{"wrong port", func(_ *testutil.Fixture, a *args) { a.port = "transfer" }, porttypes.ErrInvalidPort},
		{"wrong counterparty port", func(_ *testutil.Fixture, a *args) {
			a.counterparty.PortId = ccvtypes.ConsumerPortID
		}, porttypes.ErrInvalidPort},
		{"wrong version", func(_ *testutil.Fixture, a *args) { a.version = "ccv-1" }, ccvtypes.ErrInvalidVersion},
		{"no connection hop", func(_ *testutil.Fixture, a *args) { a.hops = nil }, types.ErrInvalidConnectionHops},
		{"two connection hops", func(_ *testutil.Fixture, a *args) {
			a.hops = []string{testutil.ConnectionID, "connection-1"}
		}, types.ErrInvalidConnectionHops},
		{"connection not found", func(f *testutil.Fixture, _ *args) {
			f.ConnectionKeeper.EXPECT().GetConnection(gomock.Any(), testutil.ConnectionID).Return(connectiontypes.ConnectionEnd{}, false)
		}, ccvtypes.ErrConnectionNotFound},
		{"connection on another client", func(f *testutil.Fixture, _ *args) {
			f.ConnectionKeeper.EXPECT().GetConnection(gomock.Any(), testutil.ConnectionID).
				Return(connectiontypes.ConnectionEnd{ClientId: "07-tendermint-9"}, true)
		}, types.ErrInvalidProviderClient},
		{"provider client not set", func(f *testutil.Fixture, _ *args) {
			onProviderClient(f)
			require.NoError(t, f.Keeper.ProviderClientID.Remove(f.Ctx))
		}, types.ErrProviderClientNotSet},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, im := started(t)
			a := args{
				order:        channeltypes.ORDERED,
				hops:         []string{testutil.ConnectionID},
				port:         ccvtypes.ConsumerPortID,
				counterparty: channeltypes.NewCounterparty(ccvtypes.ProviderPortID, ""),
				version:      ccvtypes.Version,
			}
			tc.malleate(f, &a)
			version, err := im.OnChanOpenInit(f.Ctx, a.order, a.hops, a.port, testutil.ChannelID, a.counterparty, a.version)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, ccvtypes.Version, version)
		})
	}
}

func TestOnChanOpenAck(t *testing.T) {
	const pool = "cosmos1ap0mh6xzfn8943urr84q6ae7zfnar48am2erhd"
	encode := func(md ccvtypes.HandshakeMetadata) string {
		v, err := md.Encode()
		require.NoError(t, err)
		return v
	}
	cases := []struct {
		name     string
		malleate func(f *testutil.Fixture)
		version  string
		wantErr  error
	}{
		{"valid metadata", func(f *testutil.Fixture) {
			// An existing distribution channel: nothing to open
			// (keeper/distribution_channel_test.go covers the opening).
			params, err := f.Keeper.GetConsumerParams(f.Ctx)
			require.NoError(t, err)
			params.DistributionTransmissionChannel = testutil.OtherChannelID
			require.NoError(t, f.Keeper.Params.Set(f.Ctx, params))
			f.ChannelKeeper.EXPECT().GetChannel(gomock.Any(), "transfer", testutil.OtherChannelID).
				Return(channeltypes.Channel{State: channeltypes.OPEN}, true)
		}, encode(ccvtypes.NewHandshakeMetadata(pool)), nil},
		{"channel already established", func(f *testutil.Fixture) {
			require.NoError(t, f.Keeper.ProviderChannelID.Set(f.Ctx, testutil.OtherChannelID))
		}, encode(ccvtypes.NewHandshakeMetadata(pool)), ccvtypes.ErrDuplicateChannel},
		{"undecodable metadata", nil, "\xff\xff not proto", ccvtypes.ErrInvalidHandshakeMetadata},
		{"wrong CCV version", nil, encode(ccvtypes.HandshakeMetadata{ProviderFeePoolAddr: pool, Version: "2"}), ccvtypes.ErrInvalidVersion},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, im := started(t)
			if tc.malleate != nil {
				tc.malleate(f)
			}
			err := im.OnChanOpenAck(f.Ctx, ccvtypes.ConsumerPortID, testutil.ChannelID, testutil.ProviderChannelID, tc.version)
			params, getErr := f.Keeper.GetConsumerParams(f.Ctx)
			require.NoError(t, getErr)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				require.Empty(t, params.ProviderFeePoolAddrStr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, pool, params.ProviderFeePoolAddrStr)
			established, err := f.Keeper.IsChannelEstablished(f.Ctx)
			require.NoError(t, err)
			require.False(t, established, "the first VSC packet, not the ack, establishes the channel")
		})
	}
}

func TestHandshakeStepsOfTheProviderAreRefused(t *testing.T) {
	f, im := started(t)
	_, err := im.OnChanOpenTry(f.Ctx, channeltypes.ORDERED, []string{testutil.ConnectionID}, ccvtypes.ConsumerPortID,
		testutil.ChannelID, channeltypes.NewCounterparty(ccvtypes.ProviderPortID, testutil.ProviderChannelID), ccvtypes.Version)
	require.ErrorIs(t, err, ccvtypes.ErrInvalidChannelFlow)
	require.ErrorIs(t, im.OnChanOpenConfirm(f.Ctx, ccvtypes.ConsumerPortID, testutil.ChannelID), ccvtypes.ErrInvalidChannelFlow)
	require.NoError(t, im.OnChanCloseConfirm(f.Ctx, ccvtypes.ConsumerPortID, testutil.ChannelID))
}

func TestOnChanCloseInit(t *testing.T) {
	f, im := started(t)
	require.ErrorIs(t, im.OnChanCloseInit(f.Ctx, ccvtypes.ConsumerPortID, testutil.ChannelID), types.ErrChannelCloseNotPermitted,
		"no channel is established yet: nothing is a duplicate")

	require.NoError(t, f.Keeper.ProviderChannelID.Set(f.Ctx, testutil.ChannelID))
	require.ErrorIs(t, im.OnChanCloseInit(f.Ctx, ccvtypes.ConsumerPortID, testutil.ChannelID), types.ErrChannelCloseNotPermitted)
	require.NoError(t, im.OnChanCloseInit(f.Ctx, ccvtypes.ConsumerPortID, testutil.OtherChannelID), "a duplicate channel may close")
}
