package daemon

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
)

func TestRunsNode(t *testing.T) {
	root := &cobra.Command{Use: "consumerd"}
	root.AddCommand(&cobra.Command{Use: "start", Run: func(*cobra.Command, []string) {}},
		&cobra.Command{Use: "query", Run: func(*cobra.Command, []string) {}})
	for args, want := range map[string]bool{
		"start":                   true,
		"start --home /h":         true,
		"--home /h start":         true,
		"query bank balances x":   false,
		"":                        false,
		"keys list":               false,
		"--home /h query":         false,
		"unknown-command --flag1": false,
	} {
		require.Equal(t, want, runsNode(root, strings.Fields(args)), "%q", args)
	}
}
