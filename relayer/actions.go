package relayer

import (
	"fmt"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
)

// Action is one message the planner wants on a chain. Actions carry
// identifiers and heights only; the executor fetches proofs and headers
// and turns each into an sdk.Msg.
type Action interface {
	// NeedsProof reports whether the message carries a proof of the
	// counterparty's state, so the chain's client must reach ProofHeight.
	NeedsProof() bool
	String() string
}

// UpdateClient moves ClientID to the counterparty's header at TargetHeight,
// trusting the consensus state at TrustedHeight.
type UpdateClient struct {
	ClientID      string
	TrustedHeight uint64
	TargetHeight  uint64
}

// ConnOpenInit starts a connection from ClientID to the counterparty's client.
type ConnOpenInit struct {
	ClientID             string
	CounterpartyClientID string
}

// ConnOpenTry answers the counterparty's INIT connection.
type ConnOpenTry struct {
	ClientID                 string
	CounterpartyClientID     string
	CounterpartyConnectionID string
}

// ConnOpenAck answers the counterparty's TRYOPEN connection.
type ConnOpenAck struct {
	ConnectionID             string
	CounterpartyConnectionID string
}

// ConnOpenConfirm finishes a TRYOPEN connection once the counterparty is OPEN.
type ConnOpenConfirm struct {
	ConnectionID             string
	CounterpartyConnectionID string
}

// ChanOpenInit opens a channel the path asks for.
type ChanOpenInit struct {
	PortID             string
	ConnectionID       string
	CounterpartyPortID string
	Ordering           channeltypes.Order
	Version            string
}

// ChanOpenTry answers the counterparty's INIT channel.
type ChanOpenTry struct {
	PortID                string
	ConnectionID          string
	Ordering              channeltypes.Order
	CounterpartyPortID    string
	CounterpartyChannelID string
	CounterpartyVersion   string
}

// ChanOpenAck answers the counterparty's TRYOPEN channel.
type ChanOpenAck struct {
	PortID                string
	ChannelID             string
	CounterpartyPortID    string
	CounterpartyChannelID string
	CounterpartyVersion   string
}

// ChanOpenConfirm finishes a TRYOPEN channel once the counterparty is OPEN.
type ChanOpenConfirm struct {
	PortID                string
	ChannelID             string
	CounterpartyPortID    string
	CounterpartyChannelID string
}

// RecvPacket delivers a packet, proving its commitment on the sender.
type RecvPacket struct {
	Packet channeltypes.Packet
}

// AckPacket returns the receiver's acknowledgement to the sender.
type AckPacket struct {
	Packet channeltypes.Packet
	Ack    []byte
}

// TimeoutPacket tells the sender that its packet can no longer be received,
// proving non-receipt on the receiver (its next receive sequence for an
// ordered channel, the receipt's absence for an unordered one).
type TimeoutPacket struct {
	Packet  channeltypes.Packet
	Ordered bool
}

func (UpdateClient) NeedsProof() bool    { return false }
func (ConnOpenInit) NeedsProof() bool    { return false }
func (ConnOpenTry) NeedsProof() bool     { return true }
func (ConnOpenAck) NeedsProof() bool     { return true }
func (ConnOpenConfirm) NeedsProof() bool { return true }
func (ChanOpenInit) NeedsProof() bool    { return false }
func (ChanOpenTry) NeedsProof() bool     { return true }
func (ChanOpenAck) NeedsProof() bool     { return true }
func (ChanOpenConfirm) NeedsProof() bool { return true }
func (RecvPacket) NeedsProof() bool      { return true }
func (AckPacket) NeedsProof() bool       { return true }
func (TimeoutPacket) NeedsProof() bool   { return true }

func (a UpdateClient) String() string {
	return fmt.Sprintf("update client %s to height %d (trusting %d)", a.ClientID, a.TargetHeight, a.TrustedHeight)
}

func (a ConnOpenInit) String() string {
	return fmt.Sprintf("connection open init on client %s (counterparty client %s)", a.ClientID, a.CounterpartyClientID)
}

func (a ConnOpenTry) String() string {
	return fmt.Sprintf("connection open try on client %s for counterparty %s", a.ClientID, a.CounterpartyConnectionID)
}

func (a ConnOpenAck) String() string {
	return fmt.Sprintf("connection open ack %s (counterparty %s)", a.ConnectionID, a.CounterpartyConnectionID)
}

func (a ConnOpenConfirm) String() string {
	return fmt.Sprintf("connection open confirm %s (counterparty %s)", a.ConnectionID, a.CounterpartyConnectionID)
}

func (a ChanOpenInit) String() string {
	return fmt.Sprintf("channel open init %s on %s to port %s, %s, version %q",
		a.PortID, a.ConnectionID, a.CounterpartyPortID, a.Ordering, a.Version)
}

func (a ChanOpenTry) String() string {
	return fmt.Sprintf("channel open try %s for counterparty %s/%s", a.PortID, a.CounterpartyPortID, a.CounterpartyChannelID)
}

func (a ChanOpenAck) String() string {
	return fmt.Sprintf("channel open ack %s/%s (counterparty %s/%s)", a.PortID, a.ChannelID, a.CounterpartyPortID, a.CounterpartyChannelID)
}

func (a ChanOpenConfirm) String() string {
	return fmt.Sprintf("channel open confirm %s/%s (counterparty %s/%s)", a.PortID, a.ChannelID, a.CounterpartyPortID, a.CounterpartyChannelID)
}

func (a RecvPacket) String() string {
	return fmt.Sprintf("recv packet %s/%s #%d", a.Packet.SourcePort, a.Packet.SourceChannel, a.Packet.Sequence)
}

func (a AckPacket) String() string {
	return fmt.Sprintf("ack packet %s/%s #%d", a.Packet.SourcePort, a.Packet.SourceChannel, a.Packet.Sequence)
}

func (a TimeoutPacket) String() string {
	return fmt.Sprintf("timeout packet %s/%s #%d", a.Packet.SourcePort, a.Packet.SourceChannel, a.Packet.Sequence)
}
