package relayer

import (
	"sort"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
)

// packets plans receives, acknowledgements and timeouts for every open
// channel of the path, in channel then sequence order.
func (p *planner) packets() {
	for _, side := range []Side{SideA, SideB} {
		self := p.snap.Chain(side)
		chans := append([]ChannelView(nil), self.Channels...)
		sort.Slice(chans, func(i, j int) bool {
			if chans[i].PortID != chans[j].PortID {
				return chans[i].PortID < chans[j].PortID
			}
			return idLess(chans[i].ChannelID, chans[j].ChannelID)
		})
		for _, x := range chans {
			if x.State != channeltypes.OPEN {
				continue
			}
			y, found := p.findChannel(side.Other(), x.CounterpartyPortID, x.CounterpartyChannelID)
			if !found {
				continue
			}
			p.sendPackets(side, x, y)
			p.returnAcks(side, x, y)
		}
	}
}

// sendPackets relays x's unreceived packets to y, or times them out on x.
// An ordered channel delivers in sequence, so it stops at the first packet
// it cannot deliver, and after a timeout (which closes the channel).
func (p *planner) sendPackets(side Side, x, y ChannelView) {
	dst := p.snap.Chain(side.Other())
	ordered := x.Ordering == channeltypes.ORDERED
	packets := append([]channeltypes.Packet(nil), x.Unreceived...)
	sort.Slice(packets, func(i, j int) bool { return packets[i].Sequence < packets[j].Sequence })
	missing := append([]uint64(nil), x.MissingData...)
	sort.Slice(missing, func(i, j int) bool { return missing[i] < missing[j] })
	if len(missing) > 0 {
		p.note("%s: %d packet(s) on %s/%s have no send_packet event (first #%d); they cannot be relayed",
			p.snap.Chain(side).ChainID, len(missing), x.PortID, x.ChannelID, missing[0])
	}

	for _, pkt := range packets {
		if ordered && len(missing) > 0 && missing[0] < pkt.Sequence {
			return
		}
		if timedOut(pkt, dst) {
			p.add(side, TimeoutPacket{Packet: pkt, Ordered: ordered})
			if ordered {
				return
			}
			continue
		}
		if y.State != channeltypes.OPEN {
			p.note("%s/%s on %s is %s: packet #%d waits", y.PortID, y.ChannelID, dst.ChainID, y.State, pkt.Sequence)
			return
		}
		p.add(side.Other(), RecvPacket{Packet: pkt})
	}
}

// returnAcks sends the acknowledgements written on x back to y's chain.
func (p *planner) returnAcks(side Side, x, y ChannelView) {
	if y.State != channeltypes.OPEN || len(x.Acks) == 0 {
		return
	}
	acks := append([]PacketAck(nil), x.Acks...)
	sort.Slice(acks, func(i, j int) bool { return acks[i].Packet.Sequence < acks[j].Packet.Sequence })
	for _, a := range acks {
		p.add(side.Other(), AckPacket(a))
	}
}

// timedOut applies ibc-go's rule at the height and time a timeout proof
// from dst would carry.
func timedOut(pkt channeltypes.Packet, dst *ChainView) bool {
	if !pkt.TimeoutHeight.IsZero() && dst.ProofHeight().GTE(pkt.TimeoutHeight) {
		return true
	}
	return pkt.TimeoutTimestamp != 0 && uint64(dst.Time.UnixNano()) >= pkt.TimeoutTimestamp
}
