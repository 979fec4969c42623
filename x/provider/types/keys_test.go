package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// TestStorePrefixes pins every store prefix and name. Changing one breaks
// existing chains' state: retire it and add a new one instead.
func TestStorePrefixes(t *testing.T) {
	pinned := []struct {
		prefix collections.Prefix
		b      byte
		name   string
	}{
		{types.ParamsKey, 0, types.ParamsName},
		{types.ValsetUpdateIDKey, 1, types.ValsetUpdateIDName},
		{types.ConsumerIDSeqKey, 2, types.ConsumerIDSeqName},
		{types.ConsumerChainIDKey, 3, types.ConsumerChainIDName},
		{types.ConsumerOwnerKey, 4, types.ConsumerOwnerName},
		{types.ConsumerMetadataKey, 5, types.ConsumerMetadataName},
		{types.ConsumerInitParamsKey, 6, types.ConsumerInitParamsName},
		{types.ConsumerPowerShapingParamsKey, 7, types.ConsumerPowerShapingParamsName},
		{types.ConsumerInfractionParamsKey, 8, types.ConsumerInfractionParamsName},
		{types.ConsumerRewardDenomsKey, 9, types.ConsumerRewardDenomsName},
		{types.ConsumerPhaseKey, 10, types.ConsumerPhaseName},
		{types.SpawnTimeQueueKey, 11, types.SpawnTimeQueueName},
		{types.RemovalTimeQueueKey, 12, types.RemovalTimeQueueName},
		{types.RemovalTimeKey, 13, types.RemovalTimeName},
		{types.ConsumerClientIDKey, 14, types.ConsumerClientIDName},
		{types.ClientIDToConsumerIDKey, 15, types.ClientIDToConsumerIDName},
		{types.ConsumerGenesisKey, 16, types.ConsumerGenesisName},
		{types.ConsumerChannelIDKey, 17, types.ConsumerChannelIDName},
		{types.ChannelIDToConsumerIDKey, 18, types.ChannelIDToConsumerIDName},
		{types.InitChainHeightKey, 19, types.InitChainHeightName},
		{types.PendingVSCPacketsKey, 20, types.PendingVSCPacketsName},
		{types.ValsetUpdateIDToHeightKey, 21, types.ValsetUpdateIDToHeightName},
		{types.ConsumerValidatorsKey, 22, types.ConsumerValidatorsName},
		{types.LastProviderConsensusValsKey, 23, types.LastProviderConsensusValsName},
		{types.EquivocationEvidenceMinHeightKey, 24, types.EquivocationEvidenceMinHeightName},
		{types.SlashAcksKey, 25, types.SlashAcksName},
		{types.SlashMeterKey, 26, types.SlashMeterName},
		{types.SlashMeterReplenishCandidateKey, 27, types.SlashMeterReplenishCandidateName},
		{types.QueuedInfractionParamsKey, 28, types.QueuedInfractionParamsName},
		{types.InfractionParamsQueueKey, 29, types.InfractionParamsQueueName},
		{types.HandledEvidenceKey, 30, types.HandledEvidenceName},
		{types.PunishmentsKey, 31, types.PunishmentsName},
		{types.PunishmentSeqKey, 32, types.PunishmentSeqName},
		{types.OptedInKey, 33, types.OptedInName},
		{types.MinPowerInTopNKey, 34, types.MinPowerInTopNName},
		{types.ConsumerKeysKey, 35, types.ConsumerKeysName},
		{types.ValidatorsByConsumerAddrKey, 36, types.ValidatorsByConsumerAddrName},
		{types.ConsumerAddrsToPruneKey, 37, types.ConsumerAddrsToPruneName},
		{types.ConsumerCommissionRateKey, 38, types.ConsumerCommissionRateName},
		{types.ConsumerRewardsAllocationKey, 55, types.ConsumerRewardsAllocationName},
		{types.RegisteredRewardDenomsKey, 56, types.RegisteredRewardDenomsName},
		{types.ConsumerRewardsTotalsKey, 57, types.ConsumerRewardsTotalsName},
		{types.ConsumerRewardsBucketsKey, 58, types.ConsumerRewardsBucketsName},
		{types.ValidatorRewardsTotalsKey, 59, types.ValidatorRewardsTotalsName},
		{types.ValidatorRewardsBucketsKey, 60, types.ValidatorRewardsBucketsName},
	}
	wantNames := []string{
		"params", "valset_update_id", "consumer_id_seq", "consumer_chain_id", "consumer_owner", "consumer_metadata",
		"consumer_init_params", "consumer_power_shaping_params", "consumer_infraction_params", "consumer_reward_denoms",
		"consumer_phase", "spawn_time_queue", "removal_time_queue", "removal_time", "consumer_client_id",
		"client_id_to_consumer_id", "consumer_genesis", "consumer_channel_id", "channel_id_to_consumer_id",
		"init_chain_height", "pending_vsc_packets", "valset_update_id_to_height", "consumer_validators",
		"last_provider_consensus_validators", "equivocation_evidence_min_height",
		"slash_acks", "slash_meter", "slash_meter_replenish_candidate", "queued_infraction_params",
		"infraction_params_queue", "handled_evidence", "punishments", "punishment_seq",
		"opted_in", "min_power_in_top_n", "consumer_keys", "validators_by_consumer_addr",
		"consumer_addrs_to_prune", "consumer_commission_rate",
		"consumer_rewards_allocation", "registered_reward_denoms", "consumer_rewards_totals",
		"consumer_rewards_buckets", "validator_rewards_totals", "validator_rewards_buckets",
	}
	require.Len(t, pinned, len(wantNames))
	for i, p := range pinned {
		require.Equal(t, []byte{p.b}, p.prefix.Bytes(), "prefix of %s", p.name)
		require.Equal(t, wantNames[i], p.name)
	}
}
