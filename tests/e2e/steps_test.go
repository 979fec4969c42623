package e2e_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rampart-ics/rampart/localnet"
)

// env is what steps act on: one local network.
type env struct {
	t   *testing.T
	ctx context.Context
	net *localnet.Network
}

// action changes the network.
type action interface {
	do(e *env) error
	String() string
}

// expectation is a condition on the network, polled until it holds.
type expectation interface {
	// check reports whether the condition holds, and what it saw.
	check(e *env) (bool, string, error)
	String() string
}

// step is one {action, expect} pair; within says how long the expectation
// may take to hold.
type step struct {
	action action
	expect expectation
	within time.Duration
}

// run executes steps in order and fails at the first that does not hold.
func run(t *testing.T, e *env, steps []step) {
	t.Helper()
	for i, s := range steps {
		start := time.Now()
		t.Logf("step %d: %s", i+1, s.action)
		if err := s.action.do(e); err != nil {
			t.Fatalf("step %d: %s: %v", i+1, s.action, err)
		}
		if s.expect == nil {
			continue
		}
		within := s.within
		if within == 0 {
			within = time.Minute
		}
		seen, err := poll(e, s.expect, within)
		if err != nil {
			t.Fatalf("step %d: expected %s within %s: %v (last seen: %s)", i+1, s.expect, within, err, seen)
		}
		t.Logf("step %d: %s (after %.1fs): %s", i+1, s.expect, time.Since(start).Seconds(), seen)
	}
}

func poll(e *env, x expectation, within time.Duration) (string, error) {
	deadline := time.Now().Add(within)
	seen := ""
	for {
		ok, now, err := x.check(e)
		if now != "" {
			seen = now
		}
		if err != nil {
			return seen, err
		}
		if ok {
			return seen, nil
		}
		if time.Now().After(deadline) {
			return seen, fmt.Errorf("timed out")
		}
		select {
		case <-e.ctx.Done():
			return seen, e.ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// startNetwork brings a network up (Up returns once every CCV channel is
// open), and registers its teardown.
type startNetwork struct{ validators, consumers int }

func (a startNetwork) String() string {
	return fmt.Sprintf("start a network of %d validators and %d consumer(s)", a.validators, a.consumers)
}

func (a startNetwork) do(e *env) error {
	home := filepath.Join(e.t.TempDir(), "net")
	e.t.Cleanup(func() {
		n, err := localnet.Load(home)
		if err != nil {
			return
		}
		if e.t.Failed() {
			dumpLogs(e.t, filepath.Join(home, "logs"))
		}
		if err := n.Down(false); err != nil {
			e.t.Errorf("stopping the network: %v", err)
		}
	})
	n, err := localnet.Up(e.ctx, localnet.Options{
		Home: home, BinDir: binDir, RampartBin: filepath.Join(binDir, "rampart"),
		Validators: a.validators, Consumers: a.consumers, BasePort: 28100,
		DieWithParent: true, Out: testWriter{e.t},
	})
	e.net = n
	return err
}

// delegate delegates power (in consensus power units) to a validator.
type delegate struct {
	validator int
	power     int64
}

func (a delegate) String() string {
	return fmt.Sprintf("delegate %d power to val%d on the provider", a.power, a.validator)
}

func (a delegate) do(e *env) error {
	valoper, err := e.net.OperatorAddress(e.ctx, a.validator)
	if err != nil {
		return err
	}
	amount := fmt.Sprintf("%d%s", a.power*1_000_000, localnet.BondDenom)
	_, err = e.net.Tx(e.ctx, &e.net.Provider, localnet.UserKey, "staking", "delegate", valoper, amount)
	return err
}

type stopRelayer struct{}

// stopNode stops one node; startNode starts it again.
type (
	stopNode  struct{ name string }
	startNode struct{ name string }
)

func (a stopNode) String() string   { return "stop node " + a.name }
func (a stopNode) do(e *env) error  { return e.net.StopNode(a.name) }
func (a startNode) String() string  { return "start node " + a.name + " again" }
func (a startNode) do(e *env) error { return e.net.StartNode(a.name, true) }

func (stopRelayer) String() string   { return "stop the relayer" }
func (stopRelayer) do(e *env) error  { return e.net.StopRelayer() }
func (startRelayer) String() string  { return "start the relayer again" }
func (startRelayer) do(e *env) error { return e.net.StartRelayer(true) }
func (nothing) String() string       { return "nothing" }
func (nothing) do(*env) error        { return nil }
func (a all) String() string         { return strings.Join(a.names(), " and ") }
func (r relayerRunning) String() string {
	if r {
		return "the relayer is running"
	}
	return "the relayer is stopped"
}

type (
	startRelayer   struct{}
	nothing        struct{}
	relayerRunning bool
	all            []expectation
)

func (r relayerRunning) check(e *env) (bool, string, error) {
	alive := e.net.Relayer.Process.Alive()
	return alive == bool(r), fmt.Sprintf("relayer alive: %v", alive), nil
}

func (a all) names() []string {
	var out []string
	for _, x := range a {
		out = append(out, x.String())
	}
	return out
}

func (a all) check(e *env) (bool, string, error) {
	var seen []string
	for _, x := range a {
		ok, now, err := x.check(e)
		seen = append(seen, now)
		if err != nil || !ok {
			return false, strings.Join(seen, "; "), err
		}
	}
	return true, strings.Join(seen, "; "), nil
}

// testWriter sends progress lines to the test log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// dumpLogs prints the end of every log of a failed test.
func dumpLogs(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, entry := range entries {
		data, err := os.ReadFile(filepath.Join(dir, entry.Name()))
		if err != nil {
			continue
		}
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		if len(lines) > 25 {
			lines = lines[len(lines)-25:]
		}
		t.Logf("---- last lines of %s ----\n%s", entry.Name(), strings.Join(lines, "\n"))
	}
}
