package keeper

import (
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	"github.com/cosmos/ibc-go/v11/modules/core/exported"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// QueueVSCPackets computes every launched consumer's next validator set and
// queues a VSC packet for each consumer whose set changed. The valset update
// id is then incremented once, whether or not anything was queued.
func (k *Keeper) QueueVSCPackets(ctx sdk.Context) error {
	valsetUpdateID, err := k.ValsetUpdateID.Get(ctx)
	if err != nil {
		return err
	}
	launched, err := k.ConsumerIDsInPhase(ctx, types.CONSUMER_PHASE_LAUNCHED)
	if err != nil {
		return err
	}
	// Staking does not change during the epoch's work: read it once.
	ev, err := k.newEpochValidators(ctx)
	if err != nil {
		return err
	}
	for _, consumerID := range launched {
		err := k.runIsolated(ctx, "queue VSC packet for consumer "+consumerID, func(ctx sdk.Context) error {
			return k.queueVSCPacket(ctx, consumerID, valsetUpdateID, ev)
		})
		if err != nil {
			if err := k.stopConsumerFor(ctx, consumerID, err.Error()); err != nil {
				return err
			}
		}
	}
	return k.ValsetUpdateID.Set(ctx, valsetUpdateID+1)
}

func (k *Keeper) queueVSCPacket(ctx sdk.Context, consumerID string, valsetUpdateID uint64, ev *epochValidators) error {
	current, err := k.GetConsumerValSet(ctx, consumerID)
	if err != nil {
		return err
	}
	next, err := k.computeConsumerNextValSet(ctx, consumerID, ev, current)
	if err != nil {
		return err
	}
	if len(next) == 0 && len(current) > 0 {
		// CometBFT halts on an empty set: the consumer keeps its validators
		// until someone may validate it again.
		k.Logger(ctx).Error("consumer would have no validator; its set is kept", "consumer_id", consumerID)
		return nil
	}
	updates := DiffValidators(current, next)
	acks, err := k.takeSlashAcks(ctx, consumerID)
	if err != nil {
		return err
	}
	// Slash acks alone are worth a packet: they let the consumer report
	// those validators again.
	if len(updates) == 0 && len(acks) == 0 {
		return nil
	}
	if err := k.replaceConsumerValSet(ctx, consumerID, current, next); err != nil {
		return err
	}
	return k.appendPendingVSC(ctx, consumerID, ccv.NewValidatorSetChangePacketData(updates, valsetUpdateID, acks))
}

// takeSlashAcks returns and forgets the consumer addresses whose downtime
// was handled since the consumer's last VSC packet.
func (k *Keeper) takeSlashAcks(ctx sdk.Context, consumerID string) ([]string, error) {
	acks, err := getOptional(ctx, k.SlashAcks, consumerID)
	if err != nil || len(acks.Addresses) == 0 {
		return nil, err
	}
	return acks.Addresses, k.SlashAcks.Remove(ctx, consumerID)
}

func (k *Keeper) appendPendingVSC(ctx sdk.Context, consumerID string, packet ccv.ValidatorSetChangePacketData) error {
	pending, err := getOptional(ctx, k.PendingVSCPackets, consumerID)
	if err != nil {
		return err
	}
	pending.List = append(pending.List, packet)
	return k.PendingVSCPackets.Set(ctx, consumerID, pending)
}

// SendPendingVSCPackets sends the queued packets of every launched consumer
// whose channel is established.
func (k *Keeper) SendPendingVSCPackets(ctx sdk.Context) error {
	var consumerIDs []string
	err := k.PendingVSCPackets.Walk(ctx, nil, func(consumerID string, _ types.ValidatorSetChangePackets) (bool, error) {
		consumerIDs = append(consumerIDs, consumerID)
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, consumerID := range consumerIDs {
		err := k.runIsolated(ctx, "send VSC packets to consumer "+consumerID, func(ctx sdk.Context) error {
			return k.sendVSCPackets(ctx, consumerID)
		})
		if err != nil {
			if err := k.stopConsumerFor(ctx, consumerID, err.Error()); err != nil {
				return err
			}
		}
	}
	return nil
}

// sendVSCPackets sends a consumer's queued packets in order. If the
// consumer's client has expired, the packets stay queued until a relayer
// revives it; any other failure is returned and stops the consumer.
func (k *Keeper) sendVSCPackets(ctx sdk.Context, consumerID string) error {
	phase, err := k.consumerPhase(ctx, consumerID)
	if err != nil || phase != types.CONSUMER_PHASE_LAUNCHED {
		return err
	}
	channelID, err := k.ConsumerChannelID.Get(ctx, consumerID)
	if errors.Is(err, collections.ErrNotFound) {
		return nil // not established yet: keep them queued
	}
	if err != nil {
		return err
	}
	pending, err := k.PendingVSCPackets.Get(ctx, consumerID)
	if err != nil {
		return err
	}
	timeout := uint64(ctx.BlockTime().Add(k.mustGetParams(ctx).CcvTimeoutPeriod).UnixNano())
	sent := 0
	for _, packet := range pending.List {
		_, err := k.ics4Wrapper.SendPacket(ctx, ccv.ProviderPortID, channelID, clienttypes.ZeroHeight(), timeout, packet.GetBytes())
		if errors.Is(err, clienttypes.ErrClientNotActive) {
			k.Logger(ctx).Info("consumer client is not active; VSC packets stay queued", "consumer_id", consumerID)
			break
		}
		if err != nil {
			return errorsmod.Wrapf(err, "sending VSC packet %d", packet.ValsetUpdateId)
		}
		emitEvent(ctx, EventVSCPacketSent{ConsumerID: consumerID, ChannelID: channelID, ValsetUpdateID: packet.ValsetUpdateId, Updates: len(packet.ValidatorUpdates)})
		sent++
	}
	if sent == len(pending.List) {
		return k.PendingVSCPackets.Remove(ctx, consumerID)
	}
	pending.List = pending.List[sent:]
	return k.PendingVSCPackets.Set(ctx, consumerID, pending)
}

// OnRecvConsumerPacket handles a packet from a consumer. Any bad input gets
// an error acknowledgement; nothing a consumer sends can panic the provider.
func (k *Keeper) OnRecvConsumerPacket(ctx sdk.Context, packet channeltypes.Packet) exported.Acknowledgement {
	consumerID, err := k.ChannelIDToConsumerID.Get(ctx, packet.DestinationChannel)
	if err != nil {
		return ccv.NewErrorAck(errorsmod.Wrapf(ccv.ErrInvalidChannelFlow, "channel %s is not a consumer's CCV channel", packet.DestinationChannel))
	}
	data, err := ccv.UnmarshalConsumerPacketData(packet.GetData())
	if err != nil {
		k.Logger(ctx).Error("malformed consumer packet", "consumer_id", consumerID, "error", err)
		return ccv.NewErrorAck(err)
	}
	if err := data.Validate(); err != nil {
		k.Logger(ctx).Error("invalid consumer packet", "consumer_id", consumerID, "error", err)
		return ccv.NewErrorAck(err)
	}
	switch data.Type {
	case ccv.VscMaturedPacket:
		// Deprecated: nothing waits for maturity any more.
		return ccv.NewResultAck(ccv.V1Result)
	case ccv.SlashPacket:
		return k.OnRecvSlashPacket(ctx, consumerID, *data.GetSlashPacketData())
	default:
		return ccv.NewErrorAck(errorsmod.Wrapf(ccv.ErrInvalidPacketData, "unknown packet type %s", data.Type))
	}
}

// OnAcknowledgementPacket handles the consumer's answer to a VSC packet: an
// error acknowledgement means the consumer cannot apply our updates, so it
// is no longer secured and is stopped.
func (k *Keeper) OnAcknowledgementPacket(ctx sdk.Context, packet channeltypes.Packet, ack channeltypes.Acknowledgement) error {
	consumerID, err := k.ChannelIDToConsumerID.Get(ctx, packet.SourceChannel)
	if err != nil {
		return errorsmod.Wrapf(ccv.ErrInvalidChannelFlow, "channel %s is not a consumer's CCV channel", packet.SourceChannel)
	}
	errAck, isErr := ack.Response.(*channeltypes.Acknowledgement_Error)
	if !isErr {
		emitEvent(ctx, EventAcknowledgement{ConsumerID: consumerID, ChannelID: packet.SourceChannel})
		return nil
	}
	emitEvent(ctx, EventAcknowledgement{ConsumerID: consumerID, ChannelID: packet.SourceChannel, AckError: errAck.Error})
	return k.stopConsumerFor(ctx, consumerID, "consumer returned an error acknowledgement: "+errAck.Error)
}

// OnTimeoutPacket stops a consumer whose VSC packet timed out: it has not
// followed the provider's validator set in time.
func (k *Keeper) OnTimeoutPacket(ctx sdk.Context, packet channeltypes.Packet) error {
	consumerID, err := k.ChannelIDToConsumerID.Get(ctx, packet.SourceChannel)
	if err != nil {
		return errorsmod.Wrapf(ccv.ErrInvalidChannelFlow, "channel %s is not a consumer's CCV channel", packet.SourceChannel)
	}
	emitEvent(ctx, EventTimeout{ConsumerID: consumerID, ChannelID: packet.SourceChannel})
	return k.stopConsumerFor(ctx, consumerID, "VSC packet timed out")
}
