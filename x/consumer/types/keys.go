package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the consumer module's name. Operators paste the
	// provider's consumer-genesis output under app_state.ccvconsumer, so the
	// name is the incumbent's and must not change.
	ModuleName = "ccvconsumer"

	// StoreKey is the consumer module's KV store key.
	StoreKey = ModuleName

	// RouterKey routes the consumer's messages.
	RouterKey = ModuleName
)

// Store prefixes of the consumer's collections. A prefix is never reused,
// even after its collection is removed; keys_test.go pins every byte.
var (
	ParamsPrefix                      = collections.NewPrefix(0)
	ProviderClientIDPrefix            = collections.NewPrefix(1)
	ProviderChannelIDPrefix           = collections.NewPrefix(2)
	PendingChangesPrefix              = collections.NewPrefix(3)
	HeightToValsetUpdateIDPrefix      = collections.NewPrefix(4)
	CrossChainValidatorsPrefix        = collections.NewPrefix(5)
	OutstandingDowntimePrefix         = collections.NewPrefix(6)
	PendingPacketsPrefix              = collections.NewPrefix(7)
	PendingPacketsSequencePrefix      = collections.NewPrefix(8)
	LastTransmissionBlockHeightPrefix = collections.NewPrefix(9)
	PreCCVPrefix                      = collections.NewPrefix(10)
	InitialValSetPrefix               = collections.NewPrefix(11)
	ConnectionIDPrefix                = collections.NewPrefix(12)
	InitGenesisHeightPrefix           = collections.NewPrefix(13)
	SlashRecordPrefix                 = collections.NewPrefix(14)
	HeightToValsetUpdateIDTimePrefix  = collections.NewPrefix(15)
)

// Names of the consumer's collections, as they appear in the schema.
const (
	ParamsName                      = "params"
	ProviderClientIDName            = "provider_client_id"
	ProviderChannelIDName           = "provider_channel_id"
	PendingChangesName              = "pending_changes"
	HeightToValsetUpdateIDName      = "height_to_valset_update_id"
	CrossChainValidatorsName        = "cross_chain_validators"
	OutstandingDowntimeName         = "outstanding_downtime"
	PendingPacketsName              = "pending_packets"
	PendingPacketsSequenceName      = "pending_packets_sequence"
	LastTransmissionBlockHeightName = "last_transmission_block_height"
	PreCCVName                      = "pre_ccv"
	InitialValSetName               = "initial_val_set"
	ConnectionIDName                = "connection_id"
	InitGenesisHeightName           = "init_genesis_height"
	SlashRecordName                 = "slash_record"
	HeightToValsetUpdateIDTimeName  = "height_to_valset_update_id_time"
)

// Module accounts between which EndBlock splits the fee collector (see
// Rewards in x/consumer/README.md). The names are the incumbent's: a
// democracy chain's distribution reads cons_redistribute.
const (
	// ConsumerRedistributeName receives the consumer_redistribution_fraction
	// of the fees, which stays on the consumer.
	ConsumerRedistributeName = "cons_redistribute"
	// ConsumerToSendToProviderName holds the provider's share until the next
	// transmission; failed or refunded transfers land back here.
	ConsumerToSendToProviderName = "cons_to_send_to_provider"
)
