package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/keeper"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

func TestQueryThrottleState(t *testing.T) {
	f := establishedFixture(t)
	q := keeper.NewQuerier(f.Keeper)
	res, err := q.QueryThrottleState(f.Ctx, &types.QueryThrottleStateRequest{})
	require.NoError(t, err)
	require.Nil(t, res.SlashRecord)
	require.Empty(t, res.PacketDataQueue)

	downtime(t, f, 1, testutil.GenesisHeight)
	endBlock(t, f, t0)
	res, err = q.QueryThrottleState(f.Ctx, &types.QueryThrottleStateRequest{})
	require.NoError(t, err)
	require.Equal(t, &types.SlashRecord{WaitingOnReply: true, SendTime: t0}, res.SlashRecord)
	require.Equal(t, []ccvtypes.ConsumerPacketData{slashPacketData(1, 0, downtimeInfraction)}, res.PacketDataQueue)
	bz, err := f.Codec.MarshalJSON(res)
	require.NoError(t, err)
	require.Contains(t, string(bz), `"slash_record":{"waiting_on_reply":true,"send_time":"2025-01-01T00:00:00Z"}`)
	require.Contains(t, string(bz), `"packet_data_queue":[{"type":"CONSUMER_PACKET_TYPE_SLASH"`)
}
