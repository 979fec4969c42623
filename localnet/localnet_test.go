package localnet_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rampart-ics/rampart/localnet"
)

const configFixture = `# a CometBFT-like file
moniker = "node"

[rpc]
laddr = "tcp://127.0.0.1:26657"
pprof_laddr = "localhost:6060"

[p2p]
laddr = "tcp://0.0.0.0:26656"
persistent_peers = ""

[[p2p.libp2p.scaler.overrides]]
reactor = "MEMPOOL"
`

func TestEditTOML(t *testing.T) {
	tests := []struct {
		name    string
		edits   localnet.TOMLEdits
		want    []string
		wantErr string
	}{
		{
			name: "edits land in their own section only",
			edits: localnet.TOMLEdits{
				"":    {"moniker": `"val0"`},
				"p2p": {"laddr": `"tcp://127.0.0.1:27101"`, "persistent_peers": `"a@127.0.0.1:1"`},
			},
			want: []string{
				`moniker = "val0"`, `laddr = "tcp://127.0.0.1:26657"`, `laddr = "tcp://127.0.0.1:27101"`,
				`persistent_peers = "a@127.0.0.1:1"`, `reactor = "MEMPOOL"`,
			},
		},
		{
			name:    "a key the file does not have is an error that names it",
			edits:   localnet.TOMLEdits{"consensus": {"timeout_commit": `"1s"`}},
			wantErr: "[consensus] timeout_commit",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.toml")
			require.NoError(t, os.WriteFile(path, []byte(configFixture), 0o600))
			err := localnet.EditTOML(path, tc.edits)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			for _, line := range tc.want {
				require.Contains(t, string(data), line+"\n")
			}
		})
	}
}

func TestPortAllocationSkipsBusyPorts(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	busy := l.Addr().(*net.TCPAddr).Port

	got, err := localnet.TakePort(busy)
	require.NoError(t, err)
	require.Greater(t, got, busy)
}

// A process is recognised by pid and command line: a reused pid running
// something else is not "alive", and stopping kills the whole group.
func TestProcessLifecycle(t *testing.T) {
	marker := "rampart-localnet-test-" + strconv.Itoa(os.Getpid())
	p := &localnet.Process{
		Args:   []string{"/bin/sh", "-c", "sleep 60 & wait", marker},
		Log:    filepath.Join(t.TempDir(), "p.log"),
		Marker: marker,
	}
	require.NoError(t, localnet.StartProcess(p))
	t.Cleanup(func() { _ = localnet.StopProcess(p) })
	require.True(t, p.Alive(), "alive as soon as started")

	impostor := *p
	impostor.Marker = "some other home"
	require.False(t, impostor.Alive(), "same pid, other command line")

	require.NoError(t, localnet.StopProcess(p))
	require.False(t, p.Alive())
	require.Zero(t, p.PID)
}

func TestUpRefusals(t *testing.T) {
	ctx := context.Background()

	t.Run("missing binary", func(t *testing.T) {
		_, err := localnet.Up(ctx, localnet.Options{Home: t.TempDir(), BinDir: t.TempDir(), NoRelayer: true})
		require.ErrorContains(t, err, "providerd is missing from")
	})

	t.Run("over a running network", func(t *testing.T) {
		home := t.TempDir()
		marker := filepath.Join(home, "provider", "val0")
		n := &localnet.Network{Home: home, Provider: localnet.Chain{ChainID: "provider-1", Nodes: []localnet.Node{{
			Name: "provider-val0", Home: marker,
			Process: localnet.Process{Args: []string{"/bin/sh", "-c", "sleep 60", marker}, Log: filepath.Join(home, "p.log"), Marker: marker},
		}}}}
		require.NoError(t, localnet.StartProcess(&n.Provider.Nodes[0].Process))
		t.Cleanup(func() { _ = localnet.StopProcess(&n.Provider.Nodes[0].Process) })
		require.NoError(t, localnet.SaveNetwork(n))

		_, err := localnet.Up(ctx, localnet.Options{Home: home})
		require.ErrorContains(t, err, fmt.Sprintf("a network is already running in %s (provider-val0 pid %d)", home, n.Provider.Nodes[0].Process.PID))
	})

	t.Run("a non-empty directory that is not a network", func(t *testing.T) {
		home := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(home, "precious.txt"), nil, 0o600))
		dir := t.TempDir()
		for _, d := range []string{"providerd", "consumerd"} {
			require.NoError(t, os.WriteFile(filepath.Join(dir, d), []byte("#!/bin/sh\n"), 0o700)) //nolint:gosec // a stand-in binary: it must be executable
		}
		_, err := localnet.Up(ctx, localnet.Options{Home: home, BinDir: dir, NoRelayer: true})
		require.ErrorContains(t, err, "holds no network")
	})
}
