package keeper_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

func vscMatured(id uint64) ccvtypes.ConsumerPacketData {
	return ccvtypes.ConsumerPacketData{
		Type: ccvtypes.VscMaturedPacket,
		Data: &ccvtypes.ConsumerPacketData_VscMaturedPacketData{VscMaturedPacketData: &ccvtypes.VSCMaturedPacketData{ValsetUpdateId: id}},
	}
}

// TestSendPackets: what one EndBlock sends, and what it leaves queued.
func TestSendPackets(t *testing.T) {
	slash1, slash2 := slashPacketData(1, 0, downtimeInfraction), slashPacketData(2, 0, downtimeInfraction)
	cases := []struct {
		name       string
		prepare    func(t *testing.T, f *testutil.Fixture)
		queue      []ccvtypes.ConsumerPacketData
		wantSent   []ccvtypes.ConsumerPacketData
		wantQueue  []ccvtypes.ConsumerPacketData
		wantRecord *types.SlashRecord
	}{
		{
			name: "nothing goes out before the channel is established",
			prepare: func(t *testing.T, f *testutil.Fixture) {
				require.NoError(t, f.Keeper.ProviderChannelID.Remove(f.Ctx))
			},
			queue:     []ccvtypes.ConsumerPacketData{slash1},
			wantQueue: []ccvtypes.ConsumerPacketData{slash1},
		},
		{
			name:       "first in, first out; a slash packet stops the batch and stays at the head",
			queue:      []ccvtypes.ConsumerPacketData{vscMatured(1), vscMatured(2), slash1, slash2},
			wantSent:   []ccvtypes.ConsumerPacketData{vscMatured(1), vscMatured(2), slash1},
			wantQueue:  []ccvtypes.ConsumerPacketData{slash1, slash2},
			wantRecord: &types.SlashRecord{WaitingOnReply: true, SendTime: t0},
		},
		{
			name: "nothing goes out while a slash packet waits for its acknowledgement",
			prepare: func(t *testing.T, f *testutil.Fixture) {
				require.NoError(t, f.Keeper.SlashRecord.Set(f.Ctx, types.SlashRecord{WaitingOnReply: true, SendTime: t0.Add(-48 * time.Hour)}))
			},
			queue:      []ccvtypes.ConsumerPacketData{slash1, vscMatured(1)},
			wantQueue:  []ccvtypes.ConsumerPacketData{slash1, vscMatured(1)},
			wantRecord: &types.SlashRecord{WaitingOnReply: true, SendTime: t0.Add(-48 * time.Hour)},
		},
		{
			name: "a bounced packet is not resent before retry_delay_period has passed",
			prepare: func(t *testing.T, f *testutil.Fixture) {
				require.NoError(t, f.Keeper.SlashRecord.Set(f.Ctx, types.SlashRecord{SendTime: t0.Add(-time.Hour + time.Second)}))
			},
			queue:      []ccvtypes.ConsumerPacketData{slash1},
			wantQueue:  []ccvtypes.ConsumerPacketData{slash1},
			wantRecord: &types.SlashRecord{SendTime: t0.Add(-time.Hour + time.Second)},
		},
		{
			name: "a bounced packet is resent once retry_delay_period has passed",
			prepare: func(t *testing.T, f *testutil.Fixture) {
				require.NoError(t, f.Keeper.SlashRecord.Set(f.Ctx, types.SlashRecord{SendTime: t0.Add(-time.Hour)}))
			},
			queue:      []ccvtypes.ConsumerPacketData{slash1, slash2},
			wantSent:   []ccvtypes.ConsumerPacketData{slash1},
			wantQueue:  []ccvtypes.ConsumerPacketData{slash1, slash2},
			wantRecord: &types.SlashRecord{WaitingOnReply: true, SendTime: t0},
		},
		{
			name:      "an expired provider client keeps every packet for the next block",
			prepare:   func(_ *testing.T, f *testutil.Fixture) { f.ICS4.Err = clienttypes.ErrClientNotActive },
			queue:     []ccvtypes.ConsumerPacketData{vscMatured(1), slash1},
			wantQueue: []ccvtypes.ConsumerPacketData{vscMatured(1), slash1},
		},
		{
			name:      "any other send error keeps every packet too",
			prepare:   func(_ *testing.T, f *testutil.Fixture) { f.ICS4.Err = errors.New("channel closed") },
			queue:     []ccvtypes.ConsumerPacketData{slash1},
			wantQueue: []ccvtypes.ConsumerPacketData{slash1},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := establishedFixture(t)
			for _, p := range tc.queue {
				require.NoError(t, f.Keeper.AppendPendingPacket(f.Ctx, p))
			}
			if tc.prepare != nil {
				tc.prepare(t, f)
			}
			endBlock(t, f, t0)

			require.Equal(t, nonNil(tc.wantSent), sentData(t, f))
			require.Equal(t, nonNil(tc.wantQueue), pendingPackets(t, f))
			record, _, err := f.Keeper.ThrottleState(f.Ctx)
			require.NoError(t, err)
			require.Equal(t, tc.wantRecord, record)
			for _, s := range f.ICS4.Sent {
				require.Equal(t, testutil.ChannelID, s.Channel)
				require.Equal(t, uint64(t0.Add(ccvtypes.DefaultConsumerParams().CcvTimeoutPeriod).UnixNano()), s.TimeoutTimestamp)
			}
		})
	}
}

func nonNil(packets []ccvtypes.ConsumerPacketData) []ccvtypes.ConsumerPacketData {
	if packets == nil {
		return []ccvtypes.ConsumerPacketData{}
	}
	return packets
}

// TestSlashAckOutcomes: the provider's answer to the slash packet at the
// head of the queue.
func TestSlashAckOutcomes(t *testing.T) {
	slash1, slash2 := slashPacketData(1, 0, downtimeInfraction), slashPacketData(2, 0, downtimeInfraction)
	later := t0.Add(10 * time.Minute)
	cases := []struct {
		name       string
		result     []byte
		wantErr    error
		wantQueue  []ccvtypes.ConsumerPacketData
		wantRecord *types.SlashRecord
		wantNext   []ccvtypes.ConsumerPacketData // sent by the next EndBlock
	}{
		{
			name: "handled (byte 2): popped, and the next packet goes out", result: ccvtypes.SlashPacketHandledResult,
			wantQueue: []ccvtypes.ConsumerPacketData{slash2}, wantNext: []ccvtypes.ConsumerPacketData{slash2},
		},
		{
			name: "V1 result (byte 1) from an older provider: popped as well", result: ccvtypes.V1Result,
			wantQueue: []ccvtypes.ConsumerPacketData{slash2}, wantNext: []ccvtypes.ConsumerPacketData{slash2},
		},
		{
			name: "bounced (byte 3): kept at the head, retry counted from the send time", result: ccvtypes.SlashPacketBouncedResult,
			wantQueue:  []ccvtypes.ConsumerPacketData{slash1, slash2},
			wantRecord: &types.SlashRecord{WaitingOnReply: false, SendTime: t0},
		},
		{
			name: "an unknown result is refused and changes nothing", result: []byte{4}, wantErr: ccvtypes.ErrInvalidPacketAck,
			wantQueue:  []ccvtypes.ConsumerPacketData{slash1, slash2},
			wantRecord: &types.SlashRecord{WaitingOnReply: true, SendTime: t0},
		},
		{
			name: "a result of several bytes is refused", result: []byte{2, 2}, wantErr: ccvtypes.ErrInvalidPacketAck,
			wantQueue:  []ccvtypes.ConsumerPacketData{slash1, slash2},
			wantRecord: &types.SlashRecord{WaitingOnReply: true, SendTime: t0},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := establishedFixture(t)
			downtime(t, f, 1, testutil.GenesisHeight)
			downtime(t, f, 2, testutil.GenesisHeight)
			endBlock(t, f, t0)
			require.Len(t, f.ICS4.Sent, 1)

			f.Ctx = f.Ctx.WithBlockTime(later)
			err := acknowledge(t, f, 0, tc.result)
			require.ErrorIs(t, err, tc.wantErr)
			require.Equal(t, tc.wantQueue, pendingPackets(t, f))
			record, _, err := f.Keeper.ThrottleState(f.Ctx)
			require.NoError(t, err)
			require.Equal(t, tc.wantRecord, record)

			endBlock(t, f, later)
			require.Equal(t, nonNil(tc.wantNext), sentData(t, f)[1:])
		})
	}
}

// TestBouncedSlashIsRetried follows a bounced packet to its handling: not
// resent before retry_delay_period, resent after, then popped.
func TestBouncedSlashIsRetried(t *testing.T) {
	f := establishedFixture(t)
	downtime(t, f, 1, testutil.GenesisHeight)
	endBlock(t, f, t0)
	require.NoError(t, acknowledge(t, f, 0, ccvtypes.SlashPacketBouncedResult))

	retry := ccvtypes.DefaultConsumerParams().RetryDelayPeriod
	endBlock(t, f, t0.Add(retry-time.Nanosecond))
	require.Len(t, f.ICS4.Sent, 1, "not before the retry delay")
	endBlock(t, f, t0.Add(retry))
	require.Len(t, f.ICS4.Sent, 2, "resent once the delay has passed")
	require.Equal(t, f.ICS4.Sent[0].Data, f.ICS4.Sent[1].Data, "the same request")
	endBlock(t, f, t0.Add(3*retry))
	require.Len(t, f.ICS4.Sent, 2, "waiting for the answer to the resend")

	require.NoError(t, acknowledge(t, f, 1, ccvtypes.SlashPacketHandledResult))
	require.Empty(t, pendingPackets(t, f))
	require.True(t, flagged(t, f, 1), "the flag waits for the slash ack in a VSC packet")
}

// TestErrorAckClosesChannel: the provider refusing a slash packet closes
// the CCV channel; the request stays queued.
func TestErrorAckClosesChannel(t *testing.T) {
	f := establishedFixture(t)
	downtime(t, f, 1, testutil.GenesisHeight)
	endBlock(t, f, t0)
	f.ChannelKeeper.EXPECT().ChanCloseInit(gomock.Any(), ccvtypes.ConsumerPortID, testutil.ChannelID).Return(nil)
	ack := ccvtypes.NewErrorAck(ccvtypes.ErrInvalidPacketData)
	require.NoError(t, f.Keeper.OnAcknowledgementPacket(f.Ctx, sentAsPacket(f.ICS4.Sent[0]), ack))
	require.Len(t, pendingPackets(t, f), 1)
}

// TestSendErrorThenRecovery: packets kept by a failed send go out, in
// order, once sending works again.
func TestSendErrorThenRecovery(t *testing.T) {
	f := establishedFixture(t)
	require.NoError(t, f.Keeper.AppendPendingPacket(f.Ctx, vscMatured(1)))
	downtime(t, f, 1, testutil.GenesisHeight)
	f.ICS4.Err = clienttypes.ErrClientNotActive
	endBlock(t, f, t0)
	endBlock(t, f, t0.Add(time.Minute))
	require.Empty(t, f.ICS4.Sent)

	f.ICS4.Err = nil
	endBlock(t, f, t0.Add(2*time.Minute))
	require.Equal(t, []ccvtypes.ConsumerPacketData{vscMatured(1), slashPacketData(1, 0, downtimeInfraction)}, sentData(t, f))
}

// TestStaleSlashAckIsIgnored: an answer for a packet that is not the head
// (the second copy of a packet resent after a restart) changes nothing.
func TestStaleSlashAckIsIgnored(t *testing.T) {
	f := establishedFixture(t)
	downtime(t, f, 1, testutil.GenesisHeight)
	endBlock(t, f, t0)
	stale := f.ICS4.Sent[0]
	require.NoError(t, acknowledge(t, f, 0, ccvtypes.SlashPacketHandledResult))

	downtime(t, f, 2, testutil.GenesisHeight)
	endBlock(t, f, t0)
	for _, result := range [][]byte{ccvtypes.SlashPacketHandledResult, ccvtypes.SlashPacketBouncedResult} {
		require.NoError(t, f.Keeper.OnAcknowledgementPacket(f.Ctx, sentAsPacket(stale), ccvtypes.NewResultAck(result)))
		require.Equal(t, []ccvtypes.ConsumerPacketData{slashPacketData(2, 0, downtimeInfraction)}, pendingPackets(t, f))
		record, _, err := f.Keeper.ThrottleState(f.Ctx)
		require.NoError(t, err)
		require.Equal(t, &types.SlashRecord{WaitingOnReply: true, SendTime: t0}, record)
	}
}

func TestThrottleState(t *testing.T) {
	f := establishedFixture(t)
	record, queue, err := f.Keeper.ThrottleState(f.Ctx)
	require.NoError(t, err)
	require.Nil(t, record)
	require.Empty(t, queue)

	downtime(t, f, 1, testutil.GenesisHeight)
	doubleSign(t, f, 2, testutil.GenesisHeight)
	endBlock(t, f, t0)
	record, queue, err = f.Keeper.ThrottleState(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, &types.SlashRecord{WaitingOnReply: true, SendTime: t0}, record)
	require.Equal(t, []ccvtypes.ConsumerPacketData{
		slashPacketData(1, 0, downtimeInfraction), slashPacketData(2, 0, doubleSignInfraction),
	}, queue)
}
