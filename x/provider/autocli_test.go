package provider_test

import (
	"testing"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/rampart-ics/rampart/x/provider"
)

// TestTxFlagsDoNotClashWithChainID: autocli gives every message field a
// flag, and a field named chain_id would redefine the tx --chain-id flag,
// which panics when the CLI starts. Every such field must be renamed.
func TestTxFlagsDoNotClashWithChainID(t *testing.T) {
	opts := provider.AppModule{}.AutoCLIOptions()
	desc, err := gogoproto.HybridResolver.FindDescriptorByName(protoreflect.FullName(opts.Tx.Service))
	require.NoError(t, err)
	methods := desc.(protoreflect.ServiceDescriptor).Methods()
	for i := range methods.Len() {
		m := methods.Get(i)
		if m.Input().Fields().ByName("chain_id") == nil {
			continue
		}
		var renamed bool
		for _, rpc := range opts.Tx.RpcCommandOptions {
			if rpc.RpcMethod != string(m.Name()) {
				continue
			}
			if rpc.Skip {
				renamed = true
				break
			}
			positional := false
			for _, p := range rpc.PositionalArgs {
				positional = positional || p.ProtoField == "chain_id"
			}
			f := rpc.FlagOptions["chain_id"]
			renamed = positional || (f != nil && f.Name != "" && f.Name != "chain-id")
		}
		require.True(t, renamed, "%s: the chain_id field's flag would clash with --chain-id", m.Name())
	}
}
