package relayer

import (
	"context"
	"fmt"
	"sort"

	"github.com/cosmos/cosmos-sdk/types/query"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
)

// maxPacketsPerChannel bounds one round's work per channel and direction;
// the rest is relayed in the next rounds.
const maxPacketsPerChannel = 300

// readSnapshot reads both chains of a path, each at one height: the block
// below its latest, whose proofs the latest header already commits to.
func readSnapshot(ctx context.Context, a, b *Chain, aClient, bClient string) (Snapshot, error) {
	qa, err := proofableHeight(ctx, a)
	if err != nil {
		return Snapshot{}, err
	}
	qb, err := proofableHeight(ctx, b)
	if err != nil {
		return Snapshot{}, err
	}
	ca, err := a.readClient(ctx, qa, aClient, b.id)
	if err != nil {
		return Snapshot{}, err
	}
	cb, err := b.readClient(ctx, qb, bClient, a.id)
	if err != nil {
		return Snapshot{}, err
	}
	// A client updated after we read the chain it tracks may be ahead of
	// our height; read that chain higher up (the height exists, since a
	// header of it was submitted).
	qa = max(qa, int64(cb.LatestHeight)-1)
	qb = max(qb, int64(ca.LatestHeight)-1)

	s := Snapshot{}
	if s.A, err = a.readView(ctx, qa, ca); err != nil {
		return Snapshot{}, err
	}
	if s.B, err = b.readView(ctx, qb, cb); err != nil {
		return Snapshot{}, err
	}
	if err := readPackets(ctx, a, b, &s.A, &s.B); err != nil {
		return Snapshot{}, err
	}
	if err := readPackets(ctx, b, a, &s.B, &s.A); err != nil {
		return Snapshot{}, err
	}
	return s, nil
}

// proofableHeight is the latest height minus one. IBC proof queries need
// a height above 2.
func proofableHeight(ctx context.Context, c *Chain) (int64, error) {
	latest, _, err := c.Latest(ctx)
	if err != nil {
		return 0, err
	}
	if latest < 4 {
		return 0, fmt.Errorf("%s is at height %d: waiting for a few blocks", c.id, latest)
	}
	return latest - 1, nil
}

// readView reads one chain's client, connections and channels at height.
func (c *Chain) readView(ctx context.Context, height int64, client ClientView) (ChainView, error) {
	v := ChainView{ChainID: c.id, Revision: c.revision, Height: height, Client: client}
	var err error
	if v.Time, err = c.headerTime(ctx, height+1); err != nil {
		return ChainView{}, err
	}
	if client.ID == "" {
		return v, nil
	}
	if v.Connections, err = c.readConnections(ctx, height, client.ID); err != nil {
		return ChainView{}, err
	}
	if v.Channels, err = c.readChannels(ctx, height, v.Connections); err != nil {
		return ChainView{}, err
	}
	return v, nil
}

// readPackets fills, for each open channel of x, the packets y has not
// received and the acknowledgements y wrote that x has not processed.
func readPackets(ctx context.Context, x, y *Chain, vx, vy *ChainView) error {
	for i := range vx.Channels {
		cx := &vx.Channels[i]
		if cx.State != channeltypes.OPEN {
			continue
		}
		j := channelIndex(vy.Channels, cx.CounterpartyPortID, cx.CounterpartyChannelID)
		if j < 0 {
			continue
		}
		cy := &vy.Channels[j]
		if cy.State != channeltypes.OPEN && cy.State != channeltypes.CLOSED {
			continue
		}
		committed, err := x.packetCommitments(ctx, vx.Height, cx.PortID, cx.ChannelID)
		if err != nil {
			return err
		}
		if len(committed) == 0 {
			continue
		}
		res, err := channeltypes.NewQueryClient(y.cctx).UnreceivedPackets(at(ctx, vy.Height), &channeltypes.QueryUnreceivedPacketsRequest{
			PortId: cy.PortID, ChannelId: cy.ChannelID, PacketCommitmentSequences: committed,
		})
		if err != nil {
			return fmt.Errorf("%s: unreceived packets on %s/%s: %w", y.id, cy.PortID, cy.ChannelID, err)
		}
		unreceived := firstN(res.Sequences, maxPacketsPerChannel)
		sent, err := x.findPacketEvents(ctx, sendPacketEvent, cx.PortID, cx.ChannelID, unreceived)
		if err != nil {
			return err
		}
		for _, seq := range unreceived {
			if pe, ok := sent[seq]; ok {
				cx.Unreceived = append(cx.Unreceived, pe.packet)
			} else {
				cx.MissingData = append(cx.MissingData, seq)
			}
		}
		if err := readAcks(ctx, y, vy.Height, cy, without(committed, res.Sequences)); err != nil {
			return err
		}
	}
	return nil
}

// readAcks fills cy.Acks with the acknowledgements y wrote for received,
// the received packets whose commitment the sender still holds.
func readAcks(ctx context.Context, y *Chain, height int64, cy *ChannelView, received []uint64) error {
	if len(received) == 0 {
		return nil
	}
	res, err := channeltypes.NewQueryClient(y.cctx).PacketAcknowledgements(at(ctx, height), &channeltypes.QueryPacketAcknowledgementsRequest{
		PortId: cy.PortID, ChannelId: cy.ChannelID, PacketCommitmentSequences: received,
		Pagination: &query.PageRequest{Limit: maxPacketsPerChannel},
	})
	if err != nil {
		return fmt.Errorf("%s: acknowledgements on %s/%s: %w", y.id, cy.PortID, cy.ChannelID, err)
	}
	var seqs []uint64
	for _, a := range res.Acknowledgements {
		seqs = append(seqs, a.Sequence)
	}
	sort.Slice(seqs, func(i, j int) bool { return seqs[i] < seqs[j] })
	written, err := y.findPacketEvents(ctx, writeAckEvent, cy.PortID, cy.ChannelID, seqs)
	if err != nil {
		return err
	}
	for _, seq := range seqs {
		if pe, ok := written[seq]; ok {
			cy.Acks = append(cy.Acks, PacketAck{Packet: pe.packet, Ack: pe.ack})
		} else {
			y.log.Warn("acknowledgement without a write_acknowledgement event: cannot relay it",
				"chain", y.id, "port", cy.PortID, "channel", cy.ChannelID, "sequence", seq)
		}
	}
	return nil
}

// packetCommitments lists the sequences with a commitment on port/channel.
func (c *Chain) packetCommitments(ctx context.Context, height int64, port, channel string) ([]uint64, error) {
	q := channeltypes.NewQueryClient(c.cctx)
	var seqs []uint64
	var key []byte
	for {
		res, err := q.PacketCommitments(at(ctx, height), &channeltypes.QueryPacketCommitmentsRequest{
			PortId: port, ChannelId: channel, Pagination: &query.PageRequest{Key: key, Limit: pageLimit},
		})
		if err != nil {
			return nil, fmt.Errorf("%s: packet commitments on %s/%s: %w", c.id, port, channel, err)
		}
		for _, pc := range res.Commitments {
			seqs = append(seqs, pc.Sequence)
		}
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			break
		}
		key = res.Pagination.NextKey
	}
	sort.Slice(seqs, func(i, j int) bool { return seqs[i] < seqs[j] })
	return seqs, nil
}

func channelIndex(chans []ChannelView, port, id string) int {
	for i, c := range chans {
		if c.PortID == port && c.ChannelID == id {
			return i
		}
	}
	return -1
}

// firstN returns the n smallest sequences, sorted.
func firstN(seqs []uint64, n int) []uint64 {
	out := append([]uint64(nil), seqs...)
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// without returns all minus drop, keeping all's order.
func without(all, drop []uint64) []uint64 {
	skip := make(map[uint64]bool, len(drop))
	for _, s := range drop {
		skip[s] = true
	}
	var out []uint64
	for _, s := range all {
		if !skip[s] {
			out = append(out, s)
		}
	}
	return out
}
