package localnet

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// Amounts in the provider genesis. With the SDK's power reduction (10^6)
// each validator starts with power 100.
const (
	BondDenom      = "stake"
	ValidatorBond  = 100_000_000
	validatorFunds = "1000000000" + BondDenom
	userFunds      = "100000000000" + BondDenom
	relayerFunds   = "1000000000" + BondDenom
)

// Key names in the network's keyring.
const (
	// UserKey holds funds for delegations and consumer creation.
	UserKey = "user"
	// RelayerKey signs the relayer's transactions on every chain.
	RelayerKey = "relayer"
)

// ValidatorKey names validator i's operator key.
func ValidatorKey(i int) string { return fmt.Sprintf("val%d", i) }

// addKey creates a key in the network keyring and returns its provider
// address.
func (n *Network) addKey(ctx context.Context, name string) (string, error) {
	var out struct {
		Address string `json:"address"`
	}
	err := n.runJSON(ctx, &out, "providerd", "keys", "add", name, "--output", "json",
		"--keyring-backend", "test", "--keyring-dir", n.KeyringDir, "--home", filepath.Join(n.Home, "cli"))
	return out.Address, err
}

// KeyAddress returns a key's address with the chain's prefix.
func (n *Network) KeyAddress(ctx context.Context, c *Chain, name string) (string, error) {
	out, err := n.run(ctx, c.Binary, "keys", "show", name, "-a",
		"--keyring-backend", "test", "--keyring-dir", n.KeyringDir, "--home", filepath.Join(n.Home, "cli"))
	if err != nil {
		return "", err
	}
	return string(trimNewline(out)), nil
}

// initProvider creates the provider's nodes and its genesis: every
// validator funded and bonded by a gentx, plus the user and relayer
// accounts.
func (n *Network) initProvider(ctx context.Context, opts *Options) error {
	c := &n.Provider
	if err := n.initNodes(ctx, c); err != nil {
		return err
	}
	home0 := c.Nodes[0].Home
	fund := func(addr, amount string) error {
		_, err := n.run(ctx, "providerd", "genesis", "add-genesis-account", addr, amount, "--home", home0)
		return err
	}
	for i := range c.Nodes {
		addr, err := n.addKey(ctx, ValidatorKey(i))
		if err != nil {
			return err
		}
		if err := fund(addr, validatorFunds); err != nil {
			return err
		}
	}
	for _, k := range []struct{ name, amount string }{{UserKey, userFunds}, {RelayerKey, relayerFunds}} {
		addr, err := n.addKey(ctx, k.name)
		if err != nil {
			return err
		}
		if err := fund(addr, k.amount); err != nil {
			return err
		}
	}
	return n.collectGentxs(ctx, c)
}

// collectGentxs has each validator sign its gentx against the funded
// genesis, then gathers them into node 0's genesis.
func (n *Network) collectGentxs(ctx context.Context, c *Chain) error {
	home0 := c.Nodes[0].Home
	genesis, err := os.ReadFile(filepath.Join(home0, "config", "genesis.json"))
	if err != nil {
		return err
	}
	gentxDir := filepath.Join(home0, "config", "gentx")
	if err := os.MkdirAll(gentxDir, 0o700); err != nil {
		return err
	}
	for i, node := range c.Nodes {
		if i > 0 {
			if err := os.WriteFile(filepath.Join(node.Home, "config", "genesis.json"), genesis, 0o600); err != nil {
				return err
			}
		}
		out := filepath.Join(gentxDir, fmt.Sprintf("gentx-val%d.json", i))
		_, err := n.run(ctx, "providerd", "genesis", "gentx", ValidatorKey(i), fmt.Sprintf("%d%s", ValidatorBond, BondDenom),
			"--chain-id", c.ChainID, "--home", node.Home, "--moniker", node.Name,
			"--keyring-backend", "test", "--keyring-dir", n.KeyringDir, "--output-document", out)
		if err != nil {
			return err
		}
	}
	if _, err := n.run(ctx, "providerd", "genesis", "collect-gentxs", "--home", home0); err != nil {
		return err
	}
	_, err = n.run(ctx, "providerd", "genesis", "validate", "--home", home0)
	return err
}

func trimNewline(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
