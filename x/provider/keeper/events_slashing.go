package keeper

import (
	"strconv"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Events of slash packets, throttling and infraction parameters.
// execute_consumer_chain_slash and its attributes are the incumbent's.
const (
	EventTypeExecuteConsumerChainSlash = "execute_consumer_chain_slash"
	// EventTypeSlashPacketBounced: the slash meter was empty; the consumer
	// sends the packet again after its retry delay.
	EventTypeSlashPacketBounced = "slash_packet_bounced"
	// EventTypeSlashPacketIgnored: a downtime request that needs no
	// punishment (validator not in the consumer's set, already jailed,
	// tombstoned or unbonded), or a double-sign request, which is punished
	// only on evidence.
	EventTypeSlashPacketIgnored = "slash_packet_ignored"
	// EventTypeInfractionParamsQueued and EventTypeInfractionParamsApplied
	// follow a launched consumer's infraction parameter change.
	EventTypeInfractionParamsQueued  = "infraction_parameters_queued"
	EventTypeInfractionParamsApplied = "infraction_parameters_applied"

	AttributeValidatorAddress  = "validator_address"
	AttributeInfractionType    = "infraction_type"
	AttributeSlashMeter        = "slash_meter"
	AttributeApplyTime         = "apply_time"
	AttributeQueueCancelled    = "cancelled"
	AttributeValidatorConsAddr = "validator_consumer_address"
)

// emitExecuteConsumerChainSlash reports a downtime punishment carried out
// for a slash packet, with the incumbent's attributes plus the consumer.
func emitExecuteConsumerChainSlash(ctx sdk.Context, consumerID string, providerAddr, consumerAddr, infraction string,
	infractionHeight int64, valsetUpdateID uint64,
) {
	emit(ctx, EventTypeExecuteConsumerChainSlash,
		sdk.NewAttribute(AttributeValidatorAddress, providerAddr),
		sdk.NewAttribute(AttributeInfractionType, infraction),
		sdk.NewAttribute(AttributeInfractionHeight, strconv.FormatInt(infractionHeight, 10)),
		sdk.NewAttribute(AttributeValsetUpdateID, strconv.FormatUint(valsetUpdateID, 10)),
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeValidatorConsAddr, consumerAddr),
	)
}

func emitSlashPacketBounced(ctx sdk.Context, consumerID, consumerAddr string, meter string) {
	emit(ctx, EventTypeSlashPacketBounced,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeValidatorConsAddr, consumerAddr),
		sdk.NewAttribute(AttributeSlashMeter, meter),
	)
}

func emitSlashPacketIgnored(ctx sdk.Context, consumerID, consumerAddr, infraction, reason string) {
	emit(ctx, EventTypeSlashPacketIgnored,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeValidatorConsAddr, consumerAddr),
		sdk.NewAttribute(AttributeInfractionType, infraction),
		sdk.NewAttribute(AttributeReason, reason),
	)
}

func emitInfractionParamsQueued(ctx sdk.Context, consumerID string, applyTime time.Time, cancelled bool) {
	emit(ctx, EventTypeInfractionParamsQueued,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeApplyTime, applyTime.UTC().Format(time.RFC3339Nano)),
		sdk.NewAttribute(AttributeQueueCancelled, strconv.FormatBool(cancelled)),
	)
}

func emitInfractionParamsApplied(ctx sdk.Context, consumerID string) {
	emit(ctx, EventTypeInfractionParamsApplied, sdk.NewAttribute(AttributeConsumerID, consumerID))
}
