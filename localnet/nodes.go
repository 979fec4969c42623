package localnet

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cometbft/cometbft/p2p"
)

// newNodes lays out one node per validator for a chain, with fresh ports.
func newNodes(home, chainDir, prefix string, validators int, ports *portAllocator) ([]Node, error) {
	nodes := make([]Node, validators)
	for i := range nodes {
		p, err := ports.node()
		if err != nil {
			return nil, err
		}
		nodes[i] = Node{
			Name:  fmt.Sprintf("%s-val%d", prefix, i),
			Home:  filepath.Join(home, chainDir, fmt.Sprintf("val%d", i)),
			Ports: p,
		}
	}
	return nodes, nil
}

// initNodes runs `<binary> init` for every node of c.
func (n *Network) initNodes(ctx context.Context, c *Chain) error {
	for i, node := range c.Nodes {
		if _, err := n.run(ctx, c.Binary, "init", fmt.Sprintf("val%d", i), "--chain-id", c.ChainID, "--home", node.Home); err != nil {
			return err
		}
	}
	return nil
}

// configureNodes writes every node's listen addresses, its peers (all the
// chain's other nodes) and the block time, then copies node 0's genesis to
// the others.
func configureNodes(c *Chain, blockTime time.Duration) error {
	ids := make([]string, len(c.Nodes))
	for i, node := range c.Nodes {
		key, err := p2p.LoadNodeKey(filepath.Join(node.Home, "config", "node_key.json"))
		if err != nil {
			return err
		}
		ids[i] = fmt.Sprintf("%s@127.0.0.1:%d", key.ID(), node.Ports.P2P)
	}
	genesis, err := os.ReadFile(filepath.Join(c.Nodes[0].Home, "config", "genesis.json"))
	if err != nil {
		return err
	}
	for i, node := range c.Nodes {
		var peers []string
		for j, id := range ids {
			if j != i {
				peers = append(peers, id)
			}
		}
		if err := configureNode(c.ChainID, node, strings.Join(peers, ","), blockTime); err != nil {
			return err
		}
		if i > 0 {
			if err := os.WriteFile(filepath.Join(node.Home, "config", "genesis.json"), genesis, 0o600); err != nil {
				return err
			}
		}
	}
	return nil
}

// configureNode edits one node's config.toml, app.toml and client.toml.
// Everything a node needs is in its files, so `<binary> start --home H`
// alone restarts it.
func configureNode(chainID string, node Node, peers string, blockTime time.Duration) error {
	cfg := filepath.Join(node.Home, "config")
	rpc := fmt.Sprintf("tcp://127.0.0.1:%d", node.Ports.RPC)
	err := editTOML(filepath.Join(cfg, "config.toml"), tomlEdits{
		"rpc": {"laddr": quote(rpc), "pprof_laddr": quote("")},
		"p2p": {
			"laddr":              quote(fmt.Sprintf("tcp://127.0.0.1:%d", node.Ports.P2P)),
			"persistent_peers":   quote(peers),
			"addr_book_strict":   "false",
			"allow_duplicate_ip": "true",
		},
		"consensus": {"timeout_commit": quote(blockTime.String())},
	})
	if err != nil {
		return err
	}
	err = editTOML(filepath.Join(cfg, "app.toml"), tomlEdits{
		"api":      {"enable": "false"},
		"grpc":     {"address": quote(fmt.Sprintf("127.0.0.1:%d", node.Ports.GRPC))},
		"grpc-web": {"enable": "false"},
	})
	if err != nil {
		return err
	}
	return editTOML(filepath.Join(cfg, "client.toml"), tomlEdits{
		"": {"chain-id": quote(chainID), "keyring-backend": quote("test"), "node": quote(rpc)},
	})
}

// startNodes starts every node of c that is not running.
func (n *Network) startNodes(c *Chain, dieWithParent bool) error {
	for i := range c.Nodes {
		node := &c.Nodes[i]
		if node.Process.Alive() {
			continue
		}
		node.Process = Process{
			Args:   []string{filepath.Join(n.BinDir, c.Binary), "start", "--home", node.Home},
			Log:    filepath.Join(n.Home, "logs", node.Name+".log"),
			Marker: node.Home,
		}
		if err := node.Process.start(dieWithParent); err != nil {
			return fmt.Errorf("%s: %w", node.Name, err)
		}
	}
	return n.save()
}

// StopNode stops one node by name (the others keep the chain going).
func (n *Network) StopNode(name string) error {
	for _, c := range n.Chains() {
		for i := range c.Nodes {
			if c.Nodes[i].Name == name {
				if err := c.Nodes[i].Process.stop(20 * time.Second); err != nil {
					return err
				}
				return n.save()
			}
		}
	}
	return fmt.Errorf("no node %s", name)
}

// StartNode starts one stopped node by name, as `up` would.
func (n *Network) StartNode(name string, dieWithParent bool) error {
	for _, c := range n.Chains() {
		for i := range c.Nodes {
			if c.Nodes[i].Name == name {
				if c.Nodes[i].Process.Alive() {
					return nil
				}
				if err := checkPortsFree(c.Nodes[i : i+1]); err != nil {
					return err
				}
				if err := c.Nodes[i].Process.start(dieWithParent); err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
				return n.save()
			}
		}
	}
	return fmt.Errorf("no node %s", name)
}
