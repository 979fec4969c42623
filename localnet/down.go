package localnet

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Running lists the network's processes that are alive.
func (n *Network) Running() []string {
	var out []string
	for _, p := range n.processes() {
		if p.proc.Alive() {
			out = append(out, fmt.Sprintf("%s pid %d", p.name, p.proc.PID))
		}
	}
	return out
}

// Down stops every process the network started, relayer first, by pid.
// With purge it then removes the network's home.
func (n *Network) Down(purge bool) error {
	if err := n.stopAll(); err != nil {
		return err
	}
	if !purge {
		return nil
	}
	// Only remove a directory that is a network's home.
	if _, err := os.Stat(filepath.Join(n.Home, stateFile)); err != nil {
		return fmt.Errorf("refusing to remove %s: no %s in it", n.Home, stateFile)
	}
	return os.RemoveAll(n.Home)
}

func (n *Network) stopAll() error {
	var errs []error
	for _, p := range n.processes() {
		if err := p.proc.stop(20 * time.Second); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p.name, err))
		}
	}
	if err := n.save(); err != nil && !errors.Is(err, os.ErrNotExist) {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// PrintEndpoints writes every chain's endpoints and where the files are.
func (n *Network) PrintEndpoints(w io.Writer) {
	fmt.Fprintf(w, "\nEndpoints (all on 127.0.0.1):\n")
	fmt.Fprintf(w, "  %-22s %-8s %-8s %-8s %s\n", "node", "rpc", "p2p", "grpc", "home")
	for _, c := range n.Chains() {
		for _, node := range c.Nodes {
			fmt.Fprintf(w, "  %-22s %-8d %-8d %-8d %s\n", node.Name, node.Ports.RPC, node.Ports.P2P, node.Ports.GRPC, node.Home)
		}
	}
	fmt.Fprintf(w, "\nKeys (keyring-backend test): %s  (%s, %s, val0...)\n", n.KeyringDir, UserKey, RelayerKey)
	if n.Relayer.Config != "" {
		fmt.Fprintf(w, "Relayer: %s, log %s\n", n.Relayer.Config, n.Relayer.Process.Log)
	}
	fmt.Fprintf(w, "Logs: %s\n", filepath.Join(n.Home, "logs"))
	p := n.Provider.Nodes[0]
	fmt.Fprintf(w, "\nTry:\n  %s q provider list-consumer-chains --node tcp://127.0.0.1:%d\n", filepath.Join(n.BinDir, "providerd"), p.Ports.RPC)
	rampart := "rampart"
	if exe, err := os.Executable(); err == nil && filepath.Base(exe) == "rampart" {
		rampart = exe
	}
	fmt.Fprintf(w, "  %s localnet status --home %s\n  %s localnet down --home %s [--purge]\n", rampart, n.Home, rampart, n.Home)
}

// PrintStatus writes each process's state and memory (RSS) and each
// chain's height.
func (n *Network) PrintStatus(ctx context.Context, w io.Writer) {
	fmt.Fprintf(w, "Network in %s\n", n.Home)
	for _, c := range n.Chains() {
		fmt.Fprintf(w, "%s", c.ChainID)
		if c.ConsumerID != "" {
			fmt.Fprintf(w, " (consumer %s)", c.ConsumerID)
		}
		fmt.Fprintln(w)
		for _, node := range c.Nodes {
			state := processState(&node.Process)
			if node.Process.Alive() {
				if st, err := node.Status(ctx); err == nil {
					state += fmt.Sprintf(", height %d", st.Height)
				} else {
					state += ", RPC not answering"
				}
			}
			fmt.Fprintf(w, "  %-22s %s (rpc %d)\n", node.Name, state, node.Ports.RPC)
		}
	}
	if n.Relayer.Config != "" {
		fmt.Fprintf(w, "relayer %s (log %s)\n", processState(&n.Relayer.Process), n.Relayer.Process.Log)
	}
}
