package keeper_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/keeper"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
)

// TestOpenAckOpensDistributionChannel: at the CCV OpenAck the consumer
// starts an UNORDERED ics20-1 transfer channel on the CCV connection unless
// distribution_transmission_channel names one that exists.
func TestOpenAckOpensDistributionChannel(t *testing.T) {
	const opened = "channel-4"
	cases := []struct {
		name     string
		existing string // distribution_transmission_channel before the ack
		found    bool   // whether that channel exists
		initErr  error
		want     string // distribution_transmission_channel after the ack
	}{
		{"none yet", "", false, nil, opened},
		{"named channel does not exist", "channel-9", false, nil, opened},
		{"named channel exists", "channel-9", true, nil, "channel-9"},
		{"opening fails: the CCV handshake goes on", "", false, errors.New("client frozen"), ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := startedFixture(t, testutil.Validator(1, 10))
			params, err := f.Keeper.GetConsumerParams(f.Ctx)
			require.NoError(t, err)
			params.DistributionTransmissionChannel = tc.existing
			require.NoError(t, f.Keeper.Params.Set(f.Ctx, params))
			if tc.existing != "" {
				f.ChannelKeeper.EXPECT().GetChannel(gomock.Any(), transfertypes.PortID, tc.existing).
					Return(channeltypes.Channel{State: channeltypes.OPEN}, tc.found)
			}
			var got *channeltypes.MsgChannelOpenInit
			if !tc.found {
				f.ChannelKeeper.EXPECT().GetChannel(gomock.Any(), ccvtypes.ConsumerPortID, testutil.ChannelID).
					Return(channeltypes.Channel{State: channeltypes.INIT, ConnectionHops: []string{testutil.ConnectionID}}, true)
				f.ChannelOpenInitiator.EXPECT().ChannelOpenInit(gomock.Any(), gomock.Any()).DoAndReturn(
					func(_ context.Context, msg *channeltypes.MsgChannelOpenInit) (*channeltypes.MsgChannelOpenInitResponse, error) {
						got = msg
						if tc.initErr != nil {
							return nil, tc.initErr
						}
						return &channeltypes.MsgChannelOpenInitResponse{ChannelId: opened, Version: transfertypes.V1}, nil
					})
			}

			md, err := ccvtypes.NewHandshakeMetadata(providerPool).Encode()
			require.NoError(t, err)
			require.NoError(t, f.Keeper.OnChanOpenAck(f.Ctx, testutil.ChannelID, md))

			params, err = f.Keeper.GetConsumerParams(f.Ctx)
			require.NoError(t, err)
			require.Equal(t, tc.want, params.DistributionTransmissionChannel)
			require.Equal(t, providerPool, params.ProviderFeePoolAddrStr)
			if got != nil {
				require.Equal(t, transfertypes.PortID, got.PortId)
				require.Equal(t, transfertypes.V1, got.Channel.Version)
				require.Equal(t, channeltypes.UNORDERED, got.Channel.Ordering)
				require.Equal(t, []string{testutil.ConnectionID}, got.Channel.ConnectionHops)
				require.Equal(t, transfertypes.PortID, got.Channel.Counterparty.PortId)
				require.Empty(t, got.Channel.Counterparty.ChannelId)
			}
			require.Equal(t, tc.want == opened, hasEvent(f.Ctx, keeper.EventTypeFeeTransferChannelOpened,
				map[string]string{"channel_id": opened, "connection_id": testutil.ConnectionID}))
		})
	}
}
