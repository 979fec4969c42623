package relayer

import (
	"time"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	connectiontypes "github.com/cosmos/ibc-go/v11/modules/core/03-connection/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
)

// Side names one end of a path. A is the initiator: it opens the connection
// and the channels the path asks for. For CCV, A is the consumer.
type Side int

const (
	SideA Side = iota
	SideB
)

// Other returns the opposite end.
func (s Side) Other() Side { return 1 - s }

func (s Side) String() string {
	if s == SideA {
		return "a"
	}
	return "b"
}

// Snapshot is what the planner sees: both chains of one path, each read at
// one height so that every proof the executor fetches later agrees with it.
type Snapshot struct {
	A, B ChainView
}

// Chain returns the view of one side.
func (s *Snapshot) Chain(side Side) *ChainView {
	if side == SideA {
		return &s.A
	}
	return &s.B
}

// ChainView is one chain's state, read at Height.
type ChainView struct {
	ChainID  string
	Revision uint64
	// Height is the state height every query used. Its proofs verify
	// against the app hash in header Height+1, which must be committed.
	Height int64
	// Time is the time of header Height+1: what the counterparty's client
	// records when updated to ProofHeight.
	Time time.Time
	// Client is this chain's light client of the counterparty.
	Client ClientView
	// Connections are this chain's connections built on Client.
	Connections []ConnectionView
	// Channels are this chain's channels on those connections.
	Channels []ChannelView
}

// ProofHeight is the height at which proofs from this chain verify.
func (c *ChainView) ProofHeight() clienttypes.Height {
	return clienttypes.NewHeight(c.Revision, uint64(c.Height)+1)
}

// ClientView is a light client as far as planning needs it.
type ClientView struct {
	ID string
	// Status is ibc-go's client status: "Active", "Expired", "Frozen".
	Status string
	// LatestHeight is the revision height of the latest consensus state.
	LatestHeight uint64
	// LatestTime is that consensus state's timestamp.
	LatestTime     time.Time
	TrustingPeriod time.Duration
}

// ConnectionView is one connection end.
type ConnectionView struct {
	ID                       string
	State                    connectiontypes.State
	ClientID                 string
	CounterpartyClientID     string
	CounterpartyConnectionID string
}

// ChannelView is one channel end, with the packets and acknowledgements
// that wait on it.
type ChannelView struct {
	PortID                string
	ChannelID             string
	State                 channeltypes.State
	Ordering              channeltypes.Order
	Version               string
	ConnectionID          string
	CounterpartyPortID    string
	CounterpartyChannelID string

	// Unreceived are packets sent on this channel whose commitment is
	// still here and which the counterparty has not received, in
	// sequence order, each with its data from the send_packet event.
	Unreceived []channeltypes.Packet
	// MissingData lists unreceived sequences whose send_packet event
	// could not be found (pruned, or indexing off): they cannot be relayed.
	MissingData []uint64
	// Acks are acknowledgements written here for packets whose
	// commitment the counterparty still holds.
	Acks []PacketAck
}

// PacketAck is an acknowledgement written by the packet's receiver.
type PacketAck struct {
	Packet channeltypes.Packet
	Ack    []byte
}
