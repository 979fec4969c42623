package localnet

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Up starts a network in opts.Home: a new one if the home is empty, or the
// stopped one it holds. It refuses to start over a running network.
// When a step fails, every process started so far is stopped and the data
// is kept for inspection.
func Up(ctx context.Context, opts Options) (*Network, error) {
	if err := opts.resolveHome(); err != nil {
		return nil, err
	}
	if existing, err := Load(opts.Home); err == nil {
		if running := existing.Running(); len(running) > 0 {
			return nil, fmt.Errorf("a network is already running in %s (%s): stop it first with `rampart localnet down --home %s`",
				opts.Home, strings.Join(running, ", "), opts.Home)
		}
		return existing, existing.resume(ctx, &opts)
	}
	if err := opts.setDefaults(); err != nil {
		return nil, err
	}
	if entries, err := os.ReadDir(opts.Home); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s is not empty and holds no network: choose another --home", opts.Home)
	}
	n := &Network{Home: opts.Home, BinDir: opts.BinDir, KeyringDir: filepath.Join(opts.Home, "keys")}
	if err := n.create(ctx, &opts); err != nil {
		_ = n.stopAll()
		return nil, fmt.Errorf("%w\n(all processes stopped; data and logs kept in %s; `rampart localnet down --purge --home %s` removes them)",
			err, opts.Home, opts.Home)
	}
	return n, nil
}

// create builds and starts a new network.
func (n *Network) create(ctx context.Context, opts *Options) error {
	for _, dir := range []string{n.Home, filepath.Join(n.Home, "logs"), n.KeyringDir} {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
	}
	ports := newPortAllocator(opts.BasePort)
	var err error
	n.Provider = Chain{ChainID: ProviderChainID, Binary: "providerd"}
	if n.Provider.Nodes, err = newNodes(n.Home, "provider", "provider", opts.Validators, ports); err != nil {
		return err
	}
	for j := 1; j <= opts.Consumers; j++ {
		c := Chain{ChainID: fmt.Sprintf("consumer-%d", j), Binary: "consumerd"}
		if c.Nodes, err = newNodes(n.Home, c.ChainID, c.ChainID, opts.Validators, ports); err != nil {
			return err
		}
		n.Consumers = append(n.Consumers, c)
	}
	if err := n.save(); err != nil {
		return err
	}

	start := time.Now()
	opts.progress("%s: initialising %d validators (homes under %s)", n.Provider.ChainID, opts.Validators, filepath.Join(n.Home, "provider"))
	if err := n.initProvider(ctx, opts); err != nil {
		return err
	}
	if err := n.startChain(ctx, opts, &n.Provider); err != nil {
		return err
	}
	for i := range n.Consumers {
		c := &n.Consumers[i]
		ccv, err := n.launchConsumer(ctx, opts, c)
		if err != nil {
			return err
		}
		opts.progress("%s: launched by the provider; assembling its genesis from the provider's consumer-genesis", c.ChainID)
		if err := n.initConsumer(ctx, c, ccv); err != nil {
			return err
		}
		if err := n.startChain(ctx, opts, c); err != nil {
			return err
		}
		if c.ProviderClient, err = n.providerClient(ctx, c); err != nil {
			return err
		}
		if err := n.save(); err != nil {
			return err
		}
	}
	if opts.NoRelayer || len(n.Consumers) == 0 {
		opts.progress("network up in %s (no relayer)", time.Since(start).Round(time.Second))
		return nil
	}
	if err := n.writeRelayerConfig(opts.RampartBin); err != nil {
		return err
	}
	if err := n.startRelayer(ctx, opts); err != nil {
		return err
	}
	opts.progress("network up in %s", time.Since(start).Round(time.Second))
	return nil
}

// startChain configures (once) and starts a chain's nodes, and waits for
// its first blocks.
func (n *Network) startChain(ctx context.Context, opts *Options, c *Chain) error {
	if err := configureNodes(c, opts.BlockTime); err != nil {
		return err
	}
	return n.runChain(ctx, opts, c)
}

func (n *Network) runChain(ctx context.Context, opts *Options, c *Chain) error {
	if err := checkPortsFree(c.Nodes); err != nil {
		return err
	}
	if err := n.startNodes(c, opts.DieWithParent); err != nil {
		return err
	}
	if err := c.Nodes[0].WaitHeight(ctx, 2, 90*time.Second); err != nil {
		return fmt.Errorf("%s: %w (see %s)", c.ChainID, err, c.Nodes[0].Process.Log)
	}
	opts.progress("%s: %d nodes producing blocks", c.ChainID, len(c.Nodes))
	return nil
}

// startRelayer starts the relayer and waits for every CCV channel.
func (n *Network) startRelayer(ctx context.Context, opts *Options) error {
	if err := n.StartRelayer(opts.DieWithParent); err != nil {
		return err
	}
	opts.progress("relayer: started (log %s); opening connections and CCV channels", n.Relayer.Process.Log)
	for i := range n.Consumers {
		c := &n.Consumers[i]
		info, err := n.WaitCCVChannel(ctx, c, 3*time.Minute)
		if err != nil {
			return err
		}
		opts.progress("%s: CCV channel open (%s/%s on the consumer, %s/%s on the provider); first VSC packet received",
			c.ChainID, info.Consumer.ConnectionID, info.Consumer.ChannelID, info.Provider.ConnectionID, info.Provider.ChannelID)
	}
	return nil
}

// resume restarts a stopped network from its files.
func (n *Network) resume(ctx context.Context, opts *Options) error {
	if missing := hasDaemons(n.BinDir); missing != "" {
		return fmt.Errorf("%s is missing from %s, where this network's binaries were", missing, n.BinDir)
	}
	opts.progress("resuming the network in %s", n.Home)
	var errs []error
	for _, c := range n.Chains() {
		if err := n.runChain(ctx, opts, c); err != nil {
			errs = append(errs, err)
			break
		}
	}
	if len(errs) == 0 && n.Relayer.Config != "" {
		errs = append(errs, n.StartRelayer(opts.DieWithParent))
	}
	if err := errors.Join(errs...); err != nil {
		_ = n.stopAll()
		return err
	}
	return nil
}
