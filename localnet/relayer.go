package localnet

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/rampart-ics/rampart/relayer"
)

// writeRelayerConfig writes a relayer configuration with one CCV path per
// consumer, through each chain's first node.
func (n *Network) writeRelayerConfig(rampartBin string) error {
	dir := filepath.Join(n.Home, "relayer")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	cfg := relayer.Config{
		Key:          relayer.KeyConfig{Name: RelayerKey, KeyringBackend: "test", KeyringDir: n.KeyringDir},
		PollInterval: "200ms",
	}
	for _, c := range n.Chains() {
		cfg.Chains = append(cfg.Chains, relayer.ChainConfig{ChainID: c.ChainID, RPC: c.Nodes[0].RPC()})
	}
	for _, c := range n.Consumers {
		cfg.Paths = append(cfg.Paths, relayer.PathConfig{
			Name: c.ChainID, A: c.ChainID, B: n.Provider.ChainID,
			AClient: c.ProviderClient, BClient: c.ClientOnProvider, CCV: true,
		})
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	n.Relayer.Config = filepath.Join(dir, "config.toml")
	n.Relayer.Process = Process{
		Args:   []string{rampartBin, "relay", "--config", n.Relayer.Config},
		Log:    filepath.Join(n.Home, "logs", "relayer.log"),
		Marker: n.Relayer.Config,
	}
	return cfg.Write(n.Relayer.Config)
}

// StartRelayer starts the relayer if it is configured and not running.
func (n *Network) StartRelayer(dieWithParent bool) error {
	if n.Relayer.Config == "" || n.Relayer.Process.Alive() {
		return nil
	}
	if err := n.Relayer.Process.start(dieWithParent); err != nil {
		return fmt.Errorf("relayer: %w", err)
	}
	return n.save()
}

// StopRelayer stops the relayer; the chains keep running.
func (n *Network) StopRelayer() error {
	if err := n.Relayer.Process.stop(10 * time.Second); err != nil {
		return err
	}
	return n.save()
}

// ProviderInfo is the consumer's view of its established CCV channel.
type ProviderInfo struct {
	Consumer struct {
		ConnectionID string `json:"connectionID"`
		ChannelID    string `json:"channelID"`
	} `json:"consumer"`
	Provider struct {
		ConnectionID string `json:"connectionID"`
		ChannelID    string `json:"channelID"`
	} `json:"provider"`
}

// WaitCCVChannel waits until c has received its first VSC packet over an
// open CCV channel (the consumer then reports the channel).
func (n *Network) WaitCCVChannel(ctx context.Context, c *Chain, timeout time.Duration) (ProviderInfo, error) {
	var info ProviderInfo
	err := waitFor(ctx, timeout, time.Second, func() (bool, error) {
		if !n.Relayer.Process.Alive() {
			return false, fmt.Errorf("the relayer is not running: see %s", n.Relayer.Process.Log)
		}
		return n.Query(ctx, c, &info, "ccvconsumer", "provider-info") == nil, nil
	})
	if err != nil {
		return ProviderInfo{}, fmt.Errorf("%s: CCV channel not established: %w (relayer log: %s)", c.ChainID, err, n.Relayer.Process.Log)
	}
	return info, nil
}

// providerClient finds a consumer's client of the provider, which the
// consumer's genesis created.
func (n *Network) providerClient(ctx context.Context, c *Chain) (string, error) {
	var res struct {
		ClientStates []struct {
			ClientID    string `json:"client_id"`
			ClientState struct {
				ChainID string `json:"chain_id"`
			} `json:"client_state"`
		} `json:"client_states"`
	}
	if err := n.Query(ctx, c, &res, "ibc", "client", "states"); err != nil {
		return "", err
	}
	for _, cs := range res.ClientStates {
		if cs.ClientState.ChainID == n.Provider.ChainID {
			return cs.ClientID, nil
		}
	}
	return "", fmt.Errorf("%s has no client of %s", c.ChainID, n.Provider.ChainID)
}
