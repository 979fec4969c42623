package provider_test

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/reflect/protoregistry"

	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/client/v2/autocli/flag"

	sdkflags "github.com/cosmos/cosmos-sdk/client/flags"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"

	"github.com/rampart-ics/rampart/x/provider"
	_ "github.com/rampart-ics/rampart/x/provider/exttypes" // registers rampart.provider.v1
)

// The slashing queries an operator needs are commands: the throttle state,
// and the punishment record (a Rampart query, under `rampart` because
// autocli puts a module's second service in a group of its own).
func TestSlashingQueryCommands(t *testing.T) {
	files, err := proto.MergedRegistry()
	require.NoError(t, err)
	b := &autocli.Builder{
		Builder: flag.Builder{
			TypeResolver:          protoregistry.GlobalTypes,
			FileResolver:          files,
			AddressCodec:          addresscodec.NewBech32Codec("cosmos"),
			ValidatorAddressCodec: addresscodec.NewBech32Codec("cosmosvaloper"),
			ConsensusAddressCodec: addresscodec.NewBech32Codec("cosmosvalcons"),
		},
		GetClientConn:     func(*cobra.Command) (grpc.ClientConnInterface, error) { return nil, nil },
		AddQueryConnFlags: sdkflags.AddQueryFlagsToCmd,
		AddTxConnFlags:    sdkflags.AddTxFlagsToCmd,
	}
	require.NoError(t, b.ValidateAndComplete())
	root := &cobra.Command{Use: "provider"}
	require.NoError(t, b.AddQueryServiceCommands(root, provider.AppModule{}.AutoCLIOptions().Query))

	for _, path := range [][]string{{"throttle-state"}, {"rampart", "punishments"}} {
		cmd, _, err := root.Find(path)
		require.NoError(t, err, path)
		require.Equal(t, path[len(path)-1], cmd.Name(), path)
	}
	cmd, _, err := root.Find([]string{"rampart", "punishments"})
	require.NoError(t, err)
	for _, name := range []string{"consumer-id", "provider-address"} {
		require.NotNil(t, cmd.Flags().Lookup(name), "punishments filters by --%s", name)
	}
}
