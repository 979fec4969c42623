package types

import (
	errorsmod "cosmossdk.io/errors"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
)

var _ codectypes.UnpackInterfacesMessage = CrossChainValidator{}

// UnpackInterfaces resolves the public key's Any when the validator is read
// from the store.
func (v CrossChainValidator) UnpackInterfaces(unpacker codectypes.AnyUnpacker) error {
	var pk cryptotypes.PubKey
	return unpacker.UnpackAny(v.Pubkey, &pk)
}

// ConsPubKey returns the validator's consensus public key.
func (v CrossChainValidator) ConsPubKey() (cryptotypes.PubKey, error) {
	pk, ok := v.Pubkey.GetCachedValue().(cryptotypes.PubKey)
	if !ok {
		return nil, errorsmod.Wrapf(ErrInvalidValidatorUpdate, "validator %X has no decodable public key", v.Address)
	}
	return pk, nil
}
