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
// between two local chains (one validator each, 1 s blocks): it queues
// RAMPART_BENCH_PACKETS ICS-20 transfers (default 300) on the provider
// with the relayer stopped, then times the relayer from start until every
// packet is received on the consumer and acknowledged back. Batch size is
// RAMPART_BENCH_BATCH (default 50 messages per transaction).
//
//	go test -run '^$' -bench RelayThroughput -benchtime 1x ./tests/e2e/
func BenchmarkRelayThroughput(b *testing.B) {
	if testing.Short() {
		b.Skip("e2e: runs real nodes; skipped with -short")
	}
	packets := envInt("RAMPART_BENCH_PACKETS", 300)
	batch := envInt("RAMPART_BENCH_BATCH", relayer.DefaultMaxMsgsPerTx)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()

	home := filepath.Join(b.TempDir(), "net")
	n, err := localnet.Up(ctx, localnet.Options{
		Home: home, BinDir: binDir, RampartBin: filepath.Join(binDir, "rampart"),
		Validators: 1, Consumers: 1, BasePort: 28300, DieWithParent: true,
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
	cfg.Paths[0].Open = []relayer.ChannelConfig{{Port: "transfer", CounterpartyPort: "transfer", Ordering: "UNORDERED", Version: "ics20-1"}}
	logFile, err := os.Create(filepath.Join(home, "logs", "bench-relayer.log"))
	if err != nil {
		b.Fatal(err)
	}
	defer logFile.Close()
	r, err := relayer.New(cfg, slog.New(slog.NewTextHandler(logFile, nil)))
	if err != nil {
		b.Fatal(err)
	}
	consumer := &n.Consumers[0]

	// Open a transfer channel over the CCV connection.
	var channelID string
	err = relayUntil(ctx, r, 3*time.Minute, func() bool {
		channelID = openTransferChannel(ctx, n, &n.Provider)
		return channelID != "" && openTransferChannel(ctx, n, consumer) != ""
	})
	if err != nil {
		b.Fatalf("transfer channel: %v", err)
	}

	// Queue the packets on the provider, 100 transfers per transaction.
	sender, err := relayer.ConnectChain(ctx, cfg.Chains[0], relayer.KeyConfig{
		Name: localnet.UserKey, KeyringBackend: "test", KeyringDir: n.KeyringDir,
	}, slog.New(slog.NewTextHandler(logFile, nil)))
	if err != nil {
		b.Fatal(err)
	}
	receiver, err := n.KeyAddress(ctx, consumer, localnet.UserKey)
	if err != nil {
		b.Fatal(err)
	}
	timeout := uint64(time.Now().Add(time.Hour).UnixNano())
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

	before := r.Stats()
	b.ResetTimer()
	start := time.Now()
	err = relayUntil(ctx, r, 10*time.Minute, func() bool { return pendingCommitments(ctx, n, channelID) == 0 })
	elapsed := time.Since(start)
	b.StopTimer()
	if err != nil {
		b.Fatalf("relaying %d packets: %v", packets, err)
	}
	after := r.Stats()
	txs, msgs := after.Txs-before.Txs, after.Msgs-before.Msgs
	b.ReportMetric(float64(packets)/elapsed.Seconds(), "packets/s")
	b.ReportMetric(float64(msgs)/float64(max(txs, 1)), "msgs/tx")
	b.Logf("%d packets received and acknowledged in %.1fs: %.1f packets/s; %d txs, %d msgs (%.1f per tx, batch limit %d); %d recv, %d acks, %d client updates",
		packets, elapsed.Seconds(), float64(packets)/elapsed.Seconds(), txs, msgs, float64(msgs)/float64(max(txs, 1)), batch,
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

// openTransferChannel returns c's OPEN channel on port transfer, or "".
func openTransferChannel(ctx context.Context, n *localnet.Network, c *localnet.Chain) string {
	var res struct {
		Channels []struct {
			PortID    string `json:"port_id"`
			ChannelID string `json:"channel_id"`
			State     string `json:"state"`
		} `json:"channels"`
	}
	if err := n.Query(ctx, c, &res, "ibc", "channel", "channels"); err != nil {
		return ""
	}
	for _, ch := range res.Channels {
		if ch.PortID == "transfer" && ch.State == "STATE_OPEN" {
			return ch.ChannelID
		}
	}
	return ""
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
