package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// A phase that cannot be read is a broken store, not a missing consumer:
// messages get the error and the block's packet sending halts, rather than
// a launched consumer being skipped as if it did not exist.
func TestConsumerPhaseReadErrorsSurface(t *testing.T) {
	f := newFixture(t, 10, 20)
	id := f.launchedConsumer("07-tendermint-0")
	require.NoError(t, f.k.ConsumerChannelID.Set(f.ctx, id, "channel-0"))
	require.NoError(t, f.k.PendingVSCPackets.Set(f.ctx, id, types.ValidatorSetChangePackets{List: []ccv.ValidatorSetChangePacketData{{ValsetUpdateId: 1}}}))
	phaseKey, err := collections.EncodeKeyWithPrefix(types.ConsumerPhaseKey, collections.StringKey, id)
	require.NoError(t, err)
	f.ctx.KVStore(f.storeKey).Set(phaseKey, []byte{1}) // an int32 takes four bytes

	_, err = f.msgServer().RemoveConsumer(f.ctx, &types.MsgRemoveConsumer{ConsumerId: id, Owner: ownerAddr})
	require.Error(t, err)
	require.NotErrorIs(t, err, types.ErrUnknownConsumerID)

	require.Error(t, f.k.SendPendingVSCPackets(f.ctx))
	require.Panics(t, func() { f.k.MustGetConsumerPhase(f.ctx, id) })
}
