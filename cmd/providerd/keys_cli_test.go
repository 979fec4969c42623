package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestKeyAssignmentCommands: the incumbent's command names exist, and the
// validator's operator address is a flag.
func TestKeyAssignmentCommands(t *testing.T) {
	root := NewRootCmd()
	for _, path := range [][]string{
		{"tx", "provider", "assign-consensus-key"},
		{"tx", "provider", "opt-in"},
		{"tx", "provider", "set-consumer-commission-rate"},
		{"query", "provider", "validator-consumer-key"},
		{"query", "provider", "validator-provider-key"},
		{"query", "provider", "all-pairs-valconsensus-address"},
		{"query", "provider", "validator-consumer-commission-rate"},
	} {
		cmd, _, err := root.Find(path)
		require.NoError(t, err, path)
		require.Equal(t, path[len(path)-1], cmd.Name(), path)
		if path[0] == "tx" {
			require.NotNil(t, cmd.Flags().Lookup("provider-addr"), path)
		}
	}
}
