package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The commands the getting-started guide uses exist, and there is no gentx:
// the consumer's validators come from the provider.
func TestRootCommands(t *testing.T) {
	root := NewRootCmd()
	for _, path := range [][]string{
		{"init"},
		{"start"},
		{"keys", "add"},
		{"config", "get"},
		{"export"},
		{"genesis", "add-genesis-account"},
		{"genesis", "validate"},
		{"query", "ccvconsumer", "provider-info"},
		{"tx", "bank", "send"},
	} {
		cmd, _, err := root.Find(path)
		require.NoError(t, err, path)
		require.Equal(t, path[len(path)-1], cmd.Name(), path)
	}
	cmd, _, err := root.Find([]string{"genesis", "gentx"})
	require.True(t, err != nil || cmd.Name() != "gentx", "consumerd must not offer gentx")
}
