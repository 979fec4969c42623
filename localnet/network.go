package localnet

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// stateFile is where a network records its layout and processes.
const stateFile = "network.json"

// ProviderChainID is the provider's chain id; consumer j (from 1) is
// "consumer-j". The revision number in each is 1.
const ProviderChainID = "provider-1"

// Network is a local network: its layout, and the processes it started.
// It is saved as <home>/network.json, so that status and down work from
// any later command.
type Network struct {
	Home       string  `json:"home"`
	BinDir     string  `json:"bin_dir"`
	KeyringDir string  `json:"keyring_dir"`
	Provider   Chain   `json:"provider"`
	Consumers  []Chain `json:"consumers"`
	Relayer    Relayer `json:"relayer"`
}

// Chain is one chain of the network and its nodes, one per validator.
type Chain struct {
	ChainID string `json:"chain_id"`
	Binary  string `json:"binary"`
	// ConsumerID is the provider's id for a consumer.
	ConsumerID string `json:"consumer_id,omitempty"`
	// ClientOnProvider is the provider's client of a consumer;
	// ProviderClient is a consumer's client of the provider.
	ClientOnProvider string `json:"client_on_provider,omitempty"`
	ProviderClient   string `json:"provider_client,omitempty"`
	Nodes            []Node `json:"nodes"`
}

// Node is one chain node (a validator's).
type Node struct {
	Name    string  `json:"name"`
	Home    string  `json:"home"`
	Ports   Ports   `json:"ports"`
	Process Process `json:"process"`
}

// Ports are the loopback ports a node listens on.
type Ports struct {
	RPC  int `json:"rpc"`
	P2P  int `json:"p2p"`
	GRPC int `json:"grpc"`
}

// RPC is the node's CometBFT RPC address.
func (n Node) RPC() string { return fmt.Sprintf("http://127.0.0.1:%d", n.Ports.RPC) }

// Relayer is the relayer process and its files.
type Relayer struct {
	Config  string  `json:"config"`
	Process Process `json:"process"`
}

// Load reads the network saved in home.
func Load(home string) (*Network, error) {
	data, err := os.ReadFile(filepath.Join(home, stateFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no local network in %s (start one with `rampart localnet up`)", home)
	}
	if err != nil {
		return nil, err
	}
	var n Network
	if err := json.Unmarshal(data, &n); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(home, stateFile), err)
	}
	return &n, nil
}

// save writes the network's state file.
func (n *Network) save() error {
	data, err := json.MarshalIndent(n, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(n.Home, stateFile+".tmp")
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(n.Home, stateFile))
}

// Chains returns the provider then the consumers.
func (n *Network) Chains() []*Chain {
	out := []*Chain{&n.Provider}
	for i := range n.Consumers {
		out = append(out, &n.Consumers[i])
	}
	return out
}

// Consumer returns the consumer with chain id chainID.
func (n *Network) Consumer(chainID string) (*Chain, error) {
	for i := range n.Consumers {
		if n.Consumers[i].ChainID == chainID {
			return &n.Consumers[i], nil
		}
	}
	return nil, fmt.Errorf("no consumer %s in this network", chainID)
}

// processes lists every process of the network with a name, relayer first
// (it is stopped first: it talks to the nodes).
func (n *Network) processes() []namedProcess {
	out := []namedProcess{{"relayer", &n.Relayer.Process}}
	for i := len(n.Consumers) - 1; i >= 0; i-- {
		for j := range n.Consumers[i].Nodes {
			node := &n.Consumers[i].Nodes[j]
			out = append(out, namedProcess{node.Name, &node.Process})
		}
	}
	for j := range n.Provider.Nodes {
		node := &n.Provider.Nodes[j]
		out = append(out, namedProcess{node.Name, &node.Process})
	}
	return out
}

type namedProcess struct {
	name string
	proc *Process
}
