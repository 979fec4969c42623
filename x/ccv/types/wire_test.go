package types_test

import (
	"encoding/base64"
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/require"

	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtcrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"

	"github.com/rampart-ics/rampart/x/ccv/types"
)

// Golden vectors: the exact bytes the incumbent implementation produces.
const (
	goldenVSCOneUpdate = `{"validator_updates":[{"pub_key":{"ed25519":"SMxP2pXAuxQC7FmBn4dh4Kt5eYdQFWC/wN7oWobZKds="},"power":"30"}],"valset_update_id":"5","slash_acks":[]}`
	goldenVSCEmpty     = `{"validator_updates":[],"valset_update_id":"6","slash_acks":[]}`
	goldenSlashV1      = `{"type":"CONSUMER_PACKET_TYPE_SLASH","slashPacketData":{"validator":{"address":"AsZrlvI4F0kYBnwIKMDIN7VMdpA=","power":"100"},"valset_update_id":"7","infraction":"INFRACTION_TYPE_DOWNTIME"}}`
	goldenSlashSDK     = `{"type":"CONSUMER_PACKET_TYPE_SLASH","slashPacketData":{"validator":{"address":"AsZrlvI4F0kYBnwIKMDIN7VMdpA=","power":"100"},"valset_update_id":"7","infraction":"INFRACTION_DOWNTIME"}}`
	goldenHandshakeHex = "0a2d636f736d6f73316170306d6836787a666e38393433757272383471366165377a666e61723438616d3265726864120131"
	goldenVSCProtoHex  = "0a260a220a2048cc4fda95c0bb1402ec59819f8761e0ab797987501560bfc0dee85a86d929db101e1005"
	goldenErrorAck     = `{"error":"ABCI code: 1: error handling packet: see events for details"}`
)

func goldenKey(t *testing.T) cmtcrypto.PublicKey {
	t.Helper()
	bz, err := base64.StdEncoding.DecodeString("SMxP2pXAuxQC7FmBn4dh4Kt5eYdQFWC/wN7oWobZKds=")
	require.NoError(t, err)
	return cmtcrypto.PublicKey{Sum: &cmtcrypto.PublicKey_Ed25519{Ed25519: bz}}
}

func goldenSlashData(t *testing.T) *types.SlashPacketData {
	t.Helper()
	addr, err := base64.StdEncoding.DecodeString("AsZrlvI4F0kYBnwIKMDIN7VMdpA=")
	require.NoError(t, err)
	return types.NewSlashPacketData(abci.Validator{Address: addr, Power: 100}, 7, stakingtypes.Infraction_INFRACTION_DOWNTIME)
}

func TestVSCPacketGoldenBytes(t *testing.T) {
	key := goldenKey(t)
	tests := []struct {
		name string
		vsc  types.ValidatorSetChangePacketData
		want string
	}{
		{"one update, nil acks", types.NewValidatorSetChangePacketData([]abci.ValidatorUpdate{{PubKey: key, Power: 30}}, 5, nil), goldenVSCOneUpdate},
		{"no updates", types.NewValidatorSetChangePacketData([]abci.ValidatorUpdate{}, 6, nil), goldenVSCEmpty},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, string(tc.vsc.GetBytes()))

			decoded, err := types.UnmarshalValidatorSetChangePacketData([]byte(tc.want))
			require.NoError(t, err)
			require.Equal(t, tc.vsc.ValsetUpdateId, decoded.ValsetUpdateId)
			require.Len(t, decoded.ValidatorUpdates, len(tc.vsc.ValidatorUpdates))
			require.Equal(t, tc.want, string(decoded.GetBytes()), "re-encoding must be stable")
		})
	}
}

func TestVSCPacketProtoBinary(t *testing.T) {
	vsc := types.NewValidatorSetChangePacketData([]abci.ValidatorUpdate{{PubKey: goldenKey(t), Power: 30}}, 5, nil)
	bz, err := vsc.Marshal()
	require.NoError(t, err)
	require.Equal(t, goldenVSCProtoHex, hex.EncodeToString(bz))
}

func TestSlashPacketEmittedInV1Form(t *testing.T) {
	packet := types.NewSlashPacket(goldenSlashData(t))
	require.Equal(t, goldenSlashV1, string(packet.GetBytes()))
}

func TestSlashPacketBothFormsAccepted(t *testing.T) {
	want := goldenSlashData(t)
	for name, wire := range map[string]string{"V1": goldenSlashV1, "SDK infraction names": goldenSlashSDK} {
		t.Run(name, func(t *testing.T) {
			cp, err := types.UnmarshalConsumerPacketData([]byte(wire))
			require.NoError(t, err)
			require.Equal(t, types.SlashPacket, cp.Type)
			require.Equal(t, want, cp.GetSlashPacketData())
			require.NoError(t, cp.Validate())
		})
	}
}

func TestUnmarshalConsumerPacketDataRejects(t *testing.T) {
	tests := map[string]string{
		"not JSON":       `\x00\x01`,
		"unknown field":  `{"type":"CONSUMER_PACKET_TYPE_SLASH","extra":1}`,
		"wrong type":     `{"type":42}`,
		"empty input":    ``,
		"garbage inside": `{"type":"CONSUMER_PACKET_TYPE_SLASH","slashPacketData":{"validator":"x"}}`,
	}
	for name, wire := range tests {
		t.Run(name, func(t *testing.T) {
			cp, err := types.UnmarshalConsumerPacketData([]byte(wire))
			if err == nil {
				// Some inputs decode but must then fail validation.
				require.Error(t, cp.Validate())
				return
			}
			require.ErrorIs(t, err, types.ErrInvalidPacketData)
		})
	}
}

func TestVSCPacketValidation(t *testing.T) {
	tests := map[string]string{
		"missing updates": `{"valset_update_id":"6","slash_acks":[]}`,
		"zero vsc id":     `{"validator_updates":[],"valset_update_id":"0","slash_acks":[]}`,
		"unknown field":   `{"validator_updates":[],"valset_update_id":"6","slash_acks":[],"x":1}`,
		"not JSON":        `nope`,
	}
	for name, wire := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := types.UnmarshalValidatorSetChangePacketData([]byte(wire))
			require.ErrorIs(t, err, types.ErrInvalidPacketData)
		})
	}
}

func TestSlashPacketDataValidate(t *testing.T) {
	tests := []struct {
		name    string
		malleat func(*types.SlashPacketData)
		wantErr bool
	}{
		{"valid downtime", func(*types.SlashPacketData) {}, false},
		{"valid double sign", func(d *types.SlashPacketData) { d.Infraction = stakingtypes.Infraction_INFRACTION_DOUBLE_SIGN }, false},
		{"vsc id zero is allowed", func(d *types.SlashPacketData) { d.ValsetUpdateId = 0 }, false},
		{"empty address", func(d *types.SlashPacketData) { d.Validator.Address = nil }, true},
		{"address too long", func(d *types.SlashPacketData) { d.Validator.Address = make([]byte, 256) }, true},
		{"zero power", func(d *types.SlashPacketData) { d.Validator.Power = 0 }, true},
		{"unspecified infraction", func(d *types.SlashPacketData) { d.Infraction = stakingtypes.Infraction_INFRACTION_UNSPECIFIED }, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := goldenSlashData(t)
			tc.malleat(data)
			err := data.Validate()
			if tc.wantErr {
				require.ErrorIs(t, err, types.ErrInvalidPacketData)
				return
			}
			require.NoError(t, err)
		})
	}
}

func TestHandshakeMetadataGoldenBytes(t *testing.T) {
	md := types.NewHandshakeMetadata("cosmos1ap0mh6xzfn8943urr84q6ae7zfnar48am2erhd")
	version, err := md.Encode()
	require.NoError(t, err)
	require.Equal(t, goldenHandshakeHex, hex.EncodeToString([]byte(version)))

	parsed, err := types.ParseHandshakeMetadata(version)
	require.NoError(t, err)
	require.Equal(t, md, parsed)
}

func TestParseHandshakeMetadataRejects(t *testing.T) {
	wrongVersion, err := types.HandshakeMetadata{ProviderFeePoolAddr: "a", Version: "2"}.Encode()
	require.NoError(t, err)
	_, err = types.ParseHandshakeMetadata(wrongVersion)
	require.ErrorIs(t, err, types.ErrInvalidVersion)

	_, err = types.ParseHandshakeMetadata("\xff\xff\xff")
	require.ErrorIs(t, err, types.ErrInvalidHandshakeMetadata)

	// A consumer-style plain version is not provider metadata.
	_, err = types.ParseHandshakeMetadata(types.Version)
	require.Error(t, err)
}

func TestAcknowledgementGoldenBytes(t *testing.T) {
	tests := []struct {
		name string
		ack  []byte
		want string
	}{
		{"V1 result", types.NewResultAck(types.V1Result).Acknowledgement(), `{"result":"AQ=="}`},
		{"slash handled", types.NewResultAck(types.SlashPacketHandledResult).Acknowledgement(), `{"result":"Ag=="}`},
		{"slash bounced", types.NewResultAck(types.SlashPacketBouncedResult).Acknowledgement(), `{"result":"Aw=="}`},
		{"error", types.NewErrorAck(types.ErrInvalidPacketData).Acknowledgement(), goldenErrorAck},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, string(tc.ack))
		})
	}
}

func TestParseSlashAckResult(t *testing.T) {
	tests := []struct {
		result  []byte
		want    types.SlashAckResult
		wantErr bool
	}{
		{types.V1Result, types.SlashAckHandled, false},
		{types.SlashPacketHandledResult, types.SlashAckHandled, false},
		{types.SlashPacketBouncedResult, types.SlashAckBounced, false},
		{[]byte{4}, 0, true},
		{[]byte{1, 1}, 0, true},
		{nil, 0, true},
	}
	for _, tc := range tests {
		got, err := types.ParseSlashAckResult(tc.result)
		if tc.wantErr {
			require.ErrorIs(t, err, types.ErrInvalidPacketAck, "result %X", tc.result)
			continue
		}
		require.NoError(t, err)
		require.Equal(t, tc.want, got)
	}
}
