package consumer_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	"github.com/cosmos/ibc-go/v11/modules/core/exported"

	"github.com/rampart-ics/rampart/x/consumer"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
)

// FuzzOnRecvPacket: whatever bytes arrive, the consumer answers with an
// acknowledgement and never panics.
func FuzzOnRecvPacket(f *testing.F) {
	f.Add([]byte(`{"validator_updates":[{"pub_key":{"ed25519":"SMxP2pXAuxQC7FmBn4dh4Kt5eYdQFWC/wN7oWobZKds="},"power":"30"}],"valset_update_id":"5","slash_acks":["cosmosvalcons1tmemtuju2j2x6j5flsxsn5h3yes52s8j5r49m8"]}`))
	f.Add([]byte(`{"validator_updates":[{"pub_key":{"secp256k1":"AQ=="},"power":"-1"}],"valset_update_id":"1"}`))
	f.Add([]byte(`{"validator_updates":[{"pub_key":{},"power":"9223372036854775807"}],"valset_update_id":"1"}`))
	f.Add([]byte{0xff, 0x00})

	fx := testutil.NewFixture(f)
	fx.ClientKeeper.EXPECT().CreateClient(gomock.Any(), exported.Tendermint, gomock.Any(), gomock.Any()).
		Return(testutil.ProviderClientID, nil)
	_, err := fx.Keeper.InitGenesis(fx.Ctx, testutil.NewChainGenesis(testutil.Validator(1, 10)))
	require.NoError(f, err)
	im := consumer.NewIBCModule(fx.Keeper)

	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, _ := fx.Ctx.CacheContext()
		ack := im.OnRecvPacket(ctx, "1", recvPacket(data, testutil.ChannelID), nil)
		require.NotNil(t, ack)
		if ack.Success() {
			_, err := fx.Keeper.EndBlock(ctx)
			require.NoError(t, err, "an accepted packet must apply cleanly")
		}
	})
}

// FuzzUnmarshalGenesis: decoding and validating any genesis bytes never
// panics.
func FuzzUnmarshalGenesis(f *testing.F) {
	fx := testutil.NewFixture(f)
	f.Add(fx.Codec.MustMarshalJSON(testutil.NewChainGenesis(testutil.Validator(1, 10))))
	f.Add([]byte(`{"params":{"enabled":true},"new_chain":true,"provider":{"client_state":{"proof_specs":[null]}}}`))
	f.Add([]byte(`{"params":{"enabled":true},"provider_client_id":"07-tendermint-0","outstanding_downtime_slashing":[{}]}`))
	f.Fuzz(func(_ *testing.T, bz []byte) {
		gs, err := consumer.UnmarshalGenesis(fx.Codec, bz)
		if err == nil {
			_ = gs.Validate()
		}
	})
}
