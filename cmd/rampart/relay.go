package main

import (
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/rampart-ics/rampart/relayer"
)

func relayCmd() *cobra.Command {
	var configPath string
	var debug bool
	cmd := &cobra.Command{
		Use:   "relay",
		Short: "Relay between the chains of a configuration file (connection, channels, packets)",
		Long: "Opens the connection and the channels the configuration asks for, then relays packets, " +
			"acknowledgements and timeouts until interrupted. See docs/relayer.md for the file format.",
		Example: "rampart relay --config ~/.rampart/localnet/relayer/config.toml",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := relayer.LoadConfig(configPath)
			if err != nil {
				return err
			}
			level := slog.LevelInfo
			if debug {
				level = slog.LevelDebug
			}
			log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
			r, err := relayer.New(cfg, log)
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return r.Run(ctx)
		},
	}
	cmd.Flags().StringVar(&configPath, "config", "", "relayer configuration file (TOML)")
	cmd.Flags().BoolVar(&debug, "debug", false, "log at debug level")
	_ = cmd.MarkFlagRequired("config")
	return cmd
}
