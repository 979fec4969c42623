package localnet

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
)

// consumerFunds is what the user and the relayer hold on each consumer;
// transactions there are free (minimum gas price 0), so it is only to
// create the accounts.
const consumerFunds = "1000000000ucon"

// launchConsumer registers c on the provider with MsgCreateConsumer, has
// every provider validator opt in, schedules the launch a few seconds
// away, waits for it, and returns the genesis the provider generated for
// it. Consumers are opt-in chains: one that nobody joined would not launch.
func (n *Network) launchConsumer(ctx context.Context, opts *Options, c *Chain) (json.RawMessage, error) {
	dir := filepath.Join(n.Home, c.ChainID)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	metadata := filepath.Join(dir, "metadata.json")
	if err := writeJSON(metadata, map[string]string{
		"name": c.ChainID, "description": "local network consumer", "metadata": "{}",
	}); err != nil {
		return nil, err
	}
	if _, err := n.Tx(ctx, &n.Provider, UserKey, "provider", "create-consumer", c.ChainID, metadata); err != nil {
		return nil, err
	}
	id, err := n.consumerID(ctx, c.ChainID)
	if err != nil {
		return nil, err
	}
	c.ConsumerID = id
	if err := n.optInAll(ctx, id); err != nil {
		return nil, fmt.Errorf("%s: %w", c.ChainID, err)
	}
	initParams := filepath.Join(dir, "init.json")
	spawn := time.Now().UTC().Add(3 * time.Second).Format(time.RFC3339)
	if err := writeJSON(initParams, consumerInitParams(c.ChainID, spawn)); err != nil {
		return nil, err
	}
	if _, err := n.Tx(ctx, &n.Provider, UserKey, "provider", "update-consumer", id,
		"--initialization-parameters", initParams); err != nil {
		return nil, err
	}
	opts.progress("%s: registered on the provider as consumer %s, every validator opted in, spawn time %s", c.ChainID, id, spawn)

	var chain struct {
		Phase    string `json:"phase"`
		ClientID string `json:"client_id"`
	}
	err = waitFor(ctx, 60*time.Second, 500*time.Millisecond, func() (bool, error) {
		if err := n.Query(ctx, &n.Provider, &chain, "provider", "consumer-chain", id); err != nil {
			return false, nil
		}
		if chain.Phase == "CONSUMER_PHASE_REGISTERED" {
			return false, fmt.Errorf("%s: the provider could not launch it (back to REGISTERED): see %s",
				c.ChainID, n.Provider.Nodes[0].Process.Log)
		}
		return chain.Phase == "CONSUMER_PHASE_LAUNCHED", nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: waiting for launch: %w", c.ChainID, err)
	}
	c.ClientOnProvider = chain.ClientID
	genesis, err := n.run(ctx, "providerd", append([]string{"query", "provider", "consumer-genesis", id, "-o", "json"}, queryFlags(&n.Provider)...)...)
	if err != nil {
		return nil, err
	}
	return genesis, nil
}

// optInAll has every provider validator opt in to a consumer with its
// provider consensus key.
func (n *Network) optInAll(ctx context.Context, consumerID string) error {
	for i := range n.Provider.Nodes {
		valoper, err := n.operatorAddress(ctx, i)
		if err != nil {
			return err
		}
		if _, err := n.Tx(ctx, &n.Provider, ValidatorKey(i), "provider", "opt-in", consumerID, "--provider-addr", valoper); err != nil {
			return fmt.Errorf("opting in %s: %w", ValidatorKey(i), err)
		}
	}
	return nil
}

// consumerInitParams are a local consumer's initialization parameters.
func consumerInitParams(chainID, spawn string) map[string]any {
	return map[string]any{
		// The revision must be the one in the chain id ("consumer-2" → 2),
		// or IBC refuses the provider's client of it.
		"initial_height": map[string]string{
			"revision_number": strconv.FormatUint(clienttypes.ParseChainID(chainID), 10), "revision_height": "1",
		},
		"spawn_time":                           spawn,
		"unbonding_period":                     "1728000s",
		"ccv_timeout_period":                   "2419200s",
		"transfer_timeout_period":              "3600s",
		"consumer_redistribution_fraction":     "0.75",
		"blocks_per_distribution_transmission": "1000",
		"historical_entries":                   "10000",
	}
}

// consumerID finds the id the provider gave chainID: the highest one, as
// the network creates its consumers one at a time.
func (n *Network) consumerID(ctx context.Context, chainID string) (string, error) {
	var list struct {
		Chains []struct {
			ConsumerID string `json:"consumer_id"`
			ChainID    string `json:"chain_id"`
		} `json:"chains"`
	}
	if err := n.Query(ctx, &n.Provider, &list, "provider", "list-consumer-chains"); err != nil {
		return "", err
	}
	id := ""
	for _, ch := range list.Chains {
		if ch.ChainID == chainID && (id == "" || idAfter(ch.ConsumerID, id)) {
			id = ch.ConsumerID
		}
	}
	if id == "" {
		return "", fmt.Errorf("%s is not among the provider's consumers after MsgCreateConsumer", chainID)
	}
	return id, nil
}

func idAfter(a, b string) bool {
	return len(a) > len(b) || (len(a) == len(b) && a > b)
}

// initConsumer creates c's nodes: each validator signs with the consensus
// key it has on the provider, and the genesis carries the provider's
// consumer genesis under app_state.ccvconsumer.
func (n *Network) initConsumer(ctx context.Context, c *Chain, ccvGenesis json.RawMessage) error {
	if err := n.initNodes(ctx, c); err != nil {
		return err
	}
	for i, node := range c.Nodes {
		key, err := os.ReadFile(filepath.Join(n.Provider.Nodes[i].Home, "config", "priv_validator_key.json"))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(node.Home, "config", "priv_validator_key.json"), key, 0o600); err != nil {
			return err
		}
	}
	home0 := c.Nodes[0].Home
	for _, name := range []string{UserKey, RelayerKey} {
		addr, err := n.KeyAddress(ctx, c, name)
		if err != nil {
			return err
		}
		if _, err := n.run(ctx, c.Binary, "genesis", "add-genesis-account", addr, consumerFunds, "--home", home0); err != nil {
			return err
		}
	}
	if err := setAppState(filepath.Join(home0, "config", "genesis.json"), "ccvconsumer", ccvGenesis); err != nil {
		return err
	}
	_, err := n.run(ctx, c.Binary, "genesis", "validate", "--home", home0)
	return err
}

// setAppState replaces app_state.<module> in a genesis file.
func setAppState(path, module string, value json.RawMessage) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var genesis map[string]json.RawMessage
	if err := json.Unmarshal(data, &genesis); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	var appState map[string]json.RawMessage
	if err := json.Unmarshal(genesis["app_state"], &appState); err != nil {
		return fmt.Errorf("%s: app_state: %w", path, err)
	}
	appState[module] = value
	if genesis["app_state"], err = json.Marshal(appState); err != nil {
		return err
	}
	out, err := json.MarshalIndent(genesis, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, out, 0o600)
}

func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o600)
}
