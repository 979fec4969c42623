package keeper

import (
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// Every event the provider module emits is declared in this file. Each kind
// is a struct whose fields are its attributes, so an emitter cannot forget
// or misspell one; ToSDKEvent turns it into the event CometBFT indexes.
//
// Event types and attribute keys that the incumbent interchain-security
// emits keep its exact names: relayers, explorers and indexers built for it
// read them. Rampart's own events (consumer_punishment, slash_packet_*,
// infraction_parameters_*, consumer_rewards_*) add what the incumbent never
// reported.

// Event types.
const (
	// Consumer lifecycle and launch.
	EventTypeCreateConsumer        = "create_consumer"
	EventTypeUpdateConsumer        = "update_consumer"
	EventTypeRemoveConsumer        = "remove_consumer"
	EventTypeConsumerClientCreated = "consumer_client_created"
	EventTypeConsumerLaunchFailed  = "consumer_launch_failed"
	EventTypeConsumerStopped       = "consumer_stopped"
	EventTypeConsumerDeleted       = "consumer_deleted"
	EventTypeChannelEstablished    = "channel_established"

	// CCV packets.
	EventTypeCCVPacket = "ccv_packet"
	EventTypePacket    = "packet"
	EventTypeTimeout   = "timeout"

	// Validators: key assignment, opt-in and opt-out, commission.
	EventTypeAssignConsumerKey         = "assign_consumer_key"
	EventTypeOptIn                     = "opt_in"
	EventTypeOptOut                    = "opt_out"
	EventTypeSetConsumerCommissionRate = "set_consumer_commission_rate"

	// Slashing and evidence.
	EventTypeExecuteConsumerChainSlash  = "execute_consumer_chain_slash"
	EventTypeSlashPacketBounced         = "slash_packet_bounced"
	EventTypeSlashPacketIgnored         = "slash_packet_ignored"
	EventTypeInfractionParamsQueued     = "infraction_parameters_queued"
	EventTypeInfractionParamsApplied    = "infraction_parameters_applied"
	EventTypeSubmitConsumerDoubleVoting = "submit_consumer_double_voting"
	EventTypeSubmitConsumerMisbehaviour = "submit_consumer_misbehaviour"
	EventTypePunishment                 = "consumer_punishment"

	// Rewards.
	EventTypeChangeConsumerRewardDenom   = "change_consumer_reward_denom"
	EventTypeDistributedRewards          = "distributed_ics_rewards"
	EventTypeConsumerRewardsReceived     = "consumer_rewards_received"
	EventTypeConsumerRewardsUnattributed = "consumer_rewards_unattributed"
	EventTypeRewardsAllocationFailed     = "consumer_rewards_allocation_failed"
)

// Attribute keys.
const (
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

	AttributeProviderValidatorAddress = "provider_validator_address"
	AttributeConsumerConsensusPubKey  = "consumer_consensus_pub_key"
	AttributeConsumerCommissionRate   = "consumer_commission_rate"
	AttributeSubmitterAddress         = "submitter_address"

	AttributeValidatorAddress       = "validator_address"
	AttributeValidatorConsAddr      = "validator_consumer_address"
	AttributeInfractionType         = "infraction_type"
	AttributeSlashMeter             = "slash_meter"
	AttributeApplyTime              = "apply_time"
	AttributeQueueCancelled         = "cancelled"
	AttributeEvidenceHash           = "evidence_hash"
	AttributeMisbehaviourClientID   = "misbehaviour_client_id"
	AttributeMisbehaviourHeight     = "misbehaviour_height"
	AttributePunishedProviderAddrs  = "punished_provider_addresses"
	AttributeConsumerInfractionAddr = "consumer_infraction_address"

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

	AttributeAddConsumerRewardDenom    = "add_consumer_reward_denom"
	AttributeRemoveConsumerRewardDenom = "remove_consumer_reward_denom"
	AttributeDenom                     = "denom"
	AttributeAmount                    = "amount"
	AttributeValidatorsAmount          = "validators_amount"
	AttributeCommunityPoolAmount       = "community_pool_amount"
	AttributePendingAmount             = "pending_amount"
	AttributeAttribution               = "attribution"
	AttributeDestinationChannel        = "destination_channel"
)

// Event is one typed provider event.
type Event interface {
	ToSDKEvent() sdk.Event
}

// emitEvent emits e with the module attribute first, as the SDK's modules do.
func emitEvent(ctx sdk.Context, e Event) {
	ev := e.ToSDKEvent()
	module := abci.EventAttribute{Key: sdk.AttributeKeyModule, Value: types.ModuleName}
	ev.Attributes = append([]abci.EventAttribute{module}, ev.Attributes...)
	ctx.EventManager().EmitEvent(ev)
}

func newEvent(eventType string, kv ...string) sdk.Event {
	attrs := make([]sdk.Attribute, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		attrs = append(attrs, sdk.NewAttribute(kv[i], kv[i+1]))
	}
	return sdk.NewEvent(eventType, attrs...)
}

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// ---- Consumer lifecycle and launch ----

// EventCreateConsumer reports that MsgCreateConsumer registered a consumer.
type EventCreateConsumer struct {
	ConsumerID, ChainID, Owner string
	SpawnTime                  time.Time
}

func (e EventCreateConsumer) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeCreateConsumer,
		AttributeConsumerID, e.ConsumerID,
		AttributeConsumerChainID, e.ChainID,
		AttributeConsumerOwner, e.Owner,
		AttributeSpawnTime, formatTime(e.SpawnTime))
}

// EventUpdateConsumer reports that MsgUpdateConsumer changed a consumer; Phase is its
// phase afterwards.
type EventUpdateConsumer struct {
	ConsumerID string
	Phase      types.ConsumerPhase
}

func (e EventUpdateConsumer) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeUpdateConsumer,
		AttributeConsumerID, e.ConsumerID,
		AttributeConsumerPhase, e.Phase.String())
}

// EventRemoveConsumer reports that the owner asked to stop a launched consumer.
type EventRemoveConsumer struct{ ConsumerID string }

func (e EventRemoveConsumer) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeRemoveConsumer, AttributeConsumerID, e.ConsumerID)
}

// EventConsumerClientCreated reports that a consumer launched; the provider created its
// light client of the consumer.
type EventConsumerClientCreated struct {
	ConsumerID, ChainID, ClientID, InitialHeight string
	TrustingPeriod, UnbondingPeriod              time.Duration
}

func (e EventConsumerClientCreated) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeConsumerClientCreated,
		AttributeConsumerID, e.ConsumerID,
		AttributeConsumerChainID, e.ChainID,
		AttributeClientID, e.ClientID,
		AttributeInitialHeight, e.InitialHeight,
		AttributeTrustingPeriod, e.TrustingPeriod.String(),
		AttributeUnbondingPeriod, e.UnbondingPeriod.String())
}

// EventConsumerLaunchFailed reports that a launch failed; the consumer is REGISTERED
// again with its spawn time cleared.
type EventConsumerLaunchFailed struct {
	ConsumerID string
	Err        error
}

func (e EventConsumerLaunchFailed) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeConsumerLaunchFailed,
		AttributeConsumerID, e.ConsumerID,
		AttributeConsumerPhase, types.CONSUMER_PHASE_REGISTERED.String(),
		AttributeReason, e.Err.Error())
}

// EventConsumerStopped reports that a launched consumer stopped (removal, timeout, error
// acknowledgement, failure to send, or a fault in its per-block work).
type EventConsumerStopped struct{ ConsumerID, Reason string }

func (e EventConsumerStopped) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeConsumerStopped,
		AttributeConsumerID, e.ConsumerID,
		AttributeConsumerPhase, types.CONSUMER_PHASE_STOPPED.String(),
		AttributeReason, e.Reason)
}

// EventConsumerDeleted reports that a stopped consumer's state was deleted.
type EventConsumerDeleted struct{ ConsumerID string }

func (e EventConsumerDeleted) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeConsumerDeleted,
		AttributeConsumerID, e.ConsumerID,
		AttributeConsumerPhase, types.CONSUMER_PHASE_DELETED.String())
}

// EventChannelEstablished reports that the CCV channel with a consumer opened.
type EventChannelEstablished struct{ ConsumerID, ChannelID, ConnectionID, ClientID string }

func (e EventChannelEstablished) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeChannelEstablished,
		AttributeConsumerID, e.ConsumerID,
		AttributeChannelID, e.ChannelID,
		AttributeConnectionID, e.ConnectionID,
		AttributeClientID, e.ClientID)
}

// ---- CCV packets ----

// EventVSCPacketSent reports that a validator set change packet left for a consumer.
type EventVSCPacketSent struct {
	ConsumerID, ChannelID string
	ValsetUpdateID        uint64
	Updates               int
}

func (e EventVSCPacketSent) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeCCVPacket,
		AttributeConsumerID, e.ConsumerID,
		AttributeChannelID, e.ChannelID,
		AttributeValsetUpdateID, strconv.FormatUint(e.ValsetUpdateID, 10),
		AttributeValidatorUpdates, strconv.Itoa(e.Updates))
}

// EventAcknowledgement reports that a consumer acknowledged a VSC packet; AckError is
// empty for a success.
type EventAcknowledgement struct{ ConsumerID, ChannelID, AckError string }

func (e EventAcknowledgement) ToSDKEvent() sdk.Event {
	if e.AckError == "" {
		return newEvent(EventTypePacket,
			AttributeConsumerID, e.ConsumerID,
			AttributeChannelID, e.ChannelID,
			AttributeAckSuccess, "true")
	}
	return newEvent(EventTypePacket,
		AttributeConsumerID, e.ConsumerID,
		AttributeChannelID, e.ChannelID,
		AttributeAckError, e.AckError)
}

// EventTimeout reports that a VSC packet timed out (the consumer is stopped).
type EventTimeout struct{ ConsumerID, ChannelID string }

func (e EventTimeout) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeTimeout,
		AttributeConsumerID, e.ConsumerID,
		AttributeChannelID, e.ChannelID)
}

// ---- Validators ----

// EventAssignConsumerKey reports that a validator assigned a consensus key for a consumer.
type EventAssignConsumerKey struct{ ConsumerID, ChainID, Validator, ConsumerKey string }

func (e EventAssignConsumerKey) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeAssignConsumerKey,
		AttributeConsumerID, e.ConsumerID,
		AttributeConsumerChainID, e.ChainID,
		AttributeProviderValidatorAddress, e.Validator,
		AttributeConsumerConsensusPubKey, e.ConsumerKey)
}

// EventOptIn reports that a validator opted in to a consumer (ConsumerKey is empty when
// it assigned none with the opt-in).
type EventOptIn struct{ ConsumerID, ChainID, Validator, ConsumerKey string }

func (e EventOptIn) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeOptIn,
		AttributeConsumerID, e.ConsumerID,
		AttributeConsumerChainID, e.ChainID,
		AttributeProviderValidatorAddress, e.Validator,
		AttributeConsumerConsensusPubKey, e.ConsumerKey)
}

// EventOptOut reports that a validator opted out of a consumer.
type EventOptOut struct{ ConsumerID, ChainID, Validator, Submitter string }

func (e EventOptOut) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeOptOut,
		AttributeConsumerID, e.ConsumerID,
		AttributeConsumerChainID, e.ChainID,
		AttributeProviderValidatorAddress, e.Validator,
		AttributeSubmitterAddress, e.Submitter)
}

// EventSetConsumerCommissionRate reports that a validator set its commission on a consumer.
type EventSetConsumerCommissionRate struct{ ConsumerID, ChainID, Validator, Rate string }

func (e EventSetConsumerCommissionRate) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeSetConsumerCommissionRate,
		AttributeConsumerID, e.ConsumerID,
		AttributeConsumerChainID, e.ChainID,
		AttributeProviderValidatorAddress, e.Validator,
		AttributeConsumerCommissionRate, e.Rate)
}

// ---- Slashing and evidence ----

// EventExecuteConsumerChainSlash reports that a downtime slash packet was carried out.
// ConsumerAddr is the validator's address on the consumer.
type EventExecuteConsumerChainSlash struct {
	ConsumerID, ProviderAddr, ConsumerAddr, Infraction string
	InfractionHeight                                   int64
	ValsetUpdateID                                     uint64
}

func (e EventExecuteConsumerChainSlash) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeExecuteConsumerChainSlash,
		AttributeValidatorAddress, e.ProviderAddr,
		AttributeInfractionType, e.Infraction,
		AttributeInfractionHeight, strconv.FormatInt(e.InfractionHeight, 10),
		AttributeValsetUpdateID, strconv.FormatUint(e.ValsetUpdateID, 10),
		AttributeConsumerID, e.ConsumerID,
		AttributeValidatorConsAddr, e.ConsumerAddr)
}

// EventSlashPacketBounced reports that the slash meter was empty; the consumer sends the
// packet again after its retry delay.
type EventSlashPacketBounced struct{ ConsumerID, ConsumerAddr, Meter string }

func (e EventSlashPacketBounced) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeSlashPacketBounced,
		AttributeConsumerID, e.ConsumerID,
		AttributeValidatorConsAddr, e.ConsumerAddr,
		AttributeSlashMeter, e.Meter)
}

// EventSlashPacketIgnored reports a slash packet that needs no punishment (the
// validator is not in the consumer's set, already jailed, tombstoned or
// unbonded), or a double-sign request, which is punished only on evidence.
type EventSlashPacketIgnored struct{ ConsumerID, ConsumerAddr, Infraction, Reason string }

func (e EventSlashPacketIgnored) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeSlashPacketIgnored,
		AttributeConsumerID, e.ConsumerID,
		AttributeValidatorConsAddr, e.ConsumerAddr,
		AttributeInfractionType, e.Infraction,
		AttributeReason, e.Reason)
}

// EventInfractionParamsQueued reports that a launched consumer's new infraction
// parameters wait for ApplyTime; Cancelled means the queued change was
// dropped because the update restored the current values.
type EventInfractionParamsQueued struct {
	ConsumerID string
	ApplyTime  time.Time
	Cancelled  bool
}

func (e EventInfractionParamsQueued) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeInfractionParamsQueued,
		AttributeConsumerID, e.ConsumerID,
		AttributeApplyTime, formatTime(e.ApplyTime),
		AttributeQueueCancelled, strconv.FormatBool(e.Cancelled))
}

// EventInfractionParamsApplied reports that queued infraction parameters took effect.
type EventInfractionParamsApplied struct{ ConsumerID string }

func (e EventInfractionParamsApplied) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeInfractionParamsApplied, AttributeConsumerID, e.ConsumerID)
}

// EventSubmitConsumerDoubleVoting reports that double-vote evidence was verified and
// punished; the punishment itself is reported by EventPunishment.
type EventSubmitConsumerDoubleVoting struct {
	ConsumerID, ChainID, Submitter string
	Vote                           DoubleVote
	ProviderAddr                   string
}

func (e EventSubmitConsumerDoubleVoting) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeSubmitConsumerDoubleVoting,
		AttributeConsumerID, e.ConsumerID,
		AttributeConsumerChainID, e.ChainID,
		AttributeSubmitterAddress, e.Submitter,
		AttributeEvidenceHash, hex.EncodeToString(e.Vote.Key),
		AttributeConsumerInfractionAddr, e.Vote.ConsumerAddr.String(),
		AttributeInfractionHeight, strconv.FormatInt(e.Vote.Height, 10),
		AttributeProviderAddress, e.ProviderAddr)
}

// EventSubmitConsumerMisbehaviour reports that light-client attack evidence was verified;
// Punished lists the provider addresses it punished.
type EventSubmitConsumerMisbehaviour struct {
	ConsumerID, ChainID, Submitter string
	Attack                         LightClientAttack
	Punished                       []string
}

func (e EventSubmitConsumerMisbehaviour) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeSubmitConsumerMisbehaviour,
		AttributeConsumerID, e.ConsumerID,
		AttributeConsumerChainID, e.ChainID,
		AttributeSubmitterAddress, e.Submitter,
		AttributeEvidenceHash, hex.EncodeToString(e.Attack.Key),
		AttributeMisbehaviourClientID, e.Attack.ClientID,
		AttributeMisbehaviourHeight, strconv.FormatInt(e.Attack.Height, 10),
		AttributePunishedProviderAddrs, strings.Join(e.Punished, ","))
}

// EventPunishment reports that a punishment was carried out for a consumer, whatever
// reported it (slash packet or evidence); it mirrors the punishments ledger.
type EventPunishment struct{ Record exttypes.Punishment }

func (e EventPunishment) ToSDKEvent() sdk.Event {
	p := e.Record
	return newEvent(EventTypePunishment,
		AttributeSequence, strconv.FormatUint(p.Sequence, 10),
		AttributeConsumerID, p.ConsumerId,
		AttributeConsumerChainID, p.ConsumerChainId,
		AttributeProviderAddress, p.ProviderAddress,
		AttributeConsumerAddress, p.ConsumerAddress,
		AttributeOperatorAddress, p.OperatorAddress,
		AttributeInfraction, p.Infraction.String(),
		AttributeInfractionHeight, strconv.FormatInt(p.InfractionHeight, 10),
		AttributeSlashFraction, p.SlashFraction.String(),
		AttributeSlashedTokens, p.SlashedTokens.String(),
		AttributeJailedUntil, formatTime(p.JailedUntil),
		AttributeTombstoned, strconv.FormatBool(p.Tombstoned))
}

// ---- Rewards ----

// EventChangeRewardDenoms reports that governance changed the global reward denom allowlist.
type EventChangeRewardDenoms struct{ Added, Removed []string }

func (e EventChangeRewardDenoms) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeChangeConsumerRewardDenom,
		AttributeAddConsumerRewardDenom, strings.Join(e.Added, ","),
		AttributeRemoveConsumerRewardDenom, strings.Join(e.Removed, ","))
}

// EventRewardsReceived reports that a reward transfer from a consumer was booked to it;
// Attribution says how the consumer was found (memo or channel).
type EventRewardsReceived struct {
	ConsumerID, Denom        string
	Amount                   math.Int
	Attribution, DestChannel string
}

func (e EventRewardsReceived) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeConsumerRewardsReceived,
		AttributeConsumerID, e.ConsumerID,
		AttributeDenom, e.Denom,
		AttributeAmount, e.Amount.String(),
		AttributeAttribution, e.Attribution,
		AttributeDestinationChannel, e.DestChannel)
}

// EventRewardsUnattributed reports that a transfer arrived that could not be booked to
// a consumer; it stays with its receiver as a plain transfer.
type EventRewardsUnattributed struct{ Denom, Amount, DestChannel, Reason string }

func (e EventRewardsUnattributed) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeConsumerRewardsUnattributed,
		AttributeDenom, e.Denom,
		AttributeAmount, e.Amount,
		AttributeDestinationChannel, e.DestChannel,
		AttributeReason, e.Reason)
}

// EventDistributedRewards reports one block's allocation of a consumer's rewards
// in one denom; Pending stays in the consumer's pool for later blocks.
type EventDistributedRewards struct {
	ConsumerID, Denom         string
	Validators, CommunityPool math.Int
	Pending                   math.LegacyDec
}

func (e EventDistributedRewards) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeDistributedRewards,
		AttributeConsumerID, e.ConsumerID,
		AttributeDenom, e.Denom,
		AttributeAmount, e.Validators.Add(e.CommunityPool).String(),
		AttributeValidatorsAmount, e.Validators.String(),
		AttributeCommunityPoolAmount, e.CommunityPool.String(),
		AttributePendingAmount, e.Pending.String())
}

// EventRewardsAllocationFailed reports that allocating a consumer's rewards failed; they
// stay in its pool and are retried next block.
type EventRewardsAllocationFailed struct {
	ConsumerID, Denom string
	Err               error
}

func (e EventRewardsAllocationFailed) ToSDKEvent() sdk.Event {
	return newEvent(EventTypeRewardsAllocationFailed,
		AttributeConsumerID, e.ConsumerID,
		AttributeDenom, e.Denom,
		AttributeReason, e.Err.Error())
}
