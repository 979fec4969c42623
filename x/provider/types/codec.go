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
	legacy.RegisterAminoMsg(cdc, &MsgAssignConsumerKey{}, "provider/MsgAssignConsumerKey")
	legacy.RegisterAminoMsg(cdc, &MsgOptIn{}, "provider/MsgOptIn")
	legacy.RegisterAminoMsg(cdc, &MsgOptOut{}, "provider/MsgOptOut")
	legacy.RegisterAminoMsg(cdc, &MsgSetConsumerCommissionRate{}, "provider/MsgSetConsumerCommissionRate")
	legacy.RegisterAminoMsg(cdc, &MsgSubmitConsumerMisbehaviour{}, "provider/MsgSubmitConsumerMisbehaviour")
	legacy.RegisterAminoMsg(cdc, &MsgSubmitConsumerDoubleVoting{}, "provider/MsgSubmitConsumerDoubleVoting")
	legacy.RegisterAminoMsg(cdc, &MsgChangeRewardDenoms{}, "provider/MsgChangeRewardDenoms")
}

// RegisterInterfaces registers the messages with the interface registry.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgCreateConsumer{},
		&MsgUpdateConsumer{},
		&MsgRemoveConsumer{},
		&MsgUpdateParams{},
		&MsgAssignConsumerKey{},
		&MsgOptIn{},
		&MsgOptOut{},
		&MsgSetConsumerCommissionRate{},
		&MsgSubmitConsumerMisbehaviour{},
		&MsgSubmitConsumerDoubleVoting{},
		&MsgChangeRewardDenoms{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
