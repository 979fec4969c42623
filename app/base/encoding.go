package base

import (
	"fmt"

	"github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/std"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	"github.com/cosmos/cosmos-sdk/x/tx/signing"
)

// EncodingConfig holds the codecs an application encodes state, messages
// and transactions with.
type EncodingConfig struct {
	InterfaceRegistry codectypes.InterfaceRegistry
	Codec             codec.Codec
	Amino             *codec.LegacyAmino
	TxConfig          client.TxConfig
}

// MakeEncodingConfig builds the codecs with the SDK's standard types
// registered. Signer addresses are decoded with the Bech32 prefixes that
// sdk.GetConfig() holds at the time of the call, so a daemon must set its
// prefixes before it builds an application. Modules register their own
// types later, through the basic module manager.
func MakeEncodingConfig() EncodingConfig {
	cfg := sdk.GetConfig()
	registry, err := codectypes.NewInterfaceRegistryWithOptions(codectypes.InterfaceRegistryOptions{
		ProtoFiles: proto.HybridResolver,
		SigningOptions: signing.Options{
			AddressCodec:          address.Bech32Codec{Bech32Prefix: cfg.GetBech32AccountAddrPrefix()},
			ValidatorAddressCodec: address.Bech32Codec{Bech32Prefix: cfg.GetBech32ValidatorAddrPrefix()},
		},
	})
	if err != nil {
		panic(fmt.Errorf("interface registry: %w", err))
	}
	cdc := codec.NewProtoCodec(registry)
	amino := codec.NewLegacyAmino()
	txConfig := authtx.NewTxConfig(cdc, authtx.DefaultSignModes)
	std.RegisterLegacyAminoCodec(amino)
	std.RegisterInterfaces(registry)
	return EncodingConfig{InterfaceRegistry: registry, Codec: cdc, Amino: amino, TxConfig: txConfig}
}
