package types

import (
	"bytes"

	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"
)

// MaxConsumerKeyLength bounds the JSON a message may carry as a consumer
// key; a valid one is about 100 bytes.
const MaxConsumerKeyLength = 512

// keyCodec decodes consumer keys. Its registry knows only the SDK's key
// types, so an "@type" can never name anything but a public key.
var keyCodec = func() *codec.ProtoCodec {
	registry := codectypes.NewInterfaceRegistry()
	cryptocodec.RegisterInterfaces(registry)
	return codec.NewProtoCodec(registry)
}()

// ParseConsumerKey decodes the key a validator assigns for a consumer, the
// SDK's JSON form of a public key:
//
//	{"@type":"/cosmos.crypto.ed25519.PubKey","key":"<base64 of 32 bytes>"}
//
// (what `<daemon> tendermint show-validator` prints). Consumers run
// CometBFT with ed25519 keys only, so any other type is refused.
func ParseConsumerKey(s string) (cmtprotocrypto.PublicKey, error) {
	var none cmtprotocrypto.PublicKey
	if s == "" {
		return none, errorsmod.Wrap(ErrInvalidConsumerKey, "empty key")
	}
	if len(s) > MaxConsumerKeyLength {
		return none, errorsmod.Wrapf(ErrInvalidConsumerKey, "key is %d bytes long, at most %d expected", len(s), MaxConsumerKeyLength)
	}
	var pk cryptotypes.PubKey
	if err := keyCodec.UnmarshalInterfaceJSON([]byte(s), &pk); err != nil {
		return none, errorsmod.Wrapf(ErrInvalidConsumerKey, "expected {\"@type\":\"/cosmos.crypto.ed25519.PubKey\",\"key\":\"<base64>\"}: %s", err)
	}
	if pk == nil {
		return none, errorsmod.Wrap(ErrInvalidConsumerKey, "no key")
	}
	edKey, ok := pk.(*ed25519.PubKey)
	if !ok {
		return none, errorsmod.Wrapf(ErrInvalidConsumerKey, "key type: expected ed25519, got %T", pk)
	}
	if edKey == nil {
		return none, errorsmod.Wrap(ErrInvalidConsumerKey, "no key")
	}
	if len(edKey.Key) != ed25519.PubKeySize {
		return none, errorsmod.Wrapf(ErrInvalidConsumerKey, "ed25519 key length: expected %d bytes, got %d", ed25519.PubKeySize, len(edKey.Key))
	}
	return cmtprotocrypto.PublicKey{Sum: &cmtprotocrypto.PublicKey_Ed25519{Ed25519: bytes.Clone(edKey.Key)}}, nil
}

// ConsumerKeyAddr returns the consensus address of a consumer key.
func ConsumerKeyAddr(key cmtprotocrypto.PublicKey) (sdk.ConsAddress, error) {
	pk, err := cryptocodec.FromCmtProtoPublicKey(key)
	if err != nil {
		return nil, errorsmod.Wrap(ErrInvalidConsumerKey, err.Error())
	}
	return sdk.ConsAddress(pk.Address()), nil
}

// ConsumerKeyJSON renders a key in the form ParseConsumerKey reads.
func ConsumerKeyJSON(key cmtprotocrypto.PublicKey) (string, error) {
	pk, err := cryptocodec.FromCmtProtoPublicKey(key)
	if err != nil {
		return "", errorsmod.Wrap(ErrInvalidConsumerKey, err.Error())
	}
	bz, err := keyCodec.MarshalInterfaceJSON(pk)
	if err != nil {
		return "", err
	}
	return string(bz), nil
}
