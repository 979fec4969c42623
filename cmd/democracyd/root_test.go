package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The commands a chain team needs exist: a consumer's, plus staking,
// distribution, governance and mint; there is no gentx, the validators
// come from the provider.
func TestRootCommands(t *testing.T) {
	root := NewRootCmd()
	for _, path := range [][]string{
		{"init"},
		{"start"},
		{"keys", "add"},
		{"export"},
		{"genesis", "add-genesis-account"},
		{"genesis", "validate"},
		{"query", "ccvconsumer", "provider-info"},
		{"tx", "bank", "send"},
		{"tx", "staking", "create-validator"},
		{"tx", "staking", "delegate"},
		{"tx", "distribution", "withdraw-rewards"},
		{"query", "distribution", "community-pool"},
		{"tx", "gov", "submit-proposal"},
		{"tx", "gov", "vote"},
		{"query", "mint", "inflation"},
	} {
		cmd, _, err := root.Find(path)
		require.NoError(t, err, path)
		require.Equal(t, path[len(path)-1], cmd.Name(), path)
	}
	cmd, _, err := root.Find([]string{"genesis", "gentx"})
	require.True(t, err != nil || cmd.Name() != "gentx", "democracyd must not offer gentx")
}
