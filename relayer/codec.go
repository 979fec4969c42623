package relayer

import (
	"fmt"

	"github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/std"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/tx/signing"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	ibccoretypes "github.com/cosmos/ibc-go/v11/modules/core/types"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"
)

// chainCodec is what the relayer needs to encode for one chain: IBC core
// messages, 07-tendermint clients, ICS-20 transfers, accounts and
// transactions.
type chainCodec struct {
	cdc      *codec.ProtoCodec
	registry codectypes.InterfaceRegistry
	txConfig client.TxConfig
	addrs    address.Bech32Codec
}

// newChainCodec builds a codec whose signer addresses use prefix. Each
// chain gets its own, so the relayer never touches the SDK's global
// Bech32 configuration and can sign for chains with different prefixes.
func newChainCodec(prefix string) (chainCodec, error) {
	addrs := address.Bech32Codec{Bech32Prefix: prefix}
	registry, err := codectypes.NewInterfaceRegistryWithOptions(codectypes.InterfaceRegistryOptions{
		ProtoFiles: proto.HybridResolver,
		SigningOptions: signing.Options{
			AddressCodec:          addrs,
			ValidatorAddressCodec: address.Bech32Codec{Bech32Prefix: prefix + "valoper"},
		},
	})
	if err != nil {
		return chainCodec{}, fmt.Errorf("interface registry: %w", err)
	}
	std.RegisterInterfaces(registry)
	authtypes.RegisterInterfaces(registry)
	ibccoretypes.RegisterInterfaces(registry)
	ibctm.RegisterInterfaces(registry)
	// ICS-20 transfers, for tools that send them with Chain.Send.
	transfertypes.RegisterInterfaces(registry)
	cdc := codec.NewProtoCodec(registry)
	return chainCodec{
		cdc:      cdc,
		registry: registry,
		txConfig: authtx.NewTxConfig(cdc, authtx.DefaultSignModes),
		addrs:    addrs,
	}, nil
}
