package localnet

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// cliTimeout bounds one daemon CLI call.
const cliTimeout = 60 * time.Second

// run executes bin (from the network's bin dir) and returns its stdout.
func (n *Network) run(ctx context.Context, bin string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, cliTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, filepath.Join(n.BinDir, bin), args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = strings.TrimSpace(stdout.String())
		}
		return nil, fmt.Errorf("%s %s: %w: %s", bin, strings.Join(args, " "), err, lastLines(msg, 5))
	}
	return stdout.Bytes(), nil
}

// runJSON executes bin and decodes its JSON output into out.
func (n *Network) runJSON(ctx context.Context, out any, bin string, args ...string) error {
	data, err := n.run(ctx, bin, args...)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("%s %s: output is not the expected JSON: %w: %s", bin, strings.Join(args, " "), err, lastLines(string(data), 3))
	}
	return nil
}

// queryFlags point a query at a chain's first running node.
func queryFlags(c *Chain) []string {
	node := c.Nodes[0]
	for _, candidate := range c.Nodes {
		if candidate.Process.Alive() {
			node = candidate
			break
		}
	}
	return []string{"--home", node.Home, "--node", fmt.Sprintf("tcp://127.0.0.1:%d", node.Ports.RPC)}
}

// txFlags add the chain id and the network's keyring.
func (n *Network) txFlags(c *Chain) []string {
	return append(queryFlags(c), "--chain-id", c.ChainID, "--keyring-backend", "test", "--keyring-dir", n.KeyringDir)
}

// Query runs `<binary> query args... -o json` on chain c into out.
func (n *Network) Query(ctx context.Context, c *Chain, out any, args ...string) error {
	full := append(append([]string{"query"}, args...), "-o", "json")
	full = append(full, queryFlags(c)...)
	return n.runJSON(ctx, out, c.Binary, full...)
}

// Tx sends `<binary> tx args...` from key on chain c, waits for it to be
// in a block and fails if it failed there.
func (n *Network) Tx(ctx context.Context, c *Chain, from string, args ...string) (int64, error) {
	full := append(append([]string{"tx"}, args...), "--from", from, "-y", "-o", "json", "--gas", "auto", "--gas-adjustment", "1.5")
	full = append(full, n.txFlags(c)...)
	var res struct {
		TxHash string `json:"txhash"`
		Code   int    `json:"code"`
		RawLog string `json:"raw_log"`
	}
	if err := n.runJSON(ctx, &res, c.Binary, full...); err != nil {
		return 0, err
	}
	if res.Code != 0 {
		return 0, fmt.Errorf("%s tx %s refused (code %d): %s", c.ChainID, args[0], res.Code, res.RawLog)
	}
	var included struct {
		Height string `json:"height"`
		Code   int    `json:"code"`
		RawLog string `json:"raw_log"`
	}
	err := waitFor(ctx, 30*time.Second, time.Second, func() (bool, error) {
		return n.Query(ctx, c, &included, "tx", res.TxHash) == nil, nil
	})
	if err != nil {
		return 0, fmt.Errorf("%s tx %s: not in a block after 30s", c.ChainID, res.TxHash)
	}
	if included.Code != 0 {
		return 0, fmt.Errorf("%s tx %s failed (code %d): %s", c.ChainID, res.TxHash, included.Code, included.RawLog)
	}
	var h int64
	_, _ = fmt.Sscan(included.Height, &h)
	return h, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}
