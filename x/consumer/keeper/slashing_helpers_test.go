package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/types/bech32"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	abci "github.com/cometbft/cometbft/abci/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
)

// t0 is the block time the slashing tests start at.
var t0 = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// establishedFixture is a started consumer at time t0 whose CCV channel is
// established and open, with validators 1, 2 and 3 (powers 10, 20, 30).
func establishedFixture(t *testing.T) *testutil.Fixture {
	t.Helper()
	f := startedFixture(t, testutil.Validator(1, 10), testutil.Validator(2, 20), testutil.Validator(3, 30))
	f.Ctx = f.Ctx.WithBlockTime(t0)
	require.NoError(t, f.Keeper.ProviderChannelID.Set(f.Ctx, testutil.ChannelID))
	f.ChannelKeeper.EXPECT().GetChannel(gomock.Any(), ccvtypes.ConsumerPortID, testutil.ChannelID).
		Return(channeltypes.Channel{State: channeltypes.OPEN}, true).AnyTimes()
	return f
}

// downtime reports validator seed down at infractionHeight, as x/slashing
// does.
func downtime(t *testing.T, f *testutil.Fixture, seed byte, infractionHeight int64) {
	t.Helper()
	_, err := f.Keeper.SlashWithInfractionReason(f.Ctx, testutil.ConsAddress(seed), infractionHeight, int64(seed)*10,
		sdkDec("0.01"), stakingtypes.Infraction_INFRACTION_DOWNTIME)
	require.NoError(t, err)
}

// slashPacketData is the slash request for validator seed.
func slashPacketData(seed byte, vscID uint64, infraction stakingtypes.Infraction) ccvtypes.ConsumerPacketData {
	return ccvtypes.NewSlashPacket(ccvtypes.NewSlashPacketData(
		abci.Validator{Address: testutil.ConsAddress(seed), Power: int64(seed) * 10}, vscID, infraction))
}

// endBlock runs EndBlock at the given time.
func endBlock(t *testing.T, f *testutil.Fixture, at time.Time) {
	t.Helper()
	f.Ctx = f.Ctx.WithBlockTime(at)
	_, err := f.Keeper.EndBlock(f.Ctx)
	require.NoError(t, err)
}

// sentAsPacket is the packet the provider acknowledges for a sent one.
func sentAsPacket(s testutil.SentPacket) channeltypes.Packet {
	return channeltypes.NewPacket(s.Data, s.Sequence, s.Port, s.Channel, ccvtypes.ProviderPortID, "channel-9",
		s.TimeoutHeight, s.TimeoutTimestamp)
}

// acknowledge delivers the provider's result for the i-th sent packet.
func acknowledge(t *testing.T, f *testutil.Fixture, i int, result []byte) error {
	t.Helper()
	require.Greater(t, len(f.ICS4.Sent), i, "packet %d was never sent", i)
	return f.Keeper.OnAcknowledgementPacket(f.Ctx, sentAsPacket(f.ICS4.Sent[i]), ccvtypes.NewResultAck(result))
}

// pendingPackets returns the queue.
func pendingPackets(t *testing.T, f *testutil.Fixture) []ccvtypes.ConsumerPacketData {
	t.Helper()
	packets, err := f.Keeper.GetPendingPackets(f.Ctx)
	require.NoError(t, err)
	return packets
}

// sentData decodes the data of every sent packet.
func sentData(t *testing.T, f *testutil.Fixture) []ccvtypes.ConsumerPacketData {
	t.Helper()
	out := []ccvtypes.ConsumerPacketData{}
	for _, s := range f.ICS4.Sent {
		require.Equal(t, ccvtypes.ConsumerPortID, s.Port)
		require.Equal(t, clienttypes.ZeroHeight(), s.TimeoutHeight)
		data, err := ccvtypes.UnmarshalConsumerPacketData(s.Data)
		require.NoError(t, err)
		out = append(out, data)
	}
	return out
}

// flagged tells whether validator seed has outstanding downtime.
func flagged(t *testing.T, f *testutil.Fixture, seed byte) bool {
	t.Helper()
	has, err := f.Keeper.OutstandingDowntime.Has(f.Ctx, testutil.ConsAddress(seed))
	require.NoError(t, err)
	return has
}

// providerSlashAck is validator seed's address as the provider writes it in
// a VSC packet's slash_acks.
func providerSlashAck(t *testing.T, seed byte) string {
	t.Helper()
	s, err := bech32.ConvertAndEncode("cosmosvalcons", testutil.ConsAddress(seed))
	require.NoError(t, err)
	return s
}

func sdkDec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }
