package keeper_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	conntypes "github.com/cosmos/ibc-go/v11/modules/core/03-connection/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/types"
)

const (
	consumerChannel = "channel-7"
	connectionID    = "connection-3"
)

// establish launches the consumer and completes its channel handshake.
func (f *fixture) establish(id string) {
	f.t.Helper()
	f.launch(id)
	f.conns.EXPECT().GetConnection(gomock.Any(), connectionID).
		Return(conntypes.ConnectionEnd{ClientId: "07-tendermint-0"}, true).AnyTimes()
	f.channels.MockChannelKeeper.EXPECT().GetChannel(gomock.Any(), ccv.ProviderPortID, consumerChannel).
		Return(channeltypes.Channel{State: channeltypes.OPEN, ConnectionHops: []string{connectionID}}, true).AnyTimes()
	require.NoError(f.t, f.k.SetConsumerChain(f.ctx, consumerChannel))
}

func decodeVSC(t *testing.T, data []byte) ccv.ValidatorSetChangePacketData {
	t.Helper()
	vsc, err := ccv.UnmarshalValidatorSetChangePacketData(data)
	require.NoError(t, err)
	return vsc
}

func TestChannelEstablishmentSendsVSCAtOnce(t *testing.T) {
	f := newFixture(t, 30, 20)
	id := f.createConsumer(genesisTime)
	f.establish(id)

	require.Len(t, f.channels.sent, 1, "the consumer gets a packet at OpenConfirm")
	vsc := decodeVSC(t, f.channels.sent[0].data)
	require.Empty(t, vsc.ValidatorUpdates, "nothing changed since launch")
	require.Equal(t, uint64(1), vsc.ValsetUpdateId)
	require.Equal(t, uint64(f.ctx.BlockTime().Add(ccv.DefaultCCVTimeoutPeriod).UnixNano()), f.channels.sent[0].timeout)

	next, err := f.k.ValsetUpdateID.Get(f.ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(2), next, "ids stay unique")
	height, err := f.k.InitChainHeight.Get(f.ctx, id)
	require.NoError(t, err)
	require.Equal(t, uint64(f.ctx.BlockHeight()), height)
	has, err := f.k.PendingVSCPackets.Has(f.ctx, id)
	require.NoError(t, err)
	require.False(t, has)
}

func TestEpochQueuesOnlyChanges(t *testing.T) {
	f := newFixture(t, 30, 20)
	id := f.createConsumer(genesisTime)
	f.establish(id)
	f.channels.sent = nil

	endEpoch := func() {
		for {
			f.nextBlock()
			_, err := f.k.EndBlock(f.ctx)
			require.NoError(t, err)
			if f.k.IsEpochEnd(f.ctx) {
				return
			}
		}
	}

	endEpoch()
	require.Empty(t, f.channels.sent, "no packet when the set did not change")

	f.validators[1].power = 25 // a delegation
	added := f.addValidator(9, 5)
	require.NoError(t, f.k.SetOptedIn(f.ctx, id, added.consAddr))
	endEpoch()
	require.Len(t, f.channels.sent, 1)
	vsc := decodeVSC(t, f.channels.sent[0].data)
	require.Len(t, vsc.ValidatorUpdates, 2)
	require.Equal(t, int64(25), vsc.ValidatorUpdates[0].Power, "changed power first")
	require.Equal(t, int64(5), vsc.ValidatorUpdates[1].Power, "then the new validator")
	pk, err := added.val.CmtConsPublicKey()
	require.NoError(t, err)
	require.Equal(t, pk, vsc.ValidatorUpdates[1].PubKey)

	added.power = 0 // it unbonds
	endEpoch()
	require.Len(t, f.channels.sent, 2)
	vsc2 := decodeVSC(t, f.channels.sent[1].data)
	require.Len(t, vsc2.ValidatorUpdates, 1)
	require.Equal(t, int64(0), vsc2.ValidatorUpdates[0].Power)
	require.Greater(t, vsc2.ValsetUpdateId, vsc.ValsetUpdateId)
}

func TestVSCPacketsWaitForTheChannel(t *testing.T) {
	f := newFixture(t, 30)
	id := f.createConsumer(genesisTime)
	f.launch(id)
	f.validators[0].power = 40
	f.ctx = f.ctx.WithBlockHeight(10)
	_, err := f.k.EndBlock(f.ctx)
	require.NoError(t, err)
	require.Empty(t, f.channels.sent)
	pending, err := f.k.PendingVSCPackets.Get(f.ctx, id)
	require.NoError(t, err)
	require.Len(t, pending.List, 1, "queued until the channel exists")
}

func TestSendFailureStopsOnlyThatConsumer(t *testing.T) {
	tests := []struct {
		name        string
		sendErr     error
		wantPhase   types.ConsumerPhase
		wantPending bool
	}{
		{"expired client keeps packets queued", clienttypes.ErrClientNotActive, types.CONSUMER_PHASE_LAUNCHED, true},
		{"any other error stops the consumer", errors.New("broken"), types.CONSUMER_PHASE_STOPPED, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, 30)
			id := f.createConsumer(genesisTime)
			f.establish(id)
			f.channels.sendErr = tc.sendErr
			f.validators[0].power = 31
			f.ctx = f.ctx.WithBlockHeight(20)
			_, err := f.k.EndBlock(f.ctx)
			require.NoError(t, err, "a consumer's failure never fails the provider's block")
			require.Equal(t, tc.wantPhase, f.k.MustGetConsumerPhase(f.ctx, id))
			if tc.wantPending {
				pending, err := f.k.PendingVSCPackets.Get(f.ctx, id)
				require.NoError(t, err)
				require.Len(t, pending.List, 1)
			}
		})
	}
}

func TestOnRecvConsumerPacket(t *testing.T) {
	tests := []struct {
		name       string
		channel    string
		data       []byte
		wantResult []byte
	}{
		{"VSCMatured is acknowledged and ignored", consumerChannel, []byte(`{"type":"CONSUMER_PACKET_TYPE_VSCM","vscMaturedPacketData":{"valset_update_id":"3"}}`), ccv.V1Result},
		{"garbage gets an error ack", consumerChannel, []byte("\x00garbage"), nil},
		{"unknown field gets an error ack", consumerChannel, []byte(`{"type":"CONSUMER_PACKET_TYPE_VSCM","x":1}`), nil},
		{"invalid slash data gets an error ack", consumerChannel, []byte(`{"type":"CONSUMER_PACKET_TYPE_SLASH","slashPacketData":{"validator":{"address":"","power":"0"},"valset_update_id":"1","infraction":"INFRACTION_TYPE_DOWNTIME"}}`), nil},
		{"unknown channel gets an error ack", "channel-99", []byte(`{"type":"CONSUMER_PACKET_TYPE_VSCM","vscMaturedPacketData":{"valset_update_id":"3"}}`), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, 30)
			f.establish(f.createConsumer(genesisTime))
			packet := channeltypes.Packet{DestinationPort: ccv.ProviderPortID, DestinationChannel: tc.channel, Data: tc.data}
			var ack channeltypes.Acknowledgement
			require.NotPanics(t, func() {
				a := f.k.OnRecvConsumerPacket(f.ctx, packet)
				var ok bool
				ack, ok = a.(channeltypes.Acknowledgement)
				require.True(t, ok)
			})
			if tc.wantResult == nil {
				require.False(t, ack.Success())
				return
			}
			require.True(t, ack.Success())
			require.Equal(t, tc.wantResult, ack.GetResult())
		})
	}
}

func TestVSCFailuresStopTheConsumer(t *testing.T) {
	tests := []struct {
		name  string
		fault func(f *fixture, packet channeltypes.Packet) error
		stops bool
	}{
		{"success ack", func(f *fixture, p channeltypes.Packet) error {
			return f.k.OnAcknowledgementPacket(f.ctx, p, channeltypes.NewResultAcknowledgement(ccv.V1Result))
		}, false},
		{"error ack", func(f *fixture, p channeltypes.Packet) error {
			return f.k.OnAcknowledgementPacket(f.ctx, p, channeltypes.NewErrorAcknowledgement(errors.New("cannot apply")))
		}, true},
		{"timeout", func(f *fixture, p channeltypes.Packet) error { return f.k.OnTimeoutPacket(f.ctx, p) }, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, 30)
			id := f.createConsumer(genesisTime)
			f.establish(id)
			packet := channeltypes.Packet{SourcePort: ccv.ProviderPortID, SourceChannel: consumerChannel}
			require.NoError(t, tc.fault(f, packet))
			want := types.CONSUMER_PHASE_LAUNCHED
			if tc.stops {
				want = types.CONSUMER_PHASE_STOPPED
			}
			require.Equal(t, want, f.k.MustGetConsumerPhase(f.ctx, id))
		})
	}
}

func TestHandshakeChecks(t *testing.T) {
	good := struct {
		order        channeltypes.Order
		hops         []string
		port         string
		counterparty channeltypes.Counterparty
		version      string
	}{channeltypes.ORDERED, []string{connectionID}, ccv.ProviderPortID, channeltypes.NewCounterparty(ccv.ConsumerPortID, "channel-0"), ccv.Version}
	tests := []struct {
		name     string
		malleate func(f *fixture)
		wantErr  error
	}{
		{"valid", func(*fixture) {}, nil},
		{"unordered", func(*fixture) { good.order = channeltypes.UNORDERED }, channeltypes.ErrInvalidChannelOrdering},
		{"wrong port", func(*fixture) { good.port = "transfer" }, ccv.ErrInvalidChannelFlow},
		{"wrong counterparty port", func(*fixture) { good.counterparty.PortId = "transfer" }, ccv.ErrInvalidChannelFlow},
		{"wrong version", func(*fixture) { good.version = "2" }, ccv.ErrInvalidVersion},
		{"two hops", func(*fixture) { good.hops = []string{connectionID, connectionID} }, channeltypes.ErrTooManyConnectionHops},
		{"not a consumer client", func(f *fixture) {
			good.hops = []string{"connection-9"}
			f.conns.EXPECT().GetConnection(gomock.Any(), "connection-9").Return(conntypes.ConnectionEnd{ClientId: "07-tendermint-5"}, true)
		}, ccv.ErrInvalidConsumerClient},
		{"channel exists already", func(f *fixture) {
			f.channels.MockChannelKeeper.EXPECT().GetChannel(gomock.Any(), ccv.ProviderPortID, consumerChannel).
				Return(channeltypes.Channel{State: channeltypes.OPEN, ConnectionHops: []string{connectionID}}, true)
			require.NoError(t, f.k.SetConsumerChain(f.ctx, consumerChannel))
		}, ccv.ErrDuplicateChannel},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			saved := good
			defer func() { good = saved }()
			f := newFixture(t, 30)
			f.launch(f.createConsumer(genesisTime))
			f.conns.EXPECT().GetConnection(gomock.Any(), connectionID).Return(conntypes.ConnectionEnd{ClientId: "07-tendermint-0"}, true).AnyTimes()
			f.accounts.EXPECT().GetModuleAccount(gomock.Any(), ccv.ConsumerRewardsPool).
				Return(authtypes.NewEmptyModuleAccount(ccv.ConsumerRewardsPool)).AnyTimes()
			tc.malleate(f)
			version, err := f.k.VerifyChanOpenTry(f.ctx, good.order, good.hops, good.port, good.counterparty, good.version)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			md, err := ccv.ParseHandshakeMetadata(version)
			require.NoError(t, err)
			require.Equal(t, authtypes.NewModuleAddress(ccv.ConsumerRewardsPool).String(), md.ProviderFeePoolAddr)
		})
	}
}

var (
	gomockAny        = gomock.Any()
	errClientExpired = clienttypes.ErrClientNotActive
)
