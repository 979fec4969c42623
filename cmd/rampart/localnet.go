package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/rampart-ics/rampart/localnet"
)

func defaultLocalnetHome() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ".rampart-localnet"
	}
	return filepath.Join(home, ".rampart", "localnet")
}

func localnetCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "localnet",
		Short: "Run a local network of real provider and consumer nodes on loopback",
		Long: "A provider with N validators and M consumer chains, every validator running a node on every chain, " +
			"plus the relayer. All state lives in one home directory. See docs/localnet.md.",
	}
	cmd.PersistentFlags().String("home", defaultLocalnetHome(), "the network's home directory")
	cmd.AddCommand(localnetUpCmd(), localnetStatusCmd(), localnetDownCmd(), localnetDemoCmd(), localnetBenchCmd())
	return cmd
}

func localnetHome(cmd *cobra.Command) string {
	home, _ := cmd.Flags().GetString("home")
	return home
}

func localnetUpCmd() *cobra.Command {
	opts := localnet.Options{}
	cmd := &cobra.Command{
		Use:   "up",
		Short: "Start a new network, or resume the stopped one in --home",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Home = localnetHome(cmd)
			opts.Out = cmd.OutOrStdout()
			n, err := localnet.Up(cmd.Context(), opts)
			if err != nil {
				return err
			}
			n.PrintEndpoints(cmd.OutOrStdout())
			return nil
		},
	}
	cmd.Flags().IntVar(&opts.Validators, "validators", 3, "provider validators (each runs a node on every chain)")
	cmd.Flags().IntVar(&opts.Consumers, "consumers", 1, "consumer chains to launch")
	cmd.Flags().StringVar(&opts.BinDir, "bin-dir", "", "directory with providerd and consumerd (default: next to rampart, else PATH)")
	cmd.Flags().IntVar(&opts.BasePort, "base-port", localnet.DefaultBasePort, "first port to allocate (busy ports are skipped)")
	cmd.Flags().DurationVar(&opts.BlockTime, "block-time", 0, "CometBFT timeout_commit (default 1s)")
	cmd.Flags().BoolVar(&opts.NoRelayer, "no-relayer", false, "do not start the relayer")
	return cmd
}

func localnetStatusCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: "Show the network's processes and heights",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			n, err := localnet.Load(localnetHome(cmd))
			if err != nil {
				return err
			}
			n.PrintStatus(cmd.Context(), cmd.OutOrStdout())
			return nil
		},
	}
}

func localnetDownCmd() *cobra.Command {
	var purge bool
	cmd := &cobra.Command{
		Use:   "down",
		Short: "Stop every process of the network (by pid); --purge also removes its home",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			n, err := localnet.Load(localnetHome(cmd))
			if err != nil {
				return err
			}
			if err := n.Down(purge); err != nil {
				return err
			}
			if purge {
				fmt.Fprintf(cmd.OutOrStdout(), "network stopped; %s removed\n", n.Home)
			} else {
				fmt.Fprintf(cmd.OutOrStdout(), "network stopped; data kept in %s (`rampart localnet up --home %s` resumes it)\n", n.Home, n.Home)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&purge, "purge", false, "remove the network's home after stopping it")
	return cmd
}

func localnetDemoCmd() *cobra.Command {
	opts := localnet.Options{}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Delegate on the provider and watch the consumer's validator set change (starts the network if needed)",
		Long: "Runs on the network in --home, starting it first (3 validators, 1 consumer) if it is not running, " +
			"and leaves it running.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out := cmd.OutOrStdout()
			n, err := localnet.Load(localnetHome(cmd))
			if err != nil || len(n.Running()) == 0 {
				fmt.Fprintln(out, "==> Starting a local network: a provider and a consumer chain, every validator running a node on both.")
				opts.Home, opts.Out, opts.Consumers = localnetHome(cmd), out, 1
				if n, err = localnet.Up(cmd.Context(), opts); err != nil {
					return err
				}
			}
			if err := n.Demo(cmd.Context(), out); err != nil {
				return err
			}
			fmt.Fprintln(out, "==> The network keeps running; `rampart localnet down` stops it.")
			n.PrintEndpoints(out)
			return nil
		},
	}
	cmd.Flags().StringVar(&opts.BinDir, "bin-dir", "", "directory with providerd and consumerd (default: next to rampart, else PATH)")
	return cmd
}

func localnetBenchCmd() *cobra.Command {
	bench := localnet.BenchOptions{}
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure delegation-to-consumer-validator-set latency over many trials (p50, p95)",
		Long: "On the running network in --home, delegates one unit of power to the last validator --trials times, " +
			"each after a random pause (so delegations land anywhere in the provider's epoch), and measures from " +
			"the provider's commit of the delegation until the first consumer's CometBFT RPC shows the new power. " +
			"Prints each trial, then p50 and p95, split into the wait for the provider's epoch end and the delivery after it.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out := cmd.OutOrStdout()
			n, err := localnet.Load(localnetHome(cmd))
			if err != nil {
				return err
			}
			if len(n.Running()) == 0 {
				return fmt.Errorf("the network in %s is not running: `rampart localnet up --home %s` first", n.Home, n.Home)
			}
			bench.Out = out
			report, err := n.BenchDelegations(cmd.Context(), bench)
			if len(report.Trials) > 0 {
				report.Print(out)
			}
			return err
		},
	}
	cmd.Flags().IntVar(&bench.Trials, "trials", 20, "delegations to measure")
	cmd.Flags().DurationVar(&bench.MaxJitter, "max-pause", 10*time.Second, "longest random pause before a delegation")
	cmd.Flags().Uint64Var(&bench.Seed, "seed", 0, "seed of the pauses (0: from the clock)")
	return cmd
}
