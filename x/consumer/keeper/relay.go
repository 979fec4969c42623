package keeper

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

// OnRecvVSCPacket handles a validator set change from the provider. The
// first one establishes the channel it arrived on; later ones must come on
// that channel. Every check runs before any write, so a refused packet
// leaves no trace (core IBC also discards the writes of an error ack).
//
// Spec tag: [CCV-CCF-RCVVSC.1]
func (k *Keeper) OnRecvVSCPacket(ctx sdk.Context, packet channeltypes.Packet, data ccvtypes.ValidatorSetChangePacketData) error {
	if err := data.Validate(); err != nil {
		return err
	}
	established, found, err := k.ProviderChannel(ctx)
	if err != nil {
		return err
	}
	if found && established != packet.DestinationChannel {
		return errorsmod.Wrapf(types.ErrUnexpectedChannel, "expected %s, got %s", established, packet.DestinationChannel)
	}
	if err := ccvtypes.ValidateValidatorUpdates(data.ValidatorUpdates); err != nil {
		return err
	}
	if err := validateUpdateKeys(ctx, data.ValidatorUpdates); err != nil {
		return err
	}
	if err := k.checkResultingSet(ctx, data.ValidatorUpdates); err != nil {
		return err
	}
	acked, err := parseSlashAcks(data.SlashAcks)
	if err != nil {
		return err
	}

	if !found {
		if err := k.ProviderChannelID.Set(ctx, packet.DestinationChannel); err != nil {
			return err
		}
		k.Logger(ctx).Info("CCV channel established", "channel", packet.DestinationChannel)
		emitEvent(ctx, EventChannelEstablished{ChannelID: packet.DestinationChannel, PortID: packet.DestinationPort})
	}
	if err := k.AccumulateChanges(ctx, data.ValidatorUpdates); err != nil {
		return err
	}
	// Blocks from the next one on are validated by the set this packet
	// brings, so infractions there are reported under its id.
	if err := k.recordValsetUpdateID(ctx, uint64(ctx.BlockHeight())+1, data.ValsetUpdateId); err != nil {
		return err
	}
	for _, addr := range acked {
		if err := k.OutstandingDowntime.Remove(ctx, addr); err != nil {
			return err
		}
	}
	k.Logger(ctx).Info("VSC packet received", "vscID", data.ValsetUpdateId, "updates", len(data.ValidatorUpdates), "slashAcks", len(acked))
	return nil
}

// parseSlashAcks decodes the consensus addresses whose downtime the provider
// has handled; they carry the provider's bech32 prefix.
func parseSlashAcks(acks []string) ([]sdk.ConsAddress, error) {
	addrs := make([]sdk.ConsAddress, 0, len(acks))
	for i, ack := range acks {
		addr, err := types.ParseConsAddressAnyPrefix(ack)
		if err != nil {
			return nil, errorsmod.Wrapf(types.ErrInvalidSlashAck, "slash ack %d: %s", i, err)
		}
		addrs = append(addrs, addr)
	}
	return addrs, nil
}

// OnAcknowledgementPacket handles the provider's answer to a packet the
// consumer sent. An error acknowledgement means the provider refused the
// packet: the consumer closes the CCV channel rather than go on with a
// provider that disagrees with it. A result drives the slash record
// (slash_record.go).
//
// Spec tag: [CCV-CCF-ACKP.1]
func (k *Keeper) OnAcknowledgementPacket(ctx sdk.Context, packet channeltypes.Packet, ack channeltypes.Acknowledgement) error {
	emitEvent(ctx, EventAcknowledgement{Ack: ack})
	if errMsg := ack.GetError(); errMsg != "" {
		k.Logger(ctx).Error("provider refused a consumer packet; closing the CCV channel",
			"channel", packet.SourceChannel, "sequence", packet.Sequence, "error", errMsg)
		k.closeCCVChannels(ctx, packet.SourceChannel)
		return nil
	}
	return k.onPacketResult(ctx, packet, ack.GetResult())
}

// OnTimeoutPacket handles a consumer packet that timed out. On an ORDERED
// channel core IBC has already closed the channel; the consumer makes sure
// and keeps running with its last validator set.
//
// Spec tag: [CCV-CCF-TOP.1]
func (k *Keeper) OnTimeoutPacket(ctx sdk.Context, packet channeltypes.Packet) error {
	emitEvent(ctx, EventTimeout{ChannelID: packet.SourceChannel})
	k.Logger(ctx).Error("consumer packet timed out; the CCV channel is closed",
		"channel", packet.SourceChannel, "sequence", packet.Sequence)
	k.closeCCVChannels(ctx, packet.SourceChannel)
	return nil
}

// closeCCVChannels closes channelID and the established CCV channel if
// either is still open. A failure is only logged: returning it would undo
// the acknowledgement or timeout and leave the packet stuck on an ORDERED
// channel.
func (k *Keeper) closeCCVChannels(ctx sdk.Context, channelID string) {
	ids := []string{channelID}
	if established, found, err := k.ProviderChannel(ctx); err == nil && found && established != channelID {
		ids = append(ids, established)
	}
	for _, id := range ids {
		ch, found := k.channelKeeper.GetChannel(ctx, ccvtypes.ConsumerPortID, id)
		if !found || ch.State == channeltypes.CLOSED {
			continue
		}
		if err := k.channelKeeper.ChanCloseInit(ctx, ccvtypes.ConsumerPortID, id); err != nil {
			k.Logger(ctx).Error("cannot close the CCV channel", "channel", id, "error", err)
		}
	}
}
