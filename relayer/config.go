package relayer

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
)

// Config is the relayer's configuration file (TOML).
type Config struct {
	// Key signs on every chain: the same key, so the same account bytes,
	// under each chain's address prefix. It must hold an account on each.
	Key KeyConfig `toml:"key"`
	// PollInterval is how often chains are polled for new blocks ("300ms").
	PollInterval string `toml:"poll_interval"`
	// MaxMsgsPerTx bounds a batch, client update included.
	MaxMsgsPerTx int           `toml:"max_msgs_per_tx"`
	Chains       []ChainConfig `toml:"chains"`
	Paths        []PathConfig  `toml:"paths"`
}

// KeyConfig locates the signing key in an SDK keyring.
type KeyConfig struct {
	Name string `toml:"name"`
	// KeyringBackend is "test" or "file" (as in the SDK's --keyring-backend).
	KeyringBackend string `toml:"keyring_backend"`
	// KeyringDir holds the keyring (the SDK puts keyring-<backend>/ in it).
	KeyringDir string `toml:"keyring_dir"`
}

// ChainConfig is how to reach one chain.
type ChainConfig struct {
	ChainID string `toml:"chain_id"`
	// RPC is the CometBFT RPC address, e.g. "http://127.0.0.1:26657".
	RPC string `toml:"rpc"`
	// GRPC, if set, serves the plain queries ("127.0.0.1:9090"); proofs,
	// headers, events and broadcasts always use RPC.
	GRPC string `toml:"grpc"`
	// AccountPrefix is the Bech32 prefix; asked from the chain when empty.
	AccountPrefix string `toml:"account_prefix"`
	// GasPrice is the fee per unit of gas, e.g. "0.025stake"; "" pays nothing.
	GasPrice string `toml:"gas_price"`
	// GasAdjustment multiplies simulated gas (default 1.5).
	GasAdjustment float64 `toml:"gas_adjustment"`
	// Timeout bounds each RPC call ("10s").
	Timeout string `toml:"timeout"`
}

// PathConfig is a pair of chains to relay between: A opens the connection
// and the listed channels; for CCV, A is the consumer.
type PathConfig struct {
	Name string `toml:"name"`
	A    string `toml:"a"`
	B    string `toml:"b"`
	// AClient and BClient are the light clients on A and B; when empty,
	// the only active client on each that tracks the other is used.
	AClient string `toml:"a_client"`
	BClient string `toml:"b_client"`
	// CCV opens the CCV channel (consumer port on A, provider on B).
	CCV bool `toml:"ccv"`
	// Open lists further channels to open from A.
	Open []ChannelConfig `toml:"open"`
}

// ChannelConfig is a channel the relayer opens from side A.
type ChannelConfig struct {
	Port             string `toml:"port"`
	CounterpartyPort string `toml:"counterparty_port"`
	Ordering         string `toml:"ordering"` // "ORDERED" or "UNORDERED"
	Version          string `toml:"version"`
}

// LoadConfig reads and checks a configuration file.
func LoadConfig(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, err
	}
	var cfg Config
	if err := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields().Decode(&cfg); err != nil {
		var strict *toml.StrictMissingError
		if errors.As(err, &strict) {
			return Config{}, fmt.Errorf("%s: unknown settings:\n%s", path, strict.String())
		}
		return Config{}, fmt.Errorf("%s: %w", path, err)
	}
	if err := cfg.Validate(); err != nil {
		return Config{}, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}

// Write saves the configuration as TOML.
func (c Config) Write(path string) error {
	data, err := toml.Marshal(c)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o600)
}

// Validate checks the configuration and says what is wrong.
func (c Config) Validate() error {
	if c.Key.Name == "" || c.Key.KeyringDir == "" {
		return fmt.Errorf("key.name and key.keyring_dir are required")
	}
	if _, err := c.pollInterval(); err != nil {
		return err
	}
	chains := map[string]bool{}
	for _, ch := range c.Chains {
		if ch.ChainID == "" || ch.RPC == "" {
			return fmt.Errorf("every chain needs chain_id and rpc")
		}
		if chains[ch.ChainID] {
			return fmt.Errorf("chain %s is listed twice", ch.ChainID)
		}
		chains[ch.ChainID] = true
		if _, err := ch.timeout(); err != nil {
			return fmt.Errorf("chain %s: %w", ch.ChainID, err)
		}
	}
	if len(c.Paths) == 0 {
		return fmt.Errorf("no paths to relay")
	}
	for _, p := range c.Paths {
		if !chains[p.A] || !chains[p.B] || p.A == p.B {
			return fmt.Errorf("path %q: a (%q) and b (%q) must be two different chains listed under [[chains]]", p.Name, p.A, p.B)
		}
		if _, err := p.channelSpecs(); err != nil {
			return fmt.Errorf("path %q: %w", p.Name, err)
		}
	}
	return nil
}

func (c Config) pollInterval() (time.Duration, error) {
	return durationOr(c.PollInterval, 300*time.Millisecond, "poll_interval")
}

func (c ChainConfig) timeout() (time.Duration, error) {
	return durationOr(c.Timeout, 10*time.Second, "timeout")
}

func durationOr(s string, def time.Duration, name string) (time.Duration, error) {
	if s == "" {
		return def, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%s %q is not a positive duration such as \"300ms\"", name, s)
	}
	return d, nil
}

// channelSpecs turns the path's channel list into planner specs.
func (p PathConfig) channelSpecs() ([]ChannelSpec, error) {
	var specs []ChannelSpec
	if p.CCV {
		specs = append(specs, CCVChannel())
	}
	for _, o := range p.Open {
		order, ok := orderings[strings.ToUpper(o.Ordering)]
		if !ok || o.Port == "" || o.CounterpartyPort == "" {
			return nil, fmt.Errorf("channel %q→%q: needs port, counterparty_port and ordering ORDERED or UNORDERED", o.Port, o.CounterpartyPort)
		}
		specs = append(specs, ChannelSpec{
			Side: SideA, PortID: o.Port, CounterpartyPortID: o.CounterpartyPort,
			Ordering: order, Version: o.Version,
		})
	}
	return specs, nil
}

var orderings = map[string]channeltypes.Order{"ORDERED": channeltypes.ORDERED, "UNORDERED": channeltypes.UNORDERED}
