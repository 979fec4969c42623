package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func execute(args ...string) (string, error) {
	cmd := newRootCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), err
}

func TestCommands(t *testing.T) {
	for _, path := range [][]string{{"relay"}, {"localnet", "up"}, {"localnet", "status"}, {"localnet", "down"}, {"localnet", "demo"}} {
		cmd, _, err := newRootCmd().Find(path)
		require.NoError(t, err, path)
		require.Equal(t, path[len(path)-1], cmd.Name())
	}
}

func TestRelayNeedsAConfig(t *testing.T) {
	_, err := execute("relay")
	require.ErrorContains(t, err, `"config" not set`)

	_, err = execute("relay", "--config", filepath.Join(t.TempDir(), "missing.toml"))
	require.ErrorContains(t, err, "no such file")
}

func TestStatusWithoutNetwork(t *testing.T) {
	_, err := execute("localnet", "status", "--home", t.TempDir())
	require.ErrorContains(t, err, "no local network in")
}
