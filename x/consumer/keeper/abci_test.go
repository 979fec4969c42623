package keeper_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	"cosmossdk.io/log/v2"

	sdk "github.com/cosmos/cosmos-sdk/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	abci "github.com/cometbft/cometbft/abci/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

const closedChannelLog = "the CCV channel is closed: this chain is no longer secured by the provider"

// block is one block of a test chain: a fresh event manager, a logger
// whose output the test reads, and the height and time given.
type block struct {
	logs *bytes.Buffer
}

// nextBlock moves f to height h at time at, with a fresh event manager and
// a JSON logger into the returned block's buffer.
func nextBlock(f *testutil.Fixture, h int64, at time.Time) block {
	b := block{logs: &bytes.Buffer{}}
	f.Ctx = f.Ctx.WithBlockHeight(h).WithBlockTime(at).
		WithEventManager(sdk.NewEventManager()).
		WithLogger(log.NewLogger(b.logs, log.OutputJSONOption(), log.ColorOption(false)))
	return b
}

// logLine is one JSON log line.
type logLine struct {
	Level   string `json:"level"`
	Message string `json:"message"`
	Module  string `json:"module"`
	Channel string `json:"channel"`
}

// lines returns the block's log lines with the given message.
func (b block) lines(t *testing.T, message string) []logLine {
	t.Helper()
	var out []logLine
	for _, raw := range strings.Split(strings.TrimSpace(b.logs.String()), "\n") {
		if raw == "" {
			continue
		}
		var l logLine
		require.NoError(t, json.Unmarshal([]byte(raw), &l), raw)
		if l.Message == message {
			out = append(out, l)
		}
	}
	return out
}

// receiveVSC delivers a VSC packet on the CCV channel, as the IBC module
// does, and requires it to be applied.
func receiveVSC(t *testing.T, f *testutil.Fixture, vscID uint64, updates ...abci.ValidatorUpdate) {
	t.Helper()
	packet, data := vscPacket(testutil.ChannelID, vscID, updates)
	require.NoError(t, f.Keeper.OnRecvVSCPacket(f.Ctx, packet, data))
}

func channelState(f *testutil.Fixture, state channeltypes.State) {
	f.ChannelKeeper.EXPECT().GetChannel(gomock.Any(), ccvtypes.ConsumerPortID, testutil.ChannelID).
		Return(channeltypes.Channel{State: state}, true).AnyTimes()
}

// power is the validator set as a map from Validator(seed, _)'s key to its
// power, in the form validatorSet returns.
func power(updates ...abci.ValidatorUpdate) map[string]int64 {
	set := map[string]int64{}
	for _, u := range updates {
		set[u.PubKey.String()] = u.Power
	}
	return set
}

// TestEndBlockHandsUpdatesToCometOnce: the changes of every VSC packet of a
// block reach CometBFT at that block's EndBlock, once, merged per key (the
// latest wins) and in the documented order (power, then key, descending).
// The next EndBlock returns nothing, and the stored set is what CometBFT
// now runs.
func TestEndBlockHandsUpdatesToCometOnce(t *testing.T) {
	f := startedFixture(t, testutil.Validator(1, 10), testutil.Validator(2, 20))
	channelState(f, channeltypes.OPEN)

	nextBlock(f, testutil.GenesisHeight+1, t0)
	require.NoError(t, f.Keeper.BeginBlock(f.Ctx))
	receiveVSC(t, f, 1, testutil.Validator(2, 25), testutil.Validator(3, 5))
	receiveVSC(t, f, 2, testutil.Validator(3, 7), testutil.Validator(1, 0))
	updates, err := f.Keeper.EndBlock(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, []abci.ValidatorUpdate{
		testutil.Validator(2, 25), testutil.Validator(3, 7), testutil.Validator(1, 0),
	}, updates)
	require.Equal(t, power(testutil.Validator(2, 25), testutil.Validator(3, 7)), validatorSet(t, f))
	pending, err := f.Keeper.PendingValidatorUpdates(f.Ctx)
	require.NoError(t, err)
	require.Empty(t, pending, "the accumulated changes are cleared")
	require.Equal(t, []sdk.ConsAddress{testutil.ConsAddress(1), testutil.ConsAddress(2), testutil.ConsAddress(3)},
		f.SlashingHooks.Bonded, "only the newcomer gets x/slashing signing info, once")

	for h := int64(testutil.GenesisHeight + 2); h < testutil.GenesisHeight+4; h++ {
		nextBlock(f, h, t0.Add(time.Duration(h)*time.Second))
		require.NoError(t, f.Keeper.BeginBlock(f.Ctx))
		updates, err := f.Keeper.EndBlock(f.Ctx)
		require.NoError(t, err)
		require.Empty(t, updates, "height %d: the updates were already handed over", h)
		require.Equal(t, power(testutil.Validator(2, 25), testutil.Validator(3, 7)), validatorSet(t, f))
	}
}

// TestValsetUpdateIDRecordedWhereItChanges: a VSC packet received at height
// h puts its id in force from h+1; the map gets an entry only where the id
// changes; of several packets in one block the last one's id wins; and the
// id at every height (what a slash request names) follows.
func TestValsetUpdateIDRecordedWhereItChanges(t *testing.T) {
	f := startedFixture(t, testutil.Validator(1, 10))
	channelState(f, channeltypes.OPEN)
	packets := map[int64][]uint64{ // height -> ids of the VSC packets received there
		11: {1},
		12: {1}, // a repeated id records nothing
		13: {2},
		15: {3, 4},
	}
	for h := int64(testutil.GenesisHeight + 1); h <= 17; h++ {
		nextBlock(f, h, t0.Add(time.Duration(h)*time.Second))
		require.NoError(t, f.Keeper.BeginBlock(f.Ctx))
		for _, id := range packets[h] {
			receiveVSC(t, f, id)
		}
		_, err := f.Keeper.EndBlock(f.Ctx)
		require.NoError(t, err)
	}

	entries := map[uint64]uint64{}
	require.NoError(t, f.Keeper.HeightToValsetUpdateID.Walk(f.Ctx, nil, func(h, id uint64) (bool, error) {
		entries[h] = id
		return false, nil
	}))
	require.Equal(t, map[uint64]uint64{testutil.GenesisHeight: 0, 12: 1, 14: 2, 16: 4}, entries)
	for _, h := range []uint64{12, 14, 16} {
		recorded, err := f.Keeper.HeightToValsetUpdateIDTime.Get(f.Ctx, h)
		require.NoError(t, err, "entry %d has a record time", h)
		require.Equal(t, t0.Add(time.Duration(h-1)*time.Second).UnixNano(), recorded,
			"entry %d is timed at the block whose packet recorded it", h)
	}

	want := map[int64]uint64{10: 0, 11: 0, 12: 1, 13: 1, 14: 2, 15: 2, 16: 4, 17: 4, 1000: 4}
	for h, id := range want {
		got, known, err := f.Keeper.ValsetUpdateIDAt(f.Ctx, h)
		require.NoError(t, err)
		require.True(t, known, "height %d", h)
		require.Equal(t, id, got, "height %d", h)
	}
}

// TestClosedChannelKeepsLastValidatorSet: once the CCV channel is closed
// the chain neither halts nor changes validators. Every BeginBlock logs one
// error naming the channel (and emits no event); EndBlock returns no
// update, the set stays the last one the provider sent, the channel is not
// closed again, and queued slash requests stay queued.
func TestClosedChannelKeepsLastValidatorSet(t *testing.T) {
	f := startedFixture(t, testutil.Validator(1, 10), testutil.Validator(2, 20))
	nextBlock(f, testutil.GenesisHeight+1, t0)
	receiveVSC(t, f, 1, testutil.Validator(3, 30))
	updates, err := f.Keeper.EndBlock(f.Ctx)
	require.NoError(t, err)
	require.Len(t, updates, 1)
	lastSet := validatorSet(t, f)

	// The channel closes. A real channel keeper then refuses to send on it.
	channelState(f, channeltypes.CLOSED)
	f.ICS4.Err = channeltypes.ErrInvalidChannelState
	downtime(t, f, 1, testutil.GenesisHeight+1)
	queued := pendingPackets(t, f)
	require.Len(t, queued, 1)

	for h := int64(testutil.GenesisHeight + 2); h < testutil.GenesisHeight+5; h++ {
		b := nextBlock(f, h, t0.Add(time.Duration(h)*time.Minute))
		require.NoError(t, f.Keeper.BeginBlock(f.Ctx))
		updates, err := f.Keeper.EndBlock(f.Ctx)
		require.NoError(t, err, "height %d: the chain does not halt", h)
		require.Empty(t, updates, "height %d", h)
		require.Equal(t, lastSet, validatorSet(t, f), "height %d: the last set is kept", h)
		require.Equal(t, queued, pendingPackets(t, f), "height %d: the request waits", h)
		require.Empty(t, f.ICS4.Sent)

		warnings := b.lines(t, closedChannelLog)
		require.Len(t, warnings, 1, "height %d: one warning per block", h)
		require.Equal(t, "error", warnings[0].Level)
		require.Equal(t, testutil.ChannelID, warnings[0].Channel)
		require.Equal(t, "x/"+types.ModuleName, warnings[0].Module)
		require.Empty(t, f.Ctx.EventManager().Events(), "height %d: no event, only the log", h)
	}
}

// TestOpenChannelLogsNoWarning: the closed-channel warning is not logged
// while the channel is open, nor before it is established.
func TestOpenChannelLogsNoWarning(t *testing.T) {
	f := startedFixture(t, testutil.Validator(1, 10))
	b := nextBlock(f, testutil.GenesisHeight+1, t0)
	require.NoError(t, f.Keeper.BeginBlock(f.Ctx), "before establishment the channel is not even looked up")
	require.Empty(t, b.lines(t, closedChannelLog))

	receiveVSC(t, f, 1)
	channelState(f, channeltypes.OPEN)
	b = nextBlock(f, testutil.GenesisHeight+2, t0)
	require.NoError(t, f.Keeper.BeginBlock(f.Ctx))
	require.Empty(t, b.lines(t, closedChannelLog))
}

// TestDisabledModuleIsInert: with enabled = false the module neither
// returns updates nor sends, prunes, applies or records anything, even
// with state an enabled module would act on.
func TestDisabledModuleIsInert(t *testing.T) {
	f := testutil.NewFixture(t)
	updates, err := f.Keeper.InitGenesis(f.Ctx, types.DefaultGenesisState())
	require.NoError(t, err)
	require.Empty(t, updates)
	has, err := f.Keeper.InitGenesisHeight.Has(f.Ctx)
	require.NoError(t, err)
	require.False(t, has, "a disabled genesis records nothing")

	// State an enabled module would apply, send and prune.
	require.NoError(t, f.Keeper.AccumulateChanges(f.Ctx, []abci.ValidatorUpdate{testutil.Validator(1, 10)}))
	require.NoError(t, f.Keeper.ProviderChannelID.Set(f.Ctx, testutil.ChannelID))
	require.NoError(t, f.Keeper.AppendPendingPacket(f.Ctx, slashPacketData(1, 0, downtimeInfraction)))
	old := t0.Add(-365 * 24 * time.Hour).UnixNano()
	for h, id := range map[uint64]uint64{1: 0, 2: 1, 3: 2} {
		require.NoError(t, f.Keeper.HeightToValsetUpdateID.Set(f.Ctx, h, id))
		require.NoError(t, f.Keeper.HeightToValsetUpdateIDTime.Set(f.Ctx, h, old))
	}

	for h := int64(testutil.GenesisHeight); h < testutil.GenesisHeight+3; h++ {
		nextBlock(f, h, t0)
		require.NoError(t, f.Keeper.BeginBlock(f.Ctx))
		downtime(t, f, 2, h)
		updates, err := f.Keeper.EndBlock(f.Ctx)
		require.NoError(t, err)
		require.Empty(t, updates, "height %d", h)
		require.Empty(t, f.Ctx.EventManager().Events(), "height %d", h)
	}

	require.Empty(t, f.ICS4.Sent, "nothing is sent")
	require.Equal(t, []ccvtypes.ConsumerPacketData{slashPacketData(1, 0, downtimeInfraction)}, pendingPackets(t, f),
		"no request is queued")
	require.False(t, flagged(t, f, 2))
	require.Empty(t, validatorSet(t, f), "no update is applied")
	pending, err := f.Keeper.PendingValidatorUpdates(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, []abci.ValidatorUpdate{testutil.Validator(1, 10)}, pending, "nor cleared")
	for h := uint64(1); h <= 3; h++ {
		has, err := f.Keeper.HeightToValsetUpdateID.Has(f.Ctx, h)
		require.NoError(t, err)
		require.True(t, has, "entry %d is not pruned", h)
	}
	has, err = f.Keeper.HeightToValsetUpdateID.Has(f.Ctx, testutil.GenesisHeight+1)
	require.NoError(t, err)
	require.False(t, has, "nothing new is recorded")
	// The mocked channel keeper fails the test on any call: the disabled
	// module does not even look at the channel.
}

// TestSlashRequestsSentInOrderOnceChannelIsUp: requests queued before the
// CCV channel is established wait; from the EndBlock of the block in which
// the first VSC packet arrives they go out in the order they were queued,
// one slash packet at a time, each as soon as the previous one is
// acknowledged, on the CCV channel with a ccv_timeout_period timeout.
func TestSlashRequestsSentInOrderOnceChannelIsUp(t *testing.T) {
	f := startedFixture(t, testutil.Validator(1, 10), testutil.Validator(2, 20), testutil.Validator(3, 30))
	nextBlock(f, testutil.GenesisHeight+1, t0)
	downtime(t, f, 1, testutil.GenesisHeight)
	doubleSign(t, f, 2, testutil.GenesisHeight)
	downtime(t, f, 3, testutil.GenesisHeight)
	_, err := f.Keeper.EndBlock(f.Ctx)
	require.NoError(t, err)
	require.Empty(t, f.ICS4.Sent, "no channel yet")

	want := []ccvtypes.ConsumerPacketData{
		slashPacketData(1, 0, downtimeInfraction),
		slashPacketData(2, 0, doubleSignInfraction),
		slashPacketData(3, 0, downtimeInfraction),
	}
	require.Equal(t, want, pendingPackets(t, f))

	h := int64(testutil.GenesisHeight + 2)
	nextBlock(f, h, t0.Add(time.Minute))
	receiveVSC(t, f, 1)
	for i := range want {
		_, err := f.Keeper.EndBlock(f.Ctx)
		require.NoError(t, err)
		require.Equal(t, want[:i+1], sentData(t, f), "after %d acknowledgements only the next request goes out", i)
		sent := f.ICS4.Sent[i]
		require.Equal(t, testutil.ChannelID, sent.Channel)
		require.Equal(t, uint64(f.Ctx.BlockTime().Add(ccvtypes.DefaultConsumerParams().CcvTimeoutPeriod).UnixNano()),
			sent.TimeoutTimestamp)

		// Nothing more goes out while the request waits for its answer.
		_, err = f.Keeper.EndBlock(f.Ctx)
		require.NoError(t, err)
		require.Len(t, f.ICS4.Sent, i+1)

		h++
		nextBlock(f, h, f.Ctx.BlockTime().Add(time.Minute))
		require.NoError(t, acknowledge(t, f, i, ccvtypes.SlashPacketHandledResult))
		require.Equal(t, want[i+1:], pendingPackets(t, f), "the acknowledged request leaves the queue")
	}
	_, err = f.Keeper.EndBlock(f.Ctx)
	require.NoError(t, err)
	require.Len(t, f.ICS4.Sent, len(want), "the queue is empty")
	require.Empty(t, pendingPackets(t, f))
}
