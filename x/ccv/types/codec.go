package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
)

// ModuleCdc encodes packet data. Its JSON is gogoproto jsonpb with original
// field names and default values emitted, which is the CCV wire encoding.
var ModuleCdc = codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
