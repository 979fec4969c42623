package consumer_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	abci "github.com/cometbft/cometbft/abci/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
)

func recvPacket(data []byte, channelID string) channeltypes.Packet {
	return channeltypes.NewPacket(data, 1, ccvtypes.ProviderPortID, testutil.ProviderChannelID,
		ccvtypes.ConsumerPortID, channelID, clienttypes.ZeroHeight(), 1)
}

func TestOnRecvPacket(t *testing.T) {
	// Golden vector: a VSC packet as the incumbent provider encodes it.
	const goldenVSC = `{"validator_updates":[{"pub_key":{"ed25519":"SMxP2pXAuxQC7FmBn4dh4Kt5eYdQFWC/wN7oWobZKds="},"power":"30"}],"valset_update_id":"5","slash_acks":[]}`
	const errInvalidPacketDataAck = `{"error":"ABCI code: 1: error handling packet: see events for details"}`
	valid := ccvtypes.NewValidatorSetChangePacketData([]abci.ValidatorUpdate{testutil.Validator(2, 20)}, 3, nil).GetBytes()

	cases := []struct {
		name     string
		malleate func(f *testutil.Fixture)
		data     []byte
		channel  string
		wantAck  string
		wantErr  bool
	}{
		{"incumbent VSC bytes", nil, []byte(goldenVSC), testutil.ChannelID, `{"result":"AQ=="}`, false},
		{"malformed bytes", nil, []byte("{not json"), testutil.ChannelID, errInvalidPacketDataAck, true},
		{"empty bytes", nil, nil, testutil.ChannelID, errInvalidPacketDataAck, true},
		{"unknown field", nil, []byte(`{"validator_updates":[],"valset_update_id":"5","extra":1}`), testutil.ChannelID, errInvalidPacketDataAck, true},
		{"missing validator updates", nil, []byte(`{"valset_update_id":"5"}`), testutil.ChannelID, errInvalidPacketDataAck, true},
		{"zero valset update id", nil, []byte(`{"validator_updates":[],"valset_update_id":"0"}`), testutil.ChannelID, errInvalidPacketDataAck, true},
		{"VSC on another channel", func(f *testutil.Fixture) {
			require.NoError(t, f.Keeper.ProviderChannelID.Set(f.Ctx, testutil.ChannelID))
		}, valid, testutil.OtherChannelID, "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, im := started(t)
			if tc.malleate != nil {
				tc.malleate(f)
			}
			var ack interface {
				Success() bool
				Acknowledgement() []byte
			}
			require.NotPanics(t, func() {
				ack = im.OnRecvPacket(f.Ctx, ccvtypes.Version, recvPacket(tc.data, tc.channel), nil)
			})
			require.Equal(t, !tc.wantErr, ack.Success())
			if tc.wantAck != "" {
				require.Equal(t, tc.wantAck, string(ack.Acknowledgement()))
			}
		})
	}
}

func TestOnAcknowledgementPacketRejectsUndecodableAck(t *testing.T) {
	f, im := started(t)
	sent := channeltypes.Packet{SourcePort: ccvtypes.ConsumerPortID, SourceChannel: testutil.ChannelID}
	for _, bz := range [][]byte{nil, []byte("garbage"), []byte(`{}`)} {
		require.ErrorIs(t, im.OnAcknowledgementPacket(f.Ctx, ccvtypes.Version, sent, bz, nil), ccvtypes.ErrInvalidPacketAck)
	}
	require.NoError(t, im.OnAcknowledgementPacket(f.Ctx, ccvtypes.Version, sent, ccvtypes.NewResultAck(ccvtypes.V1Result).Acknowledgement(), nil))
}

func TestUnmarshalPacketData(t *testing.T) {
	f, im := started(t)
	bz := ccvtypes.NewValidatorSetChangePacketData([]abci.ValidatorUpdate{}, 9, nil).GetBytes()
	data, version, err := im.UnmarshalPacketData(f.Ctx, ccvtypes.ConsumerPortID, testutil.ChannelID, bz)
	require.NoError(t, err)
	require.Equal(t, ccvtypes.Version, version)
	require.Equal(t, uint64(9), data.(ccvtypes.ValidatorSetChangePacketData).ValsetUpdateId)

	_, _, err = im.UnmarshalPacketData(f.Ctx, ccvtypes.ConsumerPortID, testutil.ChannelID, []byte("x"))
	require.ErrorIs(t, err, ccvtypes.ErrInvalidPacketData)
}
