package keeper

import (
	"bytes"

	sdk "github.com/cosmos/cosmos-sdk/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

// The slash record is a small state machine around the slash packet at the
// head of the pending queue:
//
//	no record                      sending is free
//	  -- slash packet sent -->     {waiting_on_reply: true, send_time: now}   sending blocked
//	  -- ack byte 1 or 2 -->       no record, packet popped
//	  -- ack byte 3 (bounced) -->  {waiting_on_reply: false, send_time}      blocked until
//	                                                                        send_time + retry_delay_period
//	  -- retry delay passed -->    the head is sent again
//
// An error acknowledgement closes the channel (relay.go) and a timeout
// closes it too; either ends sending for good.

// sendingAllowed tells whether the slash record lets packets go out.
func (k *Keeper) sendingAllowed(ctx sdk.Context, params ccvtypes.ConsumerParams) (bool, error) {
	record, found, err := getOptional(ctx, k.SlashRecord)
	if err != nil || !found {
		return err == nil, err
	}
	if record.WaitingOnReply {
		return false, nil
	}
	return !ctx.BlockTime().Before(record.SendTime.Add(params.RetryDelayPeriod)), nil
}

// onPacketResult handles a successful acknowledgement of a consumer packet.
// For a slash packet, the result bytes say handled (1 or 2: pop it) or
// bounced (3: retry after the delay); other bytes are refused with an
// error. Acknowledgements of VSCMatured packets need nothing.
//
// An acknowledgement counts only if its packet is the head of the queue,
// byte for byte. The slash record is not part of the genesis format, so a
// chain restarted from an export sends its head slash packet again; the
// provider answers both copies and the second answer finds the queue moved
// on, which leaves it without effect.
//
// Spec tag: [CCV-CCF-ACKSLASH.1]
func (k *Keeper) onPacketResult(ctx sdk.Context, packet channeltypes.Packet, result []byte) error {
	data, err := ccvtypes.UnmarshalConsumerPacketData(packet.GetData())
	if err != nil || data.Type != ccvtypes.SlashPacket {
		return nil
	}
	outcome, err := ccvtypes.ParseSlashAckResult(result)
	if err != nil {
		return err
	}
	head, found, err := k.headPacket(ctx)
	if err != nil {
		return err
	}
	if !found || !bytes.Equal(head.data.GetBytes(), packet.GetData()) {
		k.Logger(ctx).Info("acknowledgement of a slash packet that is no longer at the head of the queue; ignored",
			"channel", packet.SourceChannel, "sequence", packet.Sequence)
		return nil
	}
	if outcome == ccvtypes.SlashAckBounced {
		return k.markBounced(ctx, packet)
	}
	if err := k.PendingPackets.Remove(ctx, head.seq); err != nil {
		return err
	}
	return k.SlashRecord.Remove(ctx)
}

// markBounced keeps the slash packet at the head and lets it go out again
// retry_delay_period after it was sent.
func (k *Keeper) markBounced(ctx sdk.Context, packet channeltypes.Packet) error {
	record, found, err := getOptional(ctx, k.SlashRecord)
	if err != nil {
		return err
	}
	if !found {
		record = types.SlashRecord{SendTime: ctx.BlockTime()}
	}
	record.WaitingOnReply = false
	k.Logger(ctx).Info("the provider bounced a slash packet (slash meter empty); it will be sent again",
		"sequence", packet.Sequence, "sent", record.SendTime)
	return k.SlashRecord.Set(ctx, record)
}

func (k *Keeper) headPacket(ctx sdk.Context) (pendingPacket, bool, error) {
	iter, err := k.PendingPackets.Iterate(ctx, nil)
	if err != nil {
		return pendingPacket{}, false, err
	}
	defer iter.Close()
	if !iter.Valid() {
		return pendingPacket{}, false, nil
	}
	kv, err := iter.KeyValue()
	if err != nil {
		return pendingPacket{}, false, err
	}
	return pendingPacket{seq: kv.Key, data: kv.Value}, true, nil
}
