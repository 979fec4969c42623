package keeper

import (
	"errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

// AppendPendingPacket queues a packet for the provider, behind all others.
func (k *Keeper) AppendPendingPacket(ctx sdk.Context, data ccvtypes.ConsumerPacketData) error {
	seq, err := k.PendingPacketsSequence.Next(ctx)
	if err != nil {
		return err
	}
	return k.PendingPackets.Set(ctx, seq, data)
}

// GetPendingPackets returns the queued packets, oldest first.
func (k *Keeper) GetPendingPackets(ctx sdk.Context) ([]ccvtypes.ConsumerPacketData, error) {
	entries, err := k.pendingPacketEntries(ctx)
	packets := make([]ccvtypes.ConsumerPacketData, 0, len(entries))
	for _, e := range entries {
		packets = append(packets, e.data)
	}
	return packets, err
}

// ThrottleState returns the slash record (nil when there is none) and the
// queued packets, oldest first: what QueryThrottleState answers.
func (k *Keeper) ThrottleState(ctx sdk.Context) (*types.SlashRecord, []ccvtypes.ConsumerPacketData, error) {
	record, found, err := getOptional(ctx, k.SlashRecord)
	if err != nil {
		return nil, nil, err
	}
	packets, err := k.GetPendingPackets(ctx)
	if err != nil || !found {
		return nil, packets, err
	}
	return &record, packets, nil
}

type pendingPacket struct {
	seq  uint64
	data ccvtypes.ConsumerPacketData
}

func (k *Keeper) pendingPacketEntries(ctx sdk.Context) ([]pendingPacket, error) {
	var entries []pendingPacket
	err := k.PendingPackets.Walk(ctx, nil, func(seq uint64, data ccvtypes.ConsumerPacketData) (bool, error) {
		entries = append(entries, pendingPacket{seq: seq, data: data})
		return false, nil
	})
	return entries, err
}

// SendPackets sends the queued packets to the provider in order, once the
// CCV channel is established and the slash record allows it. A slash
// packet stays at the head of the queue after it is sent, and nothing
// behind it goes out until the provider has handled it (slash_record.go).
// A packet that cannot be sent (an expired provider client, a closed
// channel) stays queued and is tried again next block; only a store
// failure is returned.
//
// Spec tag: [CCV-CCF-SNDPESLASH.1]
func (k *Keeper) SendPackets(ctx sdk.Context) error {
	channelID, found, err := k.ProviderChannel(ctx)
	if err != nil || !found {
		return err
	}
	params, err := k.GetConsumerParams(ctx)
	if err != nil {
		return err
	}
	if free, err := k.sendingAllowed(ctx, params); err != nil || !free {
		return err
	}
	entries, err := k.pendingPacketEntries(ctx)
	if err != nil {
		return err
	}
	timeout := uint64(ctx.BlockTime().Add(params.CcvTimeoutPeriod).UnixNano())
	for _, e := range entries {
		if err := k.sendPacket(ctx, channelID, timeout, e.data); err != nil {
			k.logSendFailure(ctx, channelID, err)
			return nil
		}
		if e.data.Type == ccvtypes.SlashPacket {
			return k.SlashRecord.Set(ctx, types.SlashRecord{WaitingOnReply: true, SendTime: ctx.BlockTime()})
		}
		if err := k.PendingPackets.Remove(ctx, e.seq); err != nil {
			return err
		}
	}
	return nil
}

// sendPacket sends through the ICS4 wrapper in a cached context, so that a
// failed send leaves no partial write behind.
func (k *Keeper) sendPacket(ctx sdk.Context, channelID string, timeout uint64, data ccvtypes.ConsumerPacketData) error {
	if k.ics4Wrapper == nil {
		return errors.New("no ICS4 wrapper: the app must call SetICS4Wrapper")
	}
	cacheCtx, write := ctx.CacheContext()
	_, err := k.ics4Wrapper.SendPacket(cacheCtx, ccvtypes.ConsumerPortID, channelID, clienttypes.ZeroHeight(), timeout, data.GetBytes())
	if err != nil {
		return err
	}
	write()
	return nil
}

func (k *Keeper) logSendFailure(ctx sdk.Context, channelID string, err error) {
	if errors.Is(err, clienttypes.ErrClientNotActive) {
		k.Logger(ctx).Info("the provider client is not active; consumer packets stay queued until a relayer updates it",
			"channel", channelID, "error", err)
		return
	}
	k.Logger(ctx).Error("cannot send consumer packets; they stay queued", "channel", channelID, "error", err)
}
