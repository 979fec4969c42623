package consumer_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
)

// FuzzOnAcknowledgementPacket: whatever acknowledgement bytes the provider
// returns, for the slash packet in flight or for any packet data, the
// consumer never panics, an error leaves the queue and the slash record as
// they were, and a success pops at most the head. Empty packet data stands
// for the slash packet actually in flight. Seeds: testdata/fuzz.
func FuzzOnAcknowledgementPacket(f *testing.F) {
	fx, im := slashInFlight(f)
	inFlight := fx.ICS4.Sent[0].Data

	f.Fuzz(func(t *testing.T, ack, data []byte) {
		if len(data) == 0 {
			data = inFlight
		}
		ctx, _ := fx.Ctx.CacheContext()
		packet := channeltypes.NewPacket(data, 1, ccvtypes.ConsumerPortID, testutil.ChannelID,
			ccvtypes.ProviderPortID, testutil.ProviderChannelID, clienttypes.ZeroHeight(), 1)
		recordBefore, queueBefore, err := fx.Keeper.ThrottleState(ctx)
		require.NoError(t, err)

		var ackErr error
		require.NotPanics(t, func() { ackErr = im.OnAcknowledgementPacket(ctx, ccvtypes.Version, packet, ack, nil) })

		record, queue, err := fx.Keeper.ThrottleState(ctx)
		require.NoError(t, err)
		if ackErr != nil {
			require.Equal(t, recordBefore, record)
			require.Equal(t, queueBefore, queue)
			return
		}
		switch len(queue) {
		case len(queueBefore):
			require.Equal(t, queueBefore, queue)
		case len(queueBefore) - 1:
			require.Equal(t, queueBefore[1:], queue)
			require.Nil(t, record, "popping the head clears the slash record")
		default:
			t.Fatalf("queue went from %d to %d packets", len(queueBefore), len(queue))
		}
	})
}

// slashInFlight is an established consumer with two downtime requests
// queued, the first sent and waiting for its acknowledgement.
func slashInFlight(f *testing.F) (*testutil.Fixture, consumer.IBCModule) {
	fx := testutil.NewFuzzFixture(f)
	fx.ClientKeeper.EXPECT().CreateClient(gomock.Any(), gomock.Any(), gomock.Any(), gomock.Any()).
		Return(testutil.ProviderClientID, nil)
	_, err := fx.Keeper.InitGenesis(fx.Ctx, testutil.NewChainGenesis(testutil.Validator(1, 10), testutil.Validator(2, 20)))
	require.NoError(f, err)
	require.NoError(f, fx.Keeper.ProviderChannelID.Set(fx.Ctx, testutil.ChannelID))
	for _, seed := range []byte{1, 2} {
		require.NoError(f, fx.Keeper.QueueSlashRequest(fx.Ctx, testutil.ConsAddress(seed), testutil.GenesisHeight,
			int64(seed)*10, stakingtypes.Infraction_INFRACTION_DOWNTIME))
	}
	_, err = fx.Keeper.EndBlock(fx.Ctx)
	require.NoError(f, err)
	require.Len(f, fx.ICS4.Sent, 1)
	return fx, consumer.NewIBCModule(fx.Keeper)
}

// FuzzOnChanOpenAck: whatever version the provider answers the handshake
// with, the consumer never panics, and it stores a reward address only
// from metadata that decodes. Seeds: testdata/fuzz.
func FuzzOnChanOpenAck(f *testing.F) {
	// The fake channel keeper finds every channel, so the distribution
	// channel named in genesis exists and no mock is called in the target.
	fx := testutil.NewFuzzFixture(f)
	fx.ClientKeeper.EXPECT().CreateClient(gomock.Any(), gomock.Any(), gomock.Any(), gomock.Any()).
		Return(testutil.ProviderClientID, nil)
	gs := testutil.NewChainGenesis(testutil.Validator(1, 10))
	gs.Params.DistributionTransmissionChannel = testutil.OtherChannelID
	_, err := fx.Keeper.InitGenesis(fx.Ctx, gs)
	require.NoError(f, err)
	im := consumer.NewIBCModule(fx.Keeper)

	f.Fuzz(func(t *testing.T, version string) {
		ctx, _ := fx.Ctx.CacheContext()
		var ackErr error
		require.NotPanics(t, func() {
			ackErr = im.OnChanOpenAck(ctx, ccvtypes.ConsumerPortID, testutil.ChannelID, testutil.ProviderChannelID, version)
		})
		params, err := fx.Keeper.GetConsumerParams(ctx)
		require.NoError(t, err)
		md, parseErr := ccvtypes.ParseHandshakeMetadata(version)
		require.Equal(t, parseErr == nil, ackErr == nil)
		if ackErr == nil {
			require.Equal(t, md.ProviderFeePoolAddr, params.ProviderFeePoolAddrStr)
		} else {
			require.Empty(t, params.ProviderFeePoolAddrStr)
		}
	})
}
