package relayer

import (
	"sort"

	connectiontypes "github.com/cosmos/ibc-go/v11/modules/core/03-connection/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
)

// connection finds the path's open connection pair, or plans the next
// handshake step. Each step needs the previous one committed on the other
// chain, so at most one step is planned per round.
func (p *planner) connection() (ConnectionView, ConnectionView, bool) {
	as, bs := p.pathConnections(SideA), p.pathConnections(SideB)

	// An open pair: done.
	for _, a := range as {
		for _, b := range bs {
			if pairedConnections(a, b) && a.State == connectiontypes.OPEN && b.State == connectiontypes.OPEN {
				return a, b, true
			}
		}
	}
	// The most advanced handshake first, so a stale INIT never delays it.
	for _, step := range []func(x, y []ConnectionView, xSide Side) bool{p.connConfirm, p.connAck, p.connTry} {
		if step(as, bs, SideA) || step(bs, as, SideB) {
			return ConnectionView{}, ConnectionView{}, false
		}
	}
	a, b := p.snap.Chain(SideA), p.snap.Chain(SideB)
	p.add(SideA, ConnOpenInit{ClientID: a.Client.ID, CounterpartyClientID: b.Client.ID})
	return ConnectionView{}, ConnectionView{}, false
}

// pathConnections are side's connections between the path's two clients,
// in identifier order.
func (p *planner) pathConnections(side Side) []ConnectionView {
	self, other := p.snap.Chain(side), p.snap.Chain(side.Other())
	var out []ConnectionView
	for _, c := range self.Connections {
		if c.ClientID == self.Client.ID && c.CounterpartyClientID == other.Client.ID {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return idLess(out[i].ID, out[j].ID) })
	return out
}

func pairedConnections(a, b ConnectionView) bool {
	return a.CounterpartyConnectionID == b.ID && b.CounterpartyConnectionID == a.ID
}

// connConfirm: x is OPEN and y's TRYOPEN end points at it.
func (p *planner) connConfirm(xs, ys []ConnectionView, xSide Side) bool {
	for _, x := range xs {
		for _, y := range ys {
			if x.State == connectiontypes.OPEN && y.State == connectiontypes.TRYOPEN && pairedConnections(x, y) {
				p.add(xSide.Other(), ConnOpenConfirm{ConnectionID: y.ID, CounterpartyConnectionID: x.ID})
				return true
			}
		}
	}
	return false
}

// connAck: x is INIT and y answered it with TRYOPEN.
func (p *planner) connAck(xs, ys []ConnectionView, xSide Side) bool {
	for _, x := range xs {
		for _, y := range ys {
			if x.State == connectiontypes.INIT && y.State == connectiontypes.TRYOPEN && y.CounterpartyConnectionID == x.ID {
				p.add(xSide, ConnOpenAck{ConnectionID: x.ID, CounterpartyConnectionID: y.ID})
				return true
			}
		}
	}
	return false
}

// connTry: x is INIT and nothing on y's side answers it yet.
func (p *planner) connTry(xs, ys []ConnectionView, xSide Side) bool {
	for _, x := range xs {
		if x.State != connectiontypes.INIT {
			continue
		}
		answered := false
		for _, y := range ys {
			answered = answered || y.CounterpartyConnectionID == x.ID
		}
		if !answered {
			self := p.snap.Chain(xSide.Other())
			p.add(xSide.Other(), ConnOpenTry{
				ClientID:                 self.Client.ID,
				CounterpartyClientID:     x.ClientID,
				CounterpartyConnectionID: x.ID,
			})
			return true
		}
	}
	return false
}

// channels opens the channels the path asks for and moves every channel
// handshake on the open connection one step.
func (p *planner) channels(connA, connB ConnectionView) {
	conn := [2]ConnectionView{SideA: connA, SideB: connB}
	for _, spec := range p.opts.Open {
		if !p.hasChannelOnPort(spec.Side, conn[spec.Side].ID, spec.PortID) {
			p.add(spec.Side, ChanOpenInit{
				PortID: spec.PortID, ConnectionID: conn[spec.Side].ID,
				CounterpartyPortID: spec.CounterpartyPortID, Ordering: spec.Ordering, Version: spec.Version,
			})
		}
	}
	for _, side := range []Side{SideA, SideB} {
		for _, x := range p.connectionChannels(side, conn[side].ID) {
			p.channelStep(side, x, conn[side.Other()].ID)
		}
	}
}

// channelStep plans the step after x's state, if the other side lags.
func (p *planner) channelStep(side Side, x ChannelView, otherConn string) {
	other := side.Other()
	switch x.State {
	case channeltypes.INIT:
		y, found := p.channelPointingAt(other, otherConn, x)
		switch {
		case !found:
			p.add(other, ChanOpenTry{
				PortID: x.CounterpartyPortID, ConnectionID: otherConn, Ordering: x.Ordering,
				CounterpartyPortID: x.PortID, CounterpartyChannelID: x.ChannelID, CounterpartyVersion: x.Version,
			})
		case y.State == channeltypes.TRYOPEN:
			p.add(side, ChanOpenAck{
				PortID: x.PortID, ChannelID: x.ChannelID,
				CounterpartyPortID: y.PortID, CounterpartyChannelID: y.ChannelID, CounterpartyVersion: y.Version,
			})
		}
	case channeltypes.OPEN:
		y, found := p.findChannel(other, x.CounterpartyPortID, x.CounterpartyChannelID)
		if found && y.State == channeltypes.TRYOPEN {
			p.add(other, ChanOpenConfirm{
				PortID: y.PortID, ChannelID: y.ChannelID,
				CounterpartyPortID: x.PortID, CounterpartyChannelID: x.ChannelID,
			})
		}
	}
}

func (p *planner) hasChannelOnPort(side Side, connID, port string) bool {
	for _, c := range p.connectionChannels(side, connID) {
		if c.PortID == port {
			return true
		}
	}
	return false
}

// connectionChannels are side's channels on connID, in identifier order.
func (p *planner) connectionChannels(side Side, connID string) []ChannelView {
	var out []ChannelView
	for _, c := range p.snap.Chain(side).Channels {
		if c.ConnectionID == connID {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].PortID != out[j].PortID {
			return out[i].PortID < out[j].PortID
		}
		return idLess(out[i].ChannelID, out[j].ChannelID)
	})
	return out
}

// channelPointingAt finds side's channel on connID whose counterparty is x.
func (p *planner) channelPointingAt(side Side, connID string, x ChannelView) (ChannelView, bool) {
	for _, c := range p.connectionChannels(side, connID) {
		if c.CounterpartyPortID == x.PortID && c.CounterpartyChannelID == x.ChannelID {
			return c, true
		}
	}
	return ChannelView{}, false
}

func (p *planner) findChannel(side Side, port, id string) (ChannelView, bool) {
	for _, c := range p.snap.Chain(side).Channels {
		if c.PortID == port && c.ChannelID == id {
			return c, true
		}
	}
	return ChannelView{}, false
}
