package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/legacy"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the messages for amino JSON signing
// (hardware wallets).
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	legacy.RegisterAminoMsg(cdc, &MsgCreateConsumer{}, "provider/MsgCreateConsumer")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateConsumer{}, "provider/MsgUpdateConsumer")
	legacy.RegisterAminoMsg(cdc, &MsgRemoveConsumer{}, "provider/MsgRemoveConsumer")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "provider/MsgUpdateParams")
}

// RegisterInterfaces registers the messages with the interface registry.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgCreateConsumer{},
		&MsgUpdateConsumer{},
		&MsgRemoveConsumer{},
		&MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
