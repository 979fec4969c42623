package daemon

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"text/template"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/config"
)

// clientConfigKeys are the keys of client.toml, in file order.
var clientConfigKeys = []string{
	"chain-id", "keyring-backend", "keyring-default-keyname", "output", "node", "broadcast-mode",
}

const clientTemplate = `# Client configuration of {{ .Use }} (written by "{{ .Use }} config").

# The network chain ID
chain-id = "{{ index .Values "chain-id" }}"
# The keyring's backend, where the keys are stored (os|file|kwallet|pass|test|memory)
keyring-backend = "{{ index .Values "keyring-backend" }}"
# Default key name, if set, defines the default key to use for signing transaction when the --from flag is not specified
keyring-default-keyname = "{{ index .Values "keyring-default-keyname" }}"
# CLI output format (text|json)
output = "{{ index .Values "output" }}"
# <host>:<port> to CometBFT RPC interface for this chain
node = "{{ index .Values "node" }}"
# Transaction broadcasting mode (sync|async)
broadcast-mode = "{{ index .Values "broadcast-mode" }}"
`

// ConfigCmd reads and writes the client configuration, <home>/config/client.toml:
//
//	config                 print every key
//	config get KEY         print one key
//	config set KEY VALUE   set one key
func ConfigCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Read or write the client configuration (<home>/config/client.toml)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			values, err := readClientConfig(cmd)
			if err != nil {
				return err
			}
			for _, k := range clientConfigKeys {
				fmt.Fprintf(cmd.OutOrStdout(), "%s = %q\n", k, values[k])
			}
			return nil
		},
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:   "get KEY",
			Short: "Print one client configuration value",
			Args:  cobra.ExactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				values, err := readClientConfig(cmd)
				if err != nil {
					return err
				}
				v, ok := values[args[0]]
				if !ok {
					return unknownKey(args[0])
				}
				fmt.Fprintln(cmd.OutOrStdout(), v)
				return nil
			},
		},
		&cobra.Command{
			Use:   "set KEY VALUE",
			Short: "Set one client configuration value",
			Args:  cobra.ExactArgs(2),
			RunE: func(cmd *cobra.Command, args []string) error {
				values, err := readClientConfig(cmd)
				if err != nil {
					return err
				}
				if _, ok := values[args[0]]; !ok {
					return unknownKey(args[0])
				}
				values[args[0]] = args[1]
				return writeClientConfig(cmd, values)
			},
		},
	)
	return cmd
}

func unknownKey(key string) error {
	keys := append([]string(nil), clientConfigKeys...)
	sort.Strings(keys)
	return fmt.Errorf("unknown client configuration key %q; known keys: %v", key, keys)
}

func clientConfigPath(cmd *cobra.Command) string {
	return filepath.Join(client.GetClientContextFromCmd(cmd).HomeDir, "config", "client.toml")
}

// readClientConfig reads client.toml; the root command's pre-run has already
// created it with defaults if it was missing.
func readClientConfig(cmd *cobra.Command) (map[string]string, error) {
	v := viper.New()
	v.SetConfigFile(clientConfigPath(cmd))
	v.SetConfigType("toml")
	if err := v.ReadInConfig(); err != nil {
		return nil, fmt.Errorf("reading client configuration: %w", err)
	}
	defaults := config.DefaultConfig()
	values := map[string]string{
		"chain-id":                defaults.ChainID,
		"keyring-backend":         defaults.KeyringBackend,
		"keyring-default-keyname": defaults.KeyringDefaultKeyName,
		"output":                  defaults.Output,
		"node":                    defaults.Node,
		"broadcast-mode":          defaults.BroadcastMode,
	}
	for _, k := range clientConfigKeys {
		if v.IsSet(k) {
			values[k] = v.GetString(k)
		}
	}
	return values, nil
}

func writeClientConfig(cmd *cobra.Command, values map[string]string) error {
	tmpl, err := template.New("client.toml").Parse(clientTemplate)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, map[string]any{"Use": cmd.Root().Name(), "Values": values}); err != nil {
		return err
	}
	path := clientConfigPath(cmd)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o600)
}
