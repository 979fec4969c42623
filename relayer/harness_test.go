package relayer

import (
	"bytes"
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdk "github.com/cosmos/cosmos-sdk/types"

	connectiontypes "github.com/cosmos/ibc-go/v11/modules/core/03-connection/types"
)

// fakeClock only moves when told to; Sleep moves it and records how long.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	c.slept = append(c.slept, d)
	return nil
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// syncBuffer collects the relayer's log lines from concurrent sides.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// harness is a relayer on one path between two fake chains, a-1 (side A)
// and b-1, signing with one in-memory key.
type harness struct {
	t     *testing.T
	cfg   Config
	a, b  *fakeNode
	clock *fakeClock
	log   *syncBuffer
	kr    keyring.Keyring
}

const testPoll = time.Second

func newHarness(t *testing.T) *harness {
	t.Helper()
	cc, err := newChainCodec("cosmos")
	require.NoError(t, err)
	kr := keyring.NewInMemory(cc.cdc)
	_, _, err = kr.NewMnemonic("relayer", keyring.English, sdk.FullFundraiserPath, keyring.DefaultBIP39Passphrase, hd.Secp256k1)
	require.NoError(t, err)
	t0 := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	h := &harness{
		t: t, a: newFakeNode("a-1", cc, t0), b: newFakeNode("b-1", cc, t0),
		clock: &fakeClock{now: t0}, log: &syncBuffer{}, kr: kr,
		cfg: Config{
			Key:          KeyConfig{Name: "relayer", KeyringDir: "unused"},
			PollInterval: testPoll.String(),
			Chains:       []ChainConfig{{ChainID: "a-1", RPC: "fake-a"}, {ChainID: "b-1", RPC: "fake-b"}},
			Paths:        []PathConfig{{Name: "a-b", A: "a-1", B: "b-1", AClient: fakeClientID, BClient: fakeClientID}},
		},
	}
	h.a.ibc.counterparty, h.b.ibc.counterparty = "b-1", "a-1"
	t.Cleanup(func() {
		if t.Failed() {
			t.Log("relayer log:\n" + h.log.String())
		}
	})
	return h
}

// relayer is a new relayer instance on the harness's chains, as after a
// restart: it shares nothing with earlier ones but the chains.
func (h *harness) relayer() *Relayer {
	h.t.Helper()
	r, err := New(h.cfg, slog.New(slog.NewTextHandler(h.log, nil)))
	require.NoError(h.t, err)
	r.clock = h.clock
	r.dial = func(ctx context.Context, cfg ChainConfig, _ KeyConfig, log *slog.Logger) (*Chain, error) {
		node := map[string]*fakeNode{"a-1": h.a, "b-1": h.b}[cfg.ChainID]
		if _, err := node.Status(ctx); err != nil { // as ConnectChain does
			return nil, err
		}
		c, err := newChain(cfg, node, node.cc, log)
		if err != nil {
			return nil, err
		}
		c.clock = h.clock
		return c, c.useKey(h.kr, "relayer")
	}
	return r
}

// connectedPath is a new relayer's path with both chains dialled.
func (h *harness) connectedPath() (*Relayer, *pathState) {
	h.t.Helper()
	r := h.relayer()
	ps := r.paths[0]
	require.NoError(h.t, r.connect(context.Background(), ps))
	return r, ps
}

// connOpenInit is the one handshake step the fake chains apply.
func connOpenInit() Tx {
	return Tx{Side: SideA, Actions: []Action{ConnOpenInit{ClientID: fakeClientID, CounterpartyClientID: fakeClientID}}}
}

// accepted counts the transactions the node took, and among them those
// carrying MsgConnectionOpenInit.
func accepted(n *fakeNode) (txs, inits int) {
	for _, b := range n.sent() {
		if !b.accepted {
			continue
		}
		txs++
		for _, m := range b.msgs {
			if _, ok := m.(*connectiontypes.MsgConnectionOpenInit); ok {
				inits++
			}
		}
	}
	return txs, inits
}

// connections is how many connections the node's chain holds.
func connections(n *fakeNode) int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return len(n.ibc.connections)
}
