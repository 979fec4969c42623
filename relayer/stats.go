package relayer

import (
	"fmt"
	"sync"
)

// Stats counts what the relayer has sent, for logs and benchmarks.
type Stats struct {
	// Txs are transactions that succeeded; Msgs the messages in them.
	Txs, Msgs int
	// By kind of message.
	ClientUpdates, Handshakes, Recvs, Acks, Timeouts int
	// Dropped messages failed simulation; FailedTxs were refused or failed.
	Dropped, FailedTxs int
}

// MsgsPerTx is the mean batch size.
func (s Stats) MsgsPerTx() float64 {
	if s.Txs == 0 {
		return 0
	}
	return float64(s.Msgs) / float64(s.Txs)
}

func (s Stats) String() string {
	return fmt.Sprintf("%d txs, %d msgs (%.1f per tx): %d client updates, %d handshake steps, %d packets received, %d acks, %d timeouts; %d dropped, %d failed txs",
		s.Txs, s.Msgs, s.MsgsPerTx(), s.ClientUpdates, s.Handshakes, s.Recvs, s.Acks, s.Timeouts, s.Dropped, s.FailedTxs)
}

type statsCounter struct {
	mu sync.Mutex
	s  Stats
}

func (c *statsCounter) add(f func(*Stats)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f(&c.s)
}

func (c *statsCounter) snapshot() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.s
}

// countTx records a successful transaction.
func (c *statsCounter) countTx(actions []Action) {
	c.add(func(s *Stats) {
		s.Txs++
		s.Msgs += len(actions)
		for _, a := range actions {
			switch a.(type) {
			case UpdateClient:
				s.ClientUpdates++
			case RecvPacket:
				s.Recvs++
			case AckPacket:
				s.Acks++
			case TimeoutPacket:
				s.Timeouts++
			default:
				s.Handshakes++
			}
		}
	})
}
