package main

import (
	"github.com/spf13/cobra"
)

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "rampart",
		Short:         "Rampart operator tool: CCV relayer and local network",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(relayCmd(), localnetCmd())
	return root
}
