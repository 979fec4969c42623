package e2e_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"

	"github.com/rampart-ics/rampart/localnet"
	"github.com/rampart-ics/rampart/relayer"
)

// BenchmarkRelayThroughput measures how fast the relayer moves packets
// between local chains (one validator each, 1 s blocks): a provider and
// RAMPART_BENCH_CONSUMERS consumers (default 1). It queues
// RAMPART_BENCH_PACKETS ICS-20 transfers (default 300) to each consumer on
// the provider with the relayer stopped, then times the relayer (one
// process serving every path) from start until every packet is received
// on its consumer and acknowledged back. Batch size is RAMPART_BENCH_BATCH
// (default 50 messages per transaction).
//
//	go test -run '^$' -bench RelayThroughput -benchtime 1x ./tests/e2e/
//	RAMPART_BENCH_CONSUMERS=5 go test -run '^$' -bench RelayThroughput -benchtime 1x -timeout 40m ./tests/e2e/
func BenchmarkRelayThroughput(b *testing.B) {
	if testing.Short() {
		b.Skip("e2e: runs real nodes; skipped with -short")
	}
	packets := envInt("RAMPART_BENCH_PACKETS", 300)
	batch := envInt("RAMPART_BENCH_BATCH", relayer.DefaultMaxMsgsPerTx)
	consumers := envInt("RAMPART_BENCH_CONSUMERS", 1)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute+time.Duration(consumers)*3*time.Minute)
	defer cancel()

	home := filepath.Join(b.TempDir(), "net")
	n, err := localnet.Up(ctx, localnet.Options{
		Home: home, BinDir: binDir, RampartBin: filepath.Join(binDir, "rampart"),
		Validators: 1, Consumers: consumers, BasePort: 28300, DieWithParent: true,
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = n.Down(false) })
	// The benchmark runs its own relayer, in process, with the same key.
	if err := n.StopRelayer(); err != nil {
		b.Fatal(err)
	}
	cfg, err := relayer.LoadConfig(n.Relayer.Config)
	if err != nil {
		b.Fatal(err)
	}
	cfg.MaxMsgsPerTx = batch
	for i := range cfg.Paths {
		cfg.Paths[i].Open = []relayer.ChannelConfig{{Port: "transfer", CounterpartyPort: "transfer", Ordering: "UNORDERED", Version: "ics20-1"}}
	}
	logFile, err := os.Create(filepath.Join(home, "logs", "bench-relayer.log"))
	if err != nil {
		b.Fatal(err)
	}
	defer logFile.Close()
	r, err := relayer.New(cfg, slog.New(slog.NewTextHandler(logFile, nil)))
	if err != nil {
		b.Fatal(err)
	}

	// Open a transfer channel over each CCV connection; channels[i] is the
	// provider end of consumer i's.
	channels := make([]string, consumers)
	err = relayUntil(ctx, r, time.Duration(consumers)*3*time.Minute, func() bool {
		for i := range channels {
			if channels[i] == "" {
				channels[i] = providerTransferChannel(ctx, n, &n.Consumers[i])
			}
			if channels[i] == "" {
				return false
			}
		}
		return true
	})
	if err != nil {
		b.Fatalf("transfer channels: %v", err)
	}

	// Queue the packets on the provider, 100 transfers per transaction.
	sender, err := relayer.ConnectChain(ctx, cfg.Chains[0], relayer.KeyConfig{
		Name: localnet.UserKey, KeyringBackend: "test", KeyringDir: n.KeyringDir,
	}, slog.New(slog.NewTextHandler(logFile, nil)))
	if err != nil {
		b.Fatal(err)
	}
	timeout := uint64(time.Now().Add(time.Hour).UnixNano())
	for i, channelID := range channels {
		receiver, err := n.KeyAddress(ctx, &n.Consumers[i], localnet.UserKey)
		if err != nil {
			b.Fatal(err)
		}
		for sent := 0; sent < packets; {
			var msgs []sdk.Msg
			for ; sent < packets && len(msgs) < 100; sent++ {
				msgs = append(msgs, transfertypes.NewMsgTransfer("transfer", channelID, sdk.NewInt64Coin(localnet.BondDenom, 1),
					sender.Signer(), receiver, clienttypes.ZeroHeight(), timeout, ""))
			}
			if _, err := sender.Send(ctx, msgs...); err != nil {
				b.Fatal(err)
			}
		}
	}
	total := packets * consumers

	before := r.Stats()
	b.ResetTimer()
	start := time.Now()
	err = relayUntil(ctx, r, time.Duration(consumers)*10*time.Minute, func() bool {
		for _, channelID := range channels {
			if pendingCommitments(ctx, n, channelID) != 0 {
				return false
			}
		}
		return true
	})
	elapsed := time.Since(start)
	b.StopTimer()
	if err != nil {
		b.Fatalf("relaying %d packets: %v", total, err)
	}
	after := r.Stats()
	txs, msgs := after.Txs-before.Txs, after.Msgs-before.Msgs
	b.ReportMetric(float64(total)/elapsed.Seconds(), "packets/s")
	b.ReportMetric(float64(msgs)/float64(max(txs, 1)), "msgs/tx")
	b.Logf("%d consumers: %d packets received and acknowledged in %.1fs: %.1f packets/s; %d txs, %d msgs (%.1f per tx, batch limit %d); %d recv, %d acks, %d client updates",
		consumers, total, elapsed.Seconds(), float64(total)/elapsed.Seconds(), txs, msgs, float64(msgs)/float64(max(txs, 1)), batch,
		after.Recvs-before.Recvs, after.Acks-before.Acks, after.ClientUpdates-before.ClientUpdates)
}

// relayUntil runs relayer rounds until done holds.
func relayUntil(ctx context.Context, r *relayer.Relayer, timeout time.Duration, done func() bool) error {
	deadline := time.Now().Add(timeout)
	for !done() {
		if time.Now().After(deadline) {
			return fmt.Errorf("not done after %s (relayer: %s)", timeout, r.Stats())
		}
		r.Step(ctx)
		time.Sleep(200 * time.Millisecond)
	}
	return nil
}

// providerTransferChannel returns the provider end of c's transfer
// channel once both ends are OPEN, or "".
func providerTransferChannel(ctx context.Context, n *localnet.Network, c *localnet.Chain) string {
	for _, ch := range transferChannels(ctx, n, c) {
		if ch.State != "STATE_OPEN" || ch.Counterparty.ChannelID == "" {
			continue
		}
		for _, end := range transferChannels(ctx, n, &n.Provider) {
			if end.ChannelID == ch.Counterparty.ChannelID && end.State == "STATE_OPEN" {
				return end.ChannelID
			}
		}
	}
	return ""
}

type channelEnd struct {
	PortID       string `json:"port_id"`
	ChannelID    string `json:"channel_id"`
	State        string `json:"state"`
	Counterparty struct {
		ChannelID string `json:"channel_id"`
	} `json:"counterparty"`
}

// transferChannels lists c's channels on port transfer (none when the
// query fails).
func transferChannels(ctx context.Context, n *localnet.Network, c *localnet.Chain) []channelEnd {
	var res struct {
		Channels []channelEnd `json:"channels"`
	}
	if err := n.Query(ctx, c, &res, "ibc", "channel", "channels"); err != nil {
		return nil
	}
	var out []channelEnd
	for _, ch := range res.Channels {
		if ch.PortID == "transfer" {
			out = append(out, ch)
		}
	}
	return out
}

// pendingCommitments counts the provider's unacknowledged transfers
// (-1 when the query fails).
func pendingCommitments(ctx context.Context, n *localnet.Network, channelID string) int {
	var res struct {
		Commitments []struct{} `json:"commitments"`
	}
	if err := n.Query(ctx, &n.Provider, &res, "ibc", "channel", "packet-commitments", "transfer", channelID); err != nil {
		return -1
	}
	return len(res.Commitments)
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}
