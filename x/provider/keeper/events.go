package keeper

import (
	"strconv"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// Event types and attribute keys. They keep the incumbent's names so that
// explorers and indexers built for it keep working.
const (
	EventTypeCreateConsumer        = "create_consumer"
	EventTypeUpdateConsumer        = "update_consumer"
	EventTypeRemoveConsumer        = "remove_consumer"
	EventTypeConsumerClientCreated = "consumer_client_created"
	EventTypeConsumerLaunchFailed  = "consumer_launch_failed"
	EventTypeConsumerStopped       = "consumer_stopped"
	EventTypeConsumerDeleted       = "consumer_deleted"
	EventTypeChannelEstablished    = "channel_established"
	EventTypeCCVPacket             = "ccv_packet"
	EventTypeTimeout               = "timeout"
	EventTypePacket                = "packet"

	AttributeConsumerID       = "consumer_id"
	AttributeConsumerChainID  = "consumer_chain_id"
	AttributeConsumerPhase    = "consumer_phase"
	AttributeConsumerOwner    = "consumer_owner"
	AttributeSpawnTime        = "consumer_spawn_time"
	AttributeClientID         = "client_id"
	AttributeChannelID        = "channel_id"
	AttributeConnectionID     = "connection_id"
	AttributeValsetUpdateID   = "valset_update_id"
	AttributeInitialHeight    = "initial_height"
	AttributeTrustingPeriod   = "trusting_period"
	AttributeUnbondingPeriod  = "unbonding_period"
	AttributeReason           = "reason"
	AttributeAcknowledgement  = "acknowledgement"
	AttributeAckSuccess       = "success"
	AttributeAckError         = "error"
	AttributeValidatorUpdates = "validator_updates"
)

func emit(ctx sdk.Context, eventType string, attrs ...sdk.Attribute) {
	attrs = append([]sdk.Attribute{sdk.NewAttribute(sdk.AttributeKeyModule, types.ModuleName)}, attrs...)
	ctx.EventManager().EmitEvent(sdk.NewEvent(eventType, attrs...))
}

func emitCreateConsumer(ctx sdk.Context, consumerID, chainID, owner string, spawnTime time.Time) {
	emit(ctx, EventTypeCreateConsumer,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeConsumerChainID, chainID),
		sdk.NewAttribute(AttributeConsumerOwner, owner),
		sdk.NewAttribute(AttributeSpawnTime, spawnTime.UTC().Format(time.RFC3339Nano)),
	)
}

func emitUpdateConsumer(ctx sdk.Context, consumerID string, phase types.ConsumerPhase) {
	emit(ctx, EventTypeUpdateConsumer,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeConsumerPhase, phase.String()),
	)
}

func emitRemoveConsumer(ctx sdk.Context, consumerID string) {
	emit(ctx, EventTypeRemoveConsumer, sdk.NewAttribute(AttributeConsumerID, consumerID))
}

func emitConsumerClientCreated(ctx sdk.Context, consumerID, chainID, clientID string, initialHeight string, trusting, unbonding time.Duration) {
	emit(ctx, EventTypeConsumerClientCreated,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeConsumerChainID, chainID),
		sdk.NewAttribute(AttributeClientID, clientID),
		sdk.NewAttribute(AttributeInitialHeight, initialHeight),
		sdk.NewAttribute(AttributeTrustingPeriod, trusting.String()),
		sdk.NewAttribute(AttributeUnbondingPeriod, unbonding.String()),
	)
}

func emitConsumerLaunchFailed(ctx sdk.Context, consumerID string, err error) {
	emit(ctx, EventTypeConsumerLaunchFailed,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeConsumerPhase, types.CONSUMER_PHASE_REGISTERED.String()),
		sdk.NewAttribute(AttributeReason, err.Error()),
	)
}

func emitConsumerStopped(ctx sdk.Context, consumerID, reason string) {
	emit(ctx, EventTypeConsumerStopped,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeConsumerPhase, types.CONSUMER_PHASE_STOPPED.String()),
		sdk.NewAttribute(AttributeReason, reason),
	)
}

func emitConsumerDeleted(ctx sdk.Context, consumerID string) {
	emit(ctx, EventTypeConsumerDeleted,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeConsumerPhase, types.CONSUMER_PHASE_DELETED.String()),
	)
}

func emitChannelEstablished(ctx sdk.Context, consumerID, channelID, connectionID, clientID string) {
	emit(ctx, EventTypeChannelEstablished,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeChannelID, channelID),
		sdk.NewAttribute(AttributeConnectionID, connectionID),
		sdk.NewAttribute(AttributeClientID, clientID),
	)
}

func emitVSCPacketSent(ctx sdk.Context, consumerID, channelID string, valsetUpdateID uint64, updates int) {
	emit(ctx, EventTypeCCVPacket,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeChannelID, channelID),
		sdk.NewAttribute(AttributeValsetUpdateID, strconv.FormatUint(valsetUpdateID, 10)),
		sdk.NewAttribute(AttributeValidatorUpdates, strconv.Itoa(updates)),
	)
}

func emitAcknowledgement(ctx sdk.Context, consumerID, channelID string, ackErr string) {
	attrs := []sdk.Attribute{
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeChannelID, channelID),
	}
	if ackErr == "" {
		attrs = append(attrs, sdk.NewAttribute(AttributeAckSuccess, "true"))
	} else {
		attrs = append(attrs, sdk.NewAttribute(AttributeAckError, ackErr))
	}
	emit(ctx, EventTypePacket, attrs...)
}

func emitTimeout(ctx sdk.Context, consumerID, channelID string) {
	emit(ctx, EventTypeTimeout,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeChannelID, channelID),
	)
}

// EventTypePunishment is emitted for every punishment carried out for a
// consumer (Rampart's own event; the incumbent's execute_consumer_chain_slash
// and submit_consumer_* events are emitted where the request arrives).
const (
	EventTypePunishment       = "consumer_punishment"
	AttributeProviderAddress  = "provider_validator_address"
	AttributeConsumerAddress  = "consumer_validator_address"
	AttributeOperatorAddress  = "operator_address"
	AttributeInfraction       = "infraction"
	AttributeInfractionHeight = "infraction_height"
	AttributeSlashFraction    = "slash_fraction"
	AttributeSlashedTokens    = "slashed_tokens"
	AttributeJailedUntil      = "jailed_until"
	AttributeTombstoned       = "tombstoned"
	AttributeSequence         = "sequence"
)

func emitPunishment(ctx sdk.Context, p exttypes.Punishment) {
	emit(ctx, EventTypePunishment,
		sdk.NewAttribute(AttributeSequence, strconv.FormatUint(p.Sequence, 10)),
		sdk.NewAttribute(AttributeConsumerID, p.ConsumerId),
		sdk.NewAttribute(AttributeConsumerChainID, p.ConsumerChainId),
		sdk.NewAttribute(AttributeProviderAddress, p.ProviderAddress),
		sdk.NewAttribute(AttributeConsumerAddress, p.ConsumerAddress),
		sdk.NewAttribute(AttributeOperatorAddress, p.OperatorAddress),
		sdk.NewAttribute(AttributeInfraction, p.Infraction.String()),
		sdk.NewAttribute(AttributeInfractionHeight, strconv.FormatInt(p.InfractionHeight, 10)),
		sdk.NewAttribute(AttributeSlashFraction, p.SlashFraction.String()),
		sdk.NewAttribute(AttributeSlashedTokens, p.SlashedTokens.String()),
		sdk.NewAttribute(AttributeJailedUntil, p.JailedUntil.UTC().Format(time.RFC3339Nano)),
		sdk.NewAttribute(AttributeTombstoned, strconv.FormatBool(p.Tombstoned)),
	)
}
