package relayer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rampart-ics/rampart/relayer"
)

const validConfig = `
poll_interval = "500ms"
max_msgs_per_tx = 20

[key]
name = "relayer"
keyring_backend = "test"
keyring_dir = "/tmp/keys"

[[chains]]
chain_id = "provider-1"
rpc = "http://127.0.0.1:26657"
gas_price = "0.01stake"

[[chains]]
chain_id = "consumer-1"
rpc = "http://127.0.0.1:36657"
grpc = "127.0.0.1:39090"

[[paths]]
name = "consumer-1"
a = "consumer-1"
b = "provider-1"
ccv = true

[[paths.open]]
port = "transfer"
counterparty_port = "transfer"
ordering = "unordered"
version = "ics20-1"
`

func TestLoadConfig(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(string) string
		wantErr string
	}{
		{name: "valid", edit: func(s string) string { return s }},
		{
			name:    "unknown field is refused, not ignored",
			edit:    func(s string) string { return s + "\nmystery = 1\n" },
			wantErr: "mystery",
		},
		{
			name:    "a path to an unlisted chain",
			edit:    func(s string) string { return replace(s, `b = "provider-1"`, `b = "provider-2"`) },
			wantErr: "must be two different chains",
		},
		{
			name:    "a bad duration",
			edit:    func(s string) string { return replace(s, `"500ms"`, `"soon"`) },
			wantErr: "poll_interval",
		},
		{
			name:    "a bad channel ordering",
			edit:    func(s string) string { return replace(s, `"unordered"`, `"sideways"`) },
			wantErr: "ordering",
		},
		{
			name:    "no key",
			edit:    func(s string) string { return replace(s, `name = "relayer"`, `name = ""`) },
			wantErr: "key.name",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.toml")
			require.NoError(t, os.WriteFile(path, []byte(tc.edit(validConfig)), 0o600))
			cfg, err := relayer.LoadConfig(path)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Len(t, cfg.Paths, 1)
			require.Equal(t, 20, cfg.MaxMsgsPerTx)

			// What Write produces loads back to the same configuration.
			again := filepath.Join(t.TempDir(), "again.toml")
			require.NoError(t, cfg.Write(again))
			reloaded, err := relayer.LoadConfig(again)
			require.NoError(t, err)
			require.Equal(t, cfg, reloaded)
		})
	}
}

func replace(s, old, new string) string { return strings.Replace(s, old, new, 1) }
