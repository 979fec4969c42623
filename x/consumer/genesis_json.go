package consumer

import (
	"bytes"
	"fmt"

	"github.com/cosmos/gogoproto/jsonpb"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"

	"github.com/rampart-ics/rampart/x/consumer/types"
)

// UnmarshalGenesis decodes the consumer's genesis JSON and, unlike the
// codec's strict decoder, ignores unknown fields: a newer provider may emit
// fields this consumer does not know, and that must not stop the chain from
// starting (the incumbent needed a "genesis transform" tool for it).
func UnmarshalGenesis(cdc codec.JSONCodec, bz []byte) (*types.GenesisState, error) {
	u := jsonpb.Unmarshaler{AllowUnknownFields: true}
	var registry codectypes.InterfaceRegistry
	if withRegistry, ok := cdc.(interface {
		InterfaceRegistry() codectypes.InterfaceRegistry
	}); ok {
		registry = withRegistry.InterfaceRegistry()
		u.AnyResolver = registry
	}
	var gs types.GenesisState
	if err := u.Unmarshal(bytes.NewReader(bz), &gs); err != nil {
		return nil, fmt.Errorf("decoding %s genesis: %w", types.ModuleName, err)
	}
	if registry != nil {
		if err := codectypes.UnpackInterfaces(&gs, registry); err != nil {
			return nil, fmt.Errorf("decoding %s genesis: %w", types.ModuleName, err)
		}
	}
	return &gs, nil
}
