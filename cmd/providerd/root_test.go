package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"
)

// The commands the getting-started guide uses exist, and consumer-genesis
// is the protobuf-JSON one, not autocli's.
func TestRootCommands(t *testing.T) {
	root := NewRootCmd()
	for _, path := range [][]string{
		{"init"},
		{"start"},
		{"keys", "add"},
		{"config", "set"},
		{"status"},
		{"genesis", "add-genesis-account"},
		{"genesis", "gentx"},
		{"genesis", "collect-gentxs"},
		{"genesis", "validate"},
		{"tx", "provider", "create-consumer"},
		{"tx", "bank", "send"},
		{"tx", "staking", "delegate"},
		{"query", "provider", "consumer-genesis"},
		{"query", "provider", "list-consumer-chains"},
		{"tx", "provider", "opt-in"},
		{"tx", "provider", "opt-out"},
		{"tx", "provider", "assign-consensus-key"},
		{"tx", "provider", "set-consumer-commission-rate"},
	} {
		cmd, _, err := root.Find(path)
		require.NoError(t, err, path)
		require.Equal(t, path[len(path)-1], cmd.Name(), path)
	}
	cmd, _, err := root.Find([]string{"query", "provider", "consumer-genesis"})
	require.NoError(t, err)
	require.Contains(t, cmd.Long, "protobuf JSON")
	cmd, _, err = root.Find([]string{"query", "provider", "consumer-validators"})
	require.NoError(t, err)
	require.Equal(t, "consumer-validators [consumer-id]", cmd.Use, "the protobuf-JSON command replaces autocli's")
	require.Equal(t, 1, countNamed(cmd.Parent().Commands(), "consumer-validators"))
}

func countNamed(cmds []*cobra.Command, name string) int {
	n := 0
	for _, c := range cmds {
		if c.Name() == name {
			n++
		}
	}
	return n
}

// `config set` writes client.toml and `config get` reads it back.
func TestConfigSetGet(t *testing.T) {
	home := t.TempDir()
	run := func(args ...string) string {
		root := NewRootCmd()
		var out bytes.Buffer
		root.SetOut(&out)
		root.SetArgs(append(args, "--home", home))
		require.NoError(t, svrcmd.Execute(root, "PROVIDERD", home), out.String())
		return strings.TrimSpace(out.String())
	}
	run("config", "set", "node", "tcp://127.0.0.1:36657")
	run("config", "set", "chain-id", "provider-1")
	require.Equal(t, "tcp://127.0.0.1:36657", run("config", "get", "node"))
	require.Equal(t, "provider-1", run("config", "get", "chain-id"))
	require.Contains(t, run("config"), `keyring-backend = "os"`)
}

// Running the node builds the root command without autocli's client
// commands (and without customizing them), and start is there.
func TestRootCommandForStart(t *testing.T) {
	args := os.Args
	t.Cleanup(func() { os.Args = args })
	os.Args = []string{"providerd", "start", "--home", t.TempDir()}
	root := NewRootCmd()
	cmd, _, err := root.Find([]string{"start"})
	require.NoError(t, err)
	require.Equal(t, "start", cmd.Name())
	cmd, _, err = root.Find([]string{"query", "provider"})
	require.True(t, err != nil || cmd.Name() != "provider", "no autocli commands when running the node")
}

// The reward queries take their subject as an argument, as the other
// queries do: `consumer-rewards 0`, `validator-rewards <valcons>`.
func TestRewardQueriesTakeArguments(t *testing.T) {
	root := NewRootCmd()
	for path, arg := range map[string]string{
		"consumer-rewards":  "0",
		"validator-rewards": "cosmosvalcons1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
	} {
		cmd, _, err := root.Find([]string{"query", "provider", "rampart", path})
		require.NoError(t, err, path)
		require.Equal(t, path, cmd.Name())
		require.NoError(t, cmd.Args(cmd, []string{arg}), "%s takes one argument", path)
		require.Error(t, cmd.Args(cmd, []string{arg, "extra"}), "%s takes one argument only", path)
		require.NotEmpty(t, cmd.Example, path)
	}
}

// `providerd version` prints a version even from a build without -ldflags.
func TestVersionPrintsSomething(t *testing.T) {
	root := NewRootCmd()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetArgs([]string{"version"})
	require.NoError(t, svrcmd.Execute(root, "", t.TempDir()))
	require.NotEmpty(t, strings.TrimSpace(out.String()), "stdout: %q", out.String())
}
