package keeper_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/bech32"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/keeper"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

func TestFirstVSCEstablishesChannel(t *testing.T) {
	f := startedFixture(t, testutil.Validator(1, 10))
	packet, data := vscPacket(testutil.ChannelID, 1, []abci.ValidatorUpdate{testutil.Validator(2, 20)})
	require.NoError(t, f.Keeper.OnRecvVSCPacket(f.Ctx, packet, data))

	channelID, err := f.Keeper.ProviderChannelID.Get(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, testutil.ChannelID, channelID)
	require.True(t, hasEvent(f.Ctx, keeper.EventTypeChannelEstablished, map[string]string{
		"module": types.ModuleName, "channel_id": testutil.ChannelID, "port_id": ccvtypes.ConsumerPortID,
	}))
	vscID, err := f.Keeper.HeightToValsetUpdateID.Get(f.Ctx, testutil.GenesisHeight+1)
	require.NoError(t, err)
	require.Equal(t, uint64(1), vscID, "the next block runs under the new valset update id")

	// A second packet on the same channel is accepted and does not emit
	// channel_established again.
	f.Ctx = f.Ctx.WithEventManager(sdk.NewEventManager())
	packet, data = vscPacket(testutil.ChannelID, 2, nil)
	require.NoError(t, f.Keeper.OnRecvVSCPacket(f.Ctx, packet, data))
	require.False(t, hasEvent(f.Ctx, keeper.EventTypeChannelEstablished, nil))
}

// TestVSCRefusals covers every reason to refuse a VSC packet; none may
// change state.
func TestVSCRefusals(t *testing.T) {
	secpKey := secp256k1.GenPrivKeyFromSecret([]byte("secp")).PubKey().Bytes()
	cases := []struct {
		name     string
		malleate func(f *testutil.Fixture)
		channel  string
		updates  []abci.ValidatorUpdate
		acks     []string
		wantErr  error
	}{
		{
			name: "packet on another channel than the established one",
			malleate: func(f *testutil.Fixture) {
				require.NoError(t, f.Keeper.ProviderChannelID.Set(f.Ctx, testutil.ChannelID))
			},
			channel: testutil.OtherChannelID,
			wantErr: types.ErrUnexpectedChannel,
		},
		{
			name:    "key of the wrong size",
			updates: []abci.ValidatorUpdate{{PubKey: cmtprotocrypto.PublicKey{Sum: &cmtprotocrypto.PublicKey_Ed25519{Ed25519: []byte{1, 2}}}, Power: 5}},
			wantErr: types.ErrInvalidValidatorUpdate,
		},
		{
			name: "key type not allowed by consensus params",
			malleate: func(f *testutil.Fixture) {
				f.Ctx = f.Ctx.WithConsensusParams(cmtproto.ConsensusParams{Validator: &cmtproto.ValidatorParams{PubKeyTypes: []string{"ed25519"}}})
			},
			updates: []abci.ValidatorUpdate{{PubKey: cmtprotocrypto.PublicKey{Sum: &cmtprotocrypto.PublicKey_Secp256K1{Secp256K1: secpKey}}, Power: 5}},
			wantErr: types.ErrInvalidValidatorUpdate,
		},
		{
			name:    "duplicate key in one packet",
			updates: []abci.ValidatorUpdate{testutil.Validator(2, 5), testutil.Validator(2, 6)},
			wantErr: ccvtypes.ErrInvalidPacketData,
		},
		{
			name:    "negative power",
			updates: []abci.ValidatorUpdate{testutil.Validator(2, -5)},
			wantErr: ccvtypes.ErrInvalidPacketData,
		},
		{
			name:    "changes would remove every validator",
			updates: []abci.ValidatorUpdate{testutil.Validator(1, 0)},
			wantErr: types.ErrInvalidValidatorUpdate,
		},
		{
			name:    "total power above CometBFT's bound",
			updates: []abci.ValidatorUpdate{testutil.Validator(2, 1<<61), testutil.Validator(3, 1<<61)},
			wantErr: types.ErrInvalidValidatorUpdate,
		},
		{
			name:    "malformed slash ack",
			acks:    []string{"not-bech32"},
			wantErr: types.ErrInvalidSlashAck,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := startedFixture(t, testutil.Validator(1, 10))
			if tc.malleate != nil {
				tc.malleate(f)
			}
			channel := tc.channel
			if channel == "" {
				channel = testutil.ChannelID
			}
			packet, data := vscPacket(channel, 3, tc.updates, tc.acks...)
			err := f.Keeper.OnRecvVSCPacket(f.Ctx, packet, data)
			require.ErrorIs(t, err, tc.wantErr)

			pending, err := f.Keeper.PendingValidatorUpdates(f.Ctx)
			require.NoError(t, err)
			require.Empty(t, pending)
			has, err := f.Keeper.HeightToValsetUpdateID.Has(f.Ctx, testutil.GenesisHeight+1)
			require.NoError(t, err)
			require.False(t, has)
		})
	}
}

func TestSlashAcksClearOutstandingDowntime(t *testing.T) {
	f := startedFixture(t, testutil.Validator(1, 10), testutil.Validator(2, 20), testutil.Validator(3, 30))
	for _, seed := range []byte{1, 2, 3} {
		require.NoError(t, f.Keeper.OutstandingDowntime.Set(f.Ctx, testutil.ConsAddress(seed)))
	}
	// The provider writes acks with its own prefix; any prefix is accepted.
	ack1, err := bech32.ConvertAndEncode("providervalcons", testutil.ConsAddress(1))
	require.NoError(t, err)
	ack3, err := bech32.ConvertAndEncode("cosmosvalcons", testutil.ConsAddress(3))
	require.NoError(t, err)

	packet, data := vscPacket(testutil.ChannelID, 1, nil, ack1, ack3)
	require.NoError(t, f.Keeper.OnRecvVSCPacket(f.Ctx, packet, data))

	for seed, want := range map[byte]bool{1: false, 2: true, 3: false} {
		flagged, err := f.Keeper.OutstandingDowntime.Has(f.Ctx, testutil.ConsAddress(seed))
		require.NoError(t, err)
		require.Equal(t, want, flagged, "validator %d", seed)
	}
}

// errInvalidPacketDataAckText is the error an acknowledgement of
// ErrInvalidPacketData carries: the ABCI code only, as core IBC writes it.
const errInvalidPacketDataAckText = "ABCI code: 1: error handling packet: see events for details"

func TestConsumerPacketOutcomes(t *testing.T) {
	open := channeltypes.Channel{State: channeltypes.OPEN}
	closed := channeltypes.Channel{State: channeltypes.CLOSED}
	sent := channeltypes.Packet{SourcePort: ccvtypes.ConsumerPortID, SourceChannel: testutil.ChannelID, Sequence: 1}
	cases := []struct {
		name     string
		expect   func(f *testutil.Fixture)
		outcome  func(f *testutil.Fixture) error
		eventTyp string
		// wantAttrs are attributes the event must carry besides the module.
		wantAttrs map[string]string
	}{
		{
			name: "result ack closes nothing",
			outcome: func(f *testutil.Fixture) error {
				return f.Keeper.OnAcknowledgementPacket(f.Ctx, sent, ccvtypes.NewResultAck(ccvtypes.SlashPacketHandledResult))
			},
			eventTyp:  keeper.EventTypePacket,
			wantAttrs: map[string]string{"success": string(ccvtypes.SlashPacketHandledResult)},
		},
		{
			name: "error ack closes the channel",
			expect: func(f *testutil.Fixture) {
				f.ChannelKeeper.EXPECT().GetChannel(gomock.Any(), ccvtypes.ConsumerPortID, testutil.ChannelID).Return(open, true)
				f.ChannelKeeper.EXPECT().ChanCloseInit(gomock.Any(), ccvtypes.ConsumerPortID, testutil.ChannelID).Return(nil)
			},
			outcome: func(f *testutil.Fixture) error {
				return f.Keeper.OnAcknowledgementPacket(f.Ctx, sent, ccvtypes.NewErrorAck(ccvtypes.ErrInvalidPacketData))
			},
			eventTyp:  keeper.EventTypePacket,
			wantAttrs: map[string]string{"error": errInvalidPacketDataAckText},
		},
		{
			name: "a failing close is only logged",
			expect: func(f *testutil.Fixture) {
				f.ChannelKeeper.EXPECT().GetChannel(gomock.Any(), ccvtypes.ConsumerPortID, testutil.ChannelID).Return(open, true)
				f.ChannelKeeper.EXPECT().ChanCloseInit(gomock.Any(), ccvtypes.ConsumerPortID, testutil.ChannelID).Return(errors.New("client expired"))
			},
			outcome: func(f *testutil.Fixture) error {
				return f.Keeper.OnAcknowledgementPacket(f.Ctx, sent, ccvtypes.NewErrorAck(ccvtypes.ErrInvalidPacketData))
			},
			eventTyp:  keeper.EventTypePacket,
			wantAttrs: map[string]string{"error": errInvalidPacketDataAckText},
		},
		{
			name: "timeout on a channel core already closed",
			expect: func(f *testutil.Fixture) {
				f.ChannelKeeper.EXPECT().GetChannel(gomock.Any(), ccvtypes.ConsumerPortID, testutil.ChannelID).Return(closed, true)
			},
			outcome:   func(f *testutil.Fixture) error { return f.Keeper.OnTimeoutPacket(f.Ctx, sent) },
			eventTyp:  keeper.EventTypeTimeout,
			wantAttrs: map[string]string{"channel_id": testutil.ChannelID},
		},
		{
			name: "timeout on a duplicate channel also closes the established one",
			expect: func(f *testutil.Fixture) {
				require.NoError(t, f.Keeper.ProviderChannelID.Set(f.Ctx, testutil.OtherChannelID))
				f.ChannelKeeper.EXPECT().GetChannel(gomock.Any(), ccvtypes.ConsumerPortID, testutil.ChannelID).Return(closed, true)
				f.ChannelKeeper.EXPECT().GetChannel(gomock.Any(), ccvtypes.ConsumerPortID, testutil.OtherChannelID).Return(open, true)
				f.ChannelKeeper.EXPECT().ChanCloseInit(gomock.Any(), ccvtypes.ConsumerPortID, testutil.OtherChannelID).Return(nil)
			},
			outcome:   func(f *testutil.Fixture) error { return f.Keeper.OnTimeoutPacket(f.Ctx, sent) },
			eventTyp:  keeper.EventTypeTimeout,
			wantAttrs: map[string]string{"channel_id": testutil.ChannelID},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := testutil.NewFixture(t)
			if tc.expect != nil {
				tc.expect(f)
			}
			require.NoError(t, tc.outcome(f))
			want := map[string]string{"module": types.ModuleName}
			for k, v := range tc.wantAttrs {
				want[k] = v
			}
			require.True(t, hasEvent(f.Ctx, tc.eventTyp, want), "event %s with %v", tc.eventTyp, want)
		})
	}
}
