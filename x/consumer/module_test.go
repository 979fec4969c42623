package consumer_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/ibc-go/v11/modules/core/exported"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

// withUnknownFields returns bz with fields a newer provider might add, at
// the top level and inside nested messages.
func withUnknownFields(t *testing.T, bz []byte) json.RawMessage {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(bz, &m))
	m["future_top_level"] = map[string]any{"x": 1}
	m["params"].(map[string]any)["future_param"] = "on"
	m["provider"].(map[string]any)["future_provider_field"] = []any{1, 2}
	out, err := json.Marshal(m)
	require.NoError(t, err)
	return out
}

func TestGenesisJSONAcceptsUnknownFields(t *testing.T) {
	f := testutil.NewFixture(t)
	gs := testutil.NewChainGenesis(testutil.Validator(1, 10))
	bz := withUnknownFields(t, f.Codec.MustMarshalJSON(gs))

	var strict types.GenesisState
	require.Error(t, f.Codec.UnmarshalJSON(bz, &strict), "the codec alone refuses unknown fields")

	decoded, err := consumer.UnmarshalGenesis(f.Codec, bz)
	require.NoError(t, err)
	require.Equal(t, f.Codec.MustMarshalJSON(gs), f.Codec.MustMarshalJSON(decoded))

	am := consumer.NewAppModule(f.Keeper)
	require.NoError(t, am.ValidateGenesis(f.Codec, nil, bz))
}

// TestProviderGenesisLoadsAsModuleGenesis: the provider's ConsumerGenesisState
// JSON pasted under app_state.ccvconsumer is a valid module genesis.
func TestProviderGenesisLoadsAsModuleGenesis(t *testing.T) {
	f := testutil.NewFixture(t)
	valset := testutil.Validator(1, 10)
	providerGenesis := ccvtypes.ConsumerGenesisState{
		Params:   testutil.NewChainGenesis().Params,
		Provider: testutil.NewChainGenesis(valset).Provider,
		NewChain: true,
	}
	require.NoError(t, providerGenesis.Validate())
	bz := f.Codec.MustMarshalJSON(&providerGenesis)

	f.ClientKeeper.EXPECT().CreateClient(gomock.Any(), exported.Tendermint, gomock.Any(), gomock.Any()).
		Return(testutil.ProviderClientID, nil)
	am := consumer.NewAppModule(f.Keeper)
	require.NoError(t, am.ValidateGenesis(f.Codec, nil, bz))
	updates := am.InitGenesis(f.Ctx, f.Codec, bz)
	require.Len(t, updates, 1)
	require.Equal(t, valset.Power, updates[0].Power)
}

func TestDefaultGenesisIsValidAndInert(t *testing.T) {
	f := testutil.NewFixture(t)
	am := consumer.NewAppModule(f.Keeper)
	bz := am.DefaultGenesis(f.Codec)
	require.NoError(t, am.ValidateGenesis(f.Codec, nil, bz))
	require.Empty(t, am.InitGenesis(f.Ctx, f.Codec, bz))
	require.JSONEq(t, string(bz), string(am.ExportGenesis(f.Ctx, f.Codec)))
}

func TestInvalidGenesisIsRefused(t *testing.T) {
	f := testutil.NewFixture(t)
	am := consumer.NewAppModule(f.Keeper)
	gs := testutil.NewChainGenesis() // enabled, but no initial validators
	bz := f.Codec.MustMarshalJSON(gs)
	require.ErrorIs(t, am.ValidateGenesis(f.Codec, nil, bz), ccvtypes.ErrInvalidGenesis)
	require.Error(t, am.ValidateGenesis(f.Codec, nil, []byte("{not json")))
	require.Panics(t, func() { am.InitGenesis(f.Ctx, f.Codec, bz) }, "a chain must not start from a genesis it cannot honour")
}

// TestAutoCLIOptionsNameRealMethods guards against a renamed RPC leaving a
// CLI command that autocli silently drops.
func TestAutoCLIOptionsNameRealMethods(t *testing.T) {
	opts := consumer.AppModule{}.AutoCLIOptions()
	methods := map[string]bool{}
	for _, m := range types.Query_serviceDesc.Methods {
		methods[types.Query_serviceDesc.ServiceName+"/"+m.MethodName] = true
	}
	for _, m := range types.Msg_serviceDesc.Methods {
		methods[types.Msg_serviceDesc.ServiceName+"/"+m.MethodName] = true
	}
	for _, svc := range []*autocliv1.ServiceCommandDescriptor{opts.Query, opts.Tx} {
		for _, rpc := range svc.RpcCommandOptions {
			require.True(t, methods[svc.Service+"/"+rpc.RpcMethod], "%s/%s", svc.Service, rpc.RpcMethod)
		}
	}
}
