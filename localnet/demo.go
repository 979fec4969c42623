package localnet

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// DemoDelegation is what the demo delegates: power +50 with the SDK's
// power reduction.
const DemoDelegation = 50_000_000

// Demo shows, in plain language, a delegation on the provider changing
// the consumer's CometBFT validator set, and how long it took.
func (n *Network) Demo(ctx context.Context, out io.Writer) error {
	if len(n.Consumers) == 0 {
		return fmt.Errorf("the network has no consumer")
	}
	say := func(format string, args ...any) { fmt.Fprintf(out, "==> "+format+"\n", args...) }
	c := &n.Consumers[0]
	target := len(n.Provider.Nodes) - 1
	names, err := n.validatorNames()
	if err != nil {
		return err
	}

	before, err := c.Nodes[0].Validators(ctx)
	if err != nil {
		return err
	}
	say("%s's validator set, as its CometBFT RPC reports it: %s", c.ChainID, describeSet(before, names))
	say("These are the provider's validators, signing %s blocks with their provider consensus keys.", c.ChainID)

	valoper, err := n.operatorAddress(ctx, target)
	if err != nil {
		return err
	}
	amount := fmt.Sprintf("%d%s", DemoDelegation, BondDenom)
	say("Delegating %s from %q to val%d (%s) on %s...", amount, UserKey, target, valoper, n.Provider.ChainID)
	height, err := n.Tx(ctx, &n.Provider, UserKey, "staking", "delegate", valoper, amount)
	if err != nil {
		return err
	}
	included := time.Now()
	// The CLI may print either field name, and omits a zero.
	var epoch struct {
		Snake string `json:"blocks_until_next_epoch"`
		Camel string `json:"blocksUntilNextEpoch"`
	}
	if err := n.Query(ctx, &n.Provider, &epoch, "provider", "blocks-until-next-epoch"); err == nil {
		blocks := cmp.Or(epoch.Snake, epoch.Camel, "0")
		say("Included at provider height %d. The provider sends validator-set changes at epoch ends: the next is in %s blocks.", height, blocks)
	} else {
		say("Included at provider height %d. The provider sends the change at its next epoch end.", height)
	}
	say("Then the relayer delivers the VSC packet, and %s applies it two blocks after receiving it.", c.ChainID)

	targetKey := keyOf(names, fmt.Sprintf("val%d", target))
	want := powerOf(before, targetKey) + DemoDelegation/1_000_000
	var after []Validator
	err = waitFor(ctx, 3*time.Minute, 500*time.Millisecond, func() (bool, error) {
		vals, err := c.Nodes[0].Validators(ctx)
		if err != nil {
			return false, nil
		}
		after = vals
		return powerOf(vals, targetKey) == want, nil
	})
	if err != nil {
		return fmt.Errorf("%s's validator set did not change: %w (relayer log: %s)", c.ChainID, err, n.Relayer.Process.Log)
	}
	say("%s's validator set is now: %s", c.ChainID, describeSet(after, names))
	say("val%d's power on %s went from %d to %d, %.1f s after the delegation was included on the provider.",
		target, c.ChainID, want-DemoDelegation/1_000_000, want, time.Since(included).Seconds())
	return nil
}

// validatorNames maps each validator's consensus public key (base64, as
// CometBFT's RPC shows it) to "valN".
func (n *Network) validatorNames() (map[string]string, error) {
	names := map[string]string{}
	for i := range n.Provider.Nodes {
		key, err := n.ConsensusKey(i)
		if err != nil {
			return nil, err
		}
		names[key] = fmt.Sprintf("val%d", i)
	}
	return names, nil
}

// ConsensusKey is validator i's consensus public key, base64 as CometBFT's
// RPC shows it. The validator signs with it on every chain.
func (n *Network) ConsensusKey(i int) (string, error) {
	data, err := os.ReadFile(filepath.Join(n.Provider.Nodes[i].Home, "config", "priv_validator_key.json"))
	if err != nil {
		return "", err
	}
	var key struct {
		PubKey struct {
			Value string `json:"value"`
		} `json:"pub_key"`
	}
	if err := json.Unmarshal(data, &key); err != nil {
		return "", err
	}
	return key.PubKey.Value, nil
}

// OperatorAddress is validator i's valoper address on the provider.
func (n *Network) OperatorAddress(ctx context.Context, i int) (string, error) {
	return n.operatorAddress(ctx, i)
}

// operatorAddress is validator i's valoper address.
func (n *Network) operatorAddress(ctx context.Context, i int) (string, error) {
	out, err := n.run(ctx, "providerd", "keys", "show", ValidatorKey(i), "--bech", "val", "-a",
		"--keyring-backend", "test", "--keyring-dir", n.KeyringDir, "--home", filepath.Join(n.Home, "cli"))
	return strings.TrimSpace(string(out)), err
}

func describeSet(vals []Validator, names map[string]string) string {
	parts := make([]string, 0, len(vals))
	for _, v := range vals {
		name := names[v.PubKey.Value]
		if name == "" {
			name = v.Address[:8]
		}
		parts = append(parts, fmt.Sprintf("%s power %d", name, v.Power))
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}

func keyOf(names map[string]string, name string) string {
	for key, n := range names {
		if n == name {
			return key
		}
	}
	return ""
}

func powerOf(vals []Validator, pubKey string) int64 {
	for _, v := range vals {
		if v.PubKey.Value == pubKey {
			return v.Power
		}
	}
	return 0
}
