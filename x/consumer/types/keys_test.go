package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/rampart-ics/rampart/x/consumer/types"
)

// TestStorePrefixes pins every prefix byte and name: changing one breaks
// the state of running chains, so a failure here means "add a new prefix".
func TestStorePrefixes(t *testing.T) {
	cases := []struct {
		prefix collections.Prefix
		name   string
		byte   byte
		want   string
	}{
		{types.ParamsPrefix, types.ParamsName, 0, "params"},
		{types.ProviderClientIDPrefix, types.ProviderClientIDName, 1, "provider_client_id"},
		{types.ProviderChannelIDPrefix, types.ProviderChannelIDName, 2, "provider_channel_id"},
		{types.PendingChangesPrefix, types.PendingChangesName, 3, "pending_changes"},
		{types.HeightToValsetUpdateIDPrefix, types.HeightToValsetUpdateIDName, 4, "height_to_valset_update_id"},
		{types.CrossChainValidatorsPrefix, types.CrossChainValidatorsName, 5, "cross_chain_validators"},
		{types.OutstandingDowntimePrefix, types.OutstandingDowntimeName, 6, "outstanding_downtime"},
		{types.PendingPacketsPrefix, types.PendingPacketsName, 7, "pending_packets"},
		{types.PendingPacketsSequencePrefix, types.PendingPacketsSequenceName, 8, "pending_packets_sequence"},
		{types.LastTransmissionBlockHeightPrefix, types.LastTransmissionBlockHeightName, 9, "last_transmission_block_height"},
		{types.PreCCVPrefix, types.PreCCVName, 10, "pre_ccv"},
		{types.InitialValSetPrefix, types.InitialValSetName, 11, "initial_val_set"},
		{types.ConnectionIDPrefix, types.ConnectionIDName, 12, "connection_id"},
		{types.InitGenesisHeightPrefix, types.InitGenesisHeightName, 13, "init_genesis_height"},
		{types.SlashRecordPrefix, types.SlashRecordName, 14, "slash_record"},
		{types.HeightToValsetUpdateIDTimePrefix, types.HeightToValsetUpdateIDTimeName, 15, "height_to_valset_update_id_time"},
	}
	seenBytes := map[byte]string{}
	seenNames := map[string]bool{}
	for _, c := range cases {
		require.Equal(t, []byte{c.byte}, c.prefix.Bytes(), c.want)
		require.Equal(t, c.want, c.name)
		require.NotContains(t, seenBytes, c.byte, "prefix %d reused by %s", c.byte, c.name)
		require.False(t, seenNames[c.name], "name %s reused", c.name)
		seenBytes[c.byte] = c.name
		seenNames[c.name] = true
	}
	// Module accounts of the reward split: their addresses derive from the
	// names, and a democracy chain's distribution reads cons_redistribute.
	require.Equal(t, "cons_redistribute", types.ConsumerRedistributeName)
	require.Equal(t, "cons_to_send_to_provider", types.ConsumerToSendToProviderName)
	require.Equal(t, "ccvconsumer", types.ModuleName)
	require.Equal(t, "ccvconsumer", types.StoreKey)
}
