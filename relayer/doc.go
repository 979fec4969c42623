// Package relayer is Rampart's CCV relayer: it opens the IBC connection
// and channels between a provider and a consumer chain and relays their
// packets, acknowledgements and timeouts.
//
// # Shape: a pure planner inside a thin executor
//
// Each round, for each path (a pair of chains), the executor reads a
// Snapshot of both chains: their light clients of each other, the
// connections on those clients, the channels on those connections, and,
// for every open channel, the packets the other side has not received and
// the acknowledgements the other side has not processed. Each chain is read
// at one height, the block below its latest, so that every proof fetched
// later verifies against the latest header.
//
// MakePlan turns the snapshot into transactions. It does no I/O, reads no
// clock and never iterates a map, so the same snapshot always gives the
// same plan; the tests feed it snapshots and compare plans. It decides:
//
//   - the next connection handshake step (INIT on side A, then TRY, ACK,
//     CONFIRM), at most one per round, as each needs the previous committed;
//   - the channels the path asks to open (the CCV channel, from the
//     consumer) and the next step of every channel handshake on the open
//     connection, including the ICS-20 channel a consumer opens itself;
//   - for each open channel: RecvPacket on the receiver, or Timeout on the
//     sender once the receiver's time or height has passed the packet's
//     timeout; Acknowledgement for acknowledgements written; ordered
//     channels strictly in sequence;
//   - the client update each transaction's proofs need (every transaction
//     starts with it, so each simulates and executes on its own), and a
//     refresh of a client older than a third of its trusting period;
//   - batches of at most MaxMsgsPerTx messages.
//
// The executor fetches proofs (ABCI queries at the snapshot height),
// headers (signed header and validator sets from CometBFT RPC, trusted
// validators from the client's latest consensus state), packet data (from
// send_packet events, searched in transactions and in block results since
// the provider sends VSC packets in EndBlock) and acknowledgement bytes
// (from write_acknowledgement events). It simulates each transaction,
// drops a message the chain refuses (with a log line) and keeps the rest,
// signs with a keyring key, broadcasts and waits for the block.
//
// # Why nothing is lost or duplicated
//
// The relayer keeps no state of its own: what to relay comes from the
// chains each round (packet commitments, receipts, acknowledgements). A
// restart, a crash or a second relayer changes nothing: a packet is
// relayed until its commitment is gone, and IBC turns a repeated delivery
// into a no-op. Between rounds the runner only remembers heights, to wait
// for a new block and for its own transactions to be under a provable
// height before it plans again.
//
// # Failures
//
// A chain that is down or slow makes the round fail; the path backs off
// (doubling from the poll interval up to 10 s) and retries. A refused or
// failed transaction fails the round the same way, after the transactions
// already broadcast are in their blocks, and is retried from a fresh
// snapshot. A sequence mismatch (another sender of the key) is retried at
// once, at the sequence the chain names.
package relayer
