package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the provider module's name, store key and route.
	ModuleName = "provider"
	StoreKey   = ModuleName
	RouterKey  = ModuleName

	// MaxItemsPerBlock bounds the work each time queue does in one block.
	MaxItemsPerBlock = 200
)

// Store prefixes. Every prefix and name is pinned by TestStorePrefixes: never
// change or reuse one; retire it and take the next free byte instead.
var (
	ParamsKey                        = collections.NewPrefix(0)
	ValsetUpdateIDKey                = collections.NewPrefix(1)
	ConsumerIDSeqKey                 = collections.NewPrefix(2)
	ConsumerChainIDKey               = collections.NewPrefix(3)
	ConsumerOwnerKey                 = collections.NewPrefix(4)
	ConsumerMetadataKey              = collections.NewPrefix(5)
	ConsumerInitParamsKey            = collections.NewPrefix(6)
	ConsumerPowerShapingParamsKey    = collections.NewPrefix(7)
	ConsumerInfractionParamsKey      = collections.NewPrefix(8)
	ConsumerRewardDenomsKey          = collections.NewPrefix(9)
	ConsumerPhaseKey                 = collections.NewPrefix(10)
	SpawnTimeQueueKey                = collections.NewPrefix(11)
	RemovalTimeQueueKey              = collections.NewPrefix(12)
	RemovalTimeKey                   = collections.NewPrefix(13)
	ConsumerClientIDKey              = collections.NewPrefix(14)
	ClientIDToConsumerIDKey          = collections.NewPrefix(15)
	ConsumerGenesisKey               = collections.NewPrefix(16)
	ConsumerChannelIDKey             = collections.NewPrefix(17)
	ChannelIDToConsumerIDKey         = collections.NewPrefix(18)
	InitChainHeightKey               = collections.NewPrefix(19)
	PendingVSCPacketsKey             = collections.NewPrefix(20)
	ValsetUpdateIDToHeightKey        = collections.NewPrefix(21)
	ConsumerValidatorsKey            = collections.NewPrefix(22)
	LastProviderConsensusValsKey     = collections.NewPrefix(23)
	EquivocationEvidenceMinHeightKey = collections.NewPrefix(24)

	// Slashing and throttling.
	SlashAcksKey                    = collections.NewPrefix(25)
	SlashMeterKey                   = collections.NewPrefix(26)
	SlashMeterReplenishCandidateKey = collections.NewPrefix(27)
	QueuedInfractionParamsKey       = collections.NewPrefix(28)
	InfractionParamsQueueKey        = collections.NewPrefix(29)
	HandledEvidenceKey              = collections.NewPrefix(30)
	PunishmentsKey                  = collections.NewPrefix(31)
	PunishmentSeqKey                = collections.NewPrefix(32)

	// Partial set security and key assignment.
	OptedInKey                  = collections.NewPrefix(33)
	MinPowerInTopNKey           = collections.NewPrefix(34)
	ConsumerKeysKey             = collections.NewPrefix(35)
	ValidatorsByConsumerAddrKey = collections.NewPrefix(36)
	ConsumerAddrsToPruneKey     = collections.NewPrefix(37)
	ConsumerCommissionRateKey   = collections.NewPrefix(38)

	// Rewards.
	ConsumerRewardsAllocationKey = collections.NewPrefix(55)
	RegisteredRewardDenomsKey    = collections.NewPrefix(56)
	ConsumerRewardsTotalsKey     = collections.NewPrefix(57)
	ConsumerRewardsBucketsKey    = collections.NewPrefix(58)
	ValidatorRewardsTotalsKey    = collections.NewPrefix(59)
	ValidatorRewardsBucketsKey   = collections.NewPrefix(60)
)

// Collection names, as they appear in the schema.
const (
	ParamsName                        = "params"
	ValsetUpdateIDName                = "valset_update_id"
	ConsumerIDSeqName                 = "consumer_id_seq"
	ConsumerChainIDName               = "consumer_chain_id"
	ConsumerOwnerName                 = "consumer_owner"
	ConsumerMetadataName              = "consumer_metadata"
	ConsumerInitParamsName            = "consumer_init_params"
	ConsumerPowerShapingParamsName    = "consumer_power_shaping_params"
	ConsumerInfractionParamsName      = "consumer_infraction_params"
	ConsumerRewardDenomsName          = "consumer_reward_denoms"
	ConsumerPhaseName                 = "consumer_phase"
	SpawnTimeQueueName                = "spawn_time_queue"
	RemovalTimeQueueName              = "removal_time_queue"
	RemovalTimeName                   = "removal_time"
	ConsumerClientIDName              = "consumer_client_id"
	ClientIDToConsumerIDName          = "client_id_to_consumer_id"
	ConsumerGenesisName               = "consumer_genesis"
	ConsumerChannelIDName             = "consumer_channel_id"
	ChannelIDToConsumerIDName         = "channel_id_to_consumer_id"
	InitChainHeightName               = "init_chain_height"
	PendingVSCPacketsName             = "pending_vsc_packets"
	ValsetUpdateIDToHeightName        = "valset_update_id_to_height"
	ConsumerValidatorsName            = "consumer_validators"
	LastProviderConsensusValsName     = "last_provider_consensus_validators"
	EquivocationEvidenceMinHeightName = "equivocation_evidence_min_height"

	SlashAcksName                    = "slash_acks"
	SlashMeterName                   = "slash_meter"
	SlashMeterReplenishCandidateName = "slash_meter_replenish_candidate"
	QueuedInfractionParamsName       = "queued_infraction_params"
	InfractionParamsQueueName        = "infraction_params_queue"
	HandledEvidenceName              = "handled_evidence"
	PunishmentsName                  = "punishments"
	PunishmentSeqName                = "punishment_seq"

	OptedInName                  = "opted_in"
	MinPowerInTopNName           = "min_power_in_top_n"
	ConsumerKeysName             = "consumer_keys"
	ValidatorsByConsumerAddrName = "validators_by_consumer_addr"
	ConsumerAddrsToPruneName     = "consumer_addrs_to_prune"
	ConsumerCommissionRateName   = "consumer_commission_rate"

	ConsumerRewardsAllocationName = "consumer_rewards_allocation"
	RegisteredRewardDenomsName    = "registered_reward_denoms"
	ConsumerRewardsTotalsName     = "consumer_rewards_totals"
	ConsumerRewardsBucketsName    = "consumer_rewards_buckets"
	ValidatorRewardsTotalsName    = "validator_rewards_totals"
	ValidatorRewardsBucketsName   = "validator_rewards_buckets"
)

// The recent reward record is kept in buckets of RewardsBucketBlocks
// blocks; the last RewardsWindowBuckets buckets (the current one included)
// are kept, older ones are pruned.
const (
	RewardsBucketBlocks  = 1000
	RewardsWindowBuckets = 10
)
