package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// validKeyJSON is an ed25519 key as `comet show-validator` prints it.
const validKeyJSON = `{"@type":"/cosmos.crypto.ed25519.PubKey","key":"6uHIeTtVl8Sz9JDnasMRcsQ5aQ+O4UFCu4UaYfmknw4="}`

func TestParseConsumerKey(t *testing.T) {
	tests := []struct {
		name  string
		input string
		valid bool
	}{
		{"ed25519", validKeyJSON, true},
		{"ed25519 with spaces", `{ "@type": "/cosmos.crypto.ed25519.PubKey", "key": "6uHIeTtVl8Sz9JDnasMRcsQ5aQ+O4UFCu4UaYfmknw4=" }`, true},
		{"empty", "", false},
		{"not JSON", "ed25519:6uHIeTtVl8Sz9JDnasMRcsQ5aQ+O4UFCu4UaYfmknw4=", false},
		{"no type", `{"key":"6uHIeTtVl8Sz9JDnasMRcsQ5aQ+O4UFCu4UaYfmknw4="}`, false},
		{"secp256k1", `{"@type":"/cosmos.crypto.secp256k1.PubKey","key":"AxjLZbwstuktS4VK+98P5eIZD6R9xqqRa6u1MFDo+43O"}`, false},
		{"not a key type", `{"@type":"/cosmos.bank.v1beta1.MsgSend","from_address":"a"}`, false},
		{"short key", `{"@type":"/cosmos.crypto.ed25519.PubKey","key":"AAAA"}`, false},
		{"no key bytes", `{"@type":"/cosmos.crypto.ed25519.PubKey"}`, false},
		{"bad base64", `{"@type":"/cosmos.crypto.ed25519.PubKey","key":"!!"}`, false},
		{"null", `null`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			key, err := types.ParseConsumerKey(tc.input)
			if !tc.valid {
				require.ErrorIs(t, err, types.ErrInvalidConsumerKey)
				return
			}
			require.NoError(t, err)
			require.Len(t, key.GetEd25519(), ed25519.PubKeySize)
		})
	}
}

func TestConsumerKeyJSONRoundTrip(t *testing.T) {
	pk := ed25519.GenPrivKeyFromSecret([]byte("x")).PubKey()
	key, err := cryptocodec.ToCmtProtoPublicKey(pk)
	require.NoError(t, err)
	js, err := types.ConsumerKeyJSON(key)
	require.NoError(t, err)
	back, err := types.ParseConsumerKey(js)
	require.NoError(t, err)
	require.Equal(t, key, back)
	addr, err := types.ConsumerKeyAddr(back)
	require.NoError(t, err)
	require.Equal(t, []byte(pk.Address()), []byte(addr))
}

// FuzzParseConsumerKey: no input panics, and whatever is accepted is a
// 32-byte ed25519 key that survives a render and re-parse.
func FuzzParseConsumerKey(f *testing.F) {
	f.Add(validKeyJSON)
	f.Fuzz(func(t *testing.T, s string) {
		key, err := types.ParseConsumerKey(s)
		if err != nil {
			require.ErrorIs(t, err, types.ErrInvalidConsumerKey)
			return
		}
		require.Len(t, key.GetEd25519(), ed25519.PubKeySize)
		js, err := types.ConsumerKeyJSON(key)
		require.NoError(t, err)
		back, err := types.ParseConsumerKey(js)
		require.NoError(t, err)
		require.Equal(t, key, back)
	})
}
