package relayer

import abci "github.com/cometbft/cometbft/abci/types"

type abciEvent = abci.Event

// Bridge for the relayer_test package.

// ParsePacketEvent exposes parsePacketEvent: the packet and the
// acknowledgement an event carries.
func ParsePacketEvent(ev abciEvent) (PacketAck, error) {
	pe, err := parsePacketEvent(ev)
	return PacketAck{Packet: pe.packet, Ack: pe.ack}, err
}
