package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

// TestRestartWithSlashInFlight: the genesis format has no slash record, so
// a chain exported while a slash packet waits for its answer sends it again
// after the restart. The answer to either copy pops it; the other answer
// then finds the queue moved on and is ignored. Queue and flags survive.
func TestRestartWithSlashInFlight(t *testing.T) {
	for _, answerFirst := range []string{"original", "resend"} {
		t.Run("the "+answerFirst+" is answered first", func(t *testing.T) {
			src := establishedFixture(t)
			downtime(t, src, 1, testutil.GenesisHeight)
			downtime(t, src, 2, testutil.GenesisHeight)
			endBlock(t, src, t0)
			require.Len(t, src.ICS4.Sent, 1)

			gs, err := src.Keeper.ExportGenesis(src.Ctx)
			require.NoError(t, err)
			dst := testutil.NewFixture(t)
			dst.Ctx = dst.Ctx.WithBlockHeight(testutil.GenesisHeight + 1).WithBlockTime(t0.Add(time.Minute))
			_, err = dst.Keeper.InitGenesis(dst.Ctx, gs)
			require.NoError(t, err)
			require.Equal(t, pendingPackets(t, src), pendingPackets(t, dst))
			require.True(t, flagged(t, dst, 1))
			require.True(t, flagged(t, dst, 2))

			endBlock(t, dst, t0.Add(time.Minute))
			require.Len(t, dst.ICS4.Sent, 1)
			require.Equal(t, src.ICS4.Sent[0].Data, dst.ICS4.Sent[0].Data, "the head slash packet is sent again")

			original := sentAsPacket(src.ICS4.Sent[0])
			resend := sentAsPacket(dst.ICS4.Sent[0])
			first, second := original, resend
			if answerFirst == "resend" {
				first, second = resend, original
			}
			handled := ccvtypes.NewResultAck(ccvtypes.SlashPacketHandledResult)
			require.NoError(t, dst.Keeper.OnAcknowledgementPacket(dst.Ctx, first, handled))
			endBlock(t, dst, t0.Add(2*time.Minute))
			require.Len(t, dst.ICS4.Sent, 2, "the next request goes out")

			require.NoError(t, dst.Keeper.OnAcknowledgementPacket(dst.Ctx, second, handled))
			require.Equal(t, []ccvtypes.ConsumerPacketData{slashPacketData(2, 0, downtimeInfraction)}, pendingPackets(t, dst),
				"the duplicate answer pops nothing")
			record, _, err := dst.Keeper.ThrottleState(dst.Ctx)
			require.NoError(t, err)
			require.Equal(t, &types.SlashRecord{WaitingOnReply: true, SendTime: t0.Add(2 * time.Minute)}, record)
		})
	}
}
