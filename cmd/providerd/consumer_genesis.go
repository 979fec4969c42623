package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"

	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// consumerGenesisCmd prints a launched consumer's genesis as protobuf JSON,
// the encoding the consumer's genesis decoder reads, so that the output can
// be pasted under app_state.ccvconsumer as it is. The command autocli
// generates cannot serve: it prints amino JSON (durations as "480h0m0s"),
// and fails outright on the validators' ed25519 keys.
func consumerGenesisCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "consumer-genesis [consumer-id]",
		Short: "The genesis a launched consumer chain starts from",
		Long: "Prints the ConsumerGenesisState the provider generated when the consumer launched, " +
			"as protobuf JSON. Paste it into the consumer's genesis under app_state.ccvconsumer.",
		Example: "consumer-genesis 0 -o json > ccv.json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			res, err := providertypes.NewQueryClient(clientCtx).QueryConsumerGenesis(cmd.Context(),
				&providertypes.QueryConsumerGenesisRequest{ConsumerId: args[0]})
			if err != nil {
				return err
			}
			return clientCtx.PrintProto(&res.GenesisState)
		},
	}
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}

// consumerValidatorsCmd prints a consumer's validator set as protobuf JSON;
// autocli's amino JSON fails on the validators' ed25519 consumer keys.
func consumerValidatorsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "consumer-validators [consumer-id]",
		Short:   "A consumer's validator set (computed on the fly before launch)",
		Example: "consumer-validators 0 -o json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			res, err := providertypes.NewQueryClient(clientCtx).QueryConsumerValidators(cmd.Context(),
				&providertypes.QueryConsumerValidatorsRequest{ConsumerId: args[0]})
			if err != nil {
				return err
			}
			return clientCtx.PrintProto(res)
		},
	}
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}

// replaceConsumerGenesisCmd swaps autocli's `query provider consumer-genesis`
// and `consumer-validators` for the protobuf-JSON commands above.
func replaceConsumerGenesisCmd(root *cobra.Command) error {
	parent, _, err := root.Find([]string{"query", providertypes.ModuleName})
	if err != nil || parent.Name() != providertypes.ModuleName {
		return fmt.Errorf("no `query %s` command to add consumer-genesis to", providertypes.ModuleName)
	}
	replacements := []*cobra.Command{consumerGenesisCmd(), consumerValidatorsCmd()}
	for _, r := range replacements {
		for _, c := range parent.Commands() {
			if c.Name() == r.Name() {
				parent.RemoveCommand(c)
			}
		}
		parent.AddCommand(r)
	}
	return nil
}
