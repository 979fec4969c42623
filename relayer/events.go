package relayer

import (
	"context"
	"encoding/hex"
	"fmt"
	"strconv"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	abci "github.com/cometbft/cometbft/abci/types"
)

// Packet data and acknowledgement bytes are not in state (only their
// hashes are), so they come from the events that announced them. A packet
// sent by a message is in its transaction's events; a packet sent in
// BeginBlock/EndBlock (the provider's VSC packets at epoch ends) is only in
// the block's results, so both are searched.

// eventKind is an event the relayer reads packets from, and the attributes
// that name the channel end it belongs to.
type eventKind struct {
	typ, portAttr, channelAttr string
}

var (
	sendPacketEvent = eventKind{channeltypes.EventTypeSendPacket, channeltypes.AttributeKeySrcPort, channeltypes.AttributeKeySrcChannel}
	writeAckEvent   = eventKind{channeltypes.EventTypeWriteAck, channeltypes.AttributeKeyDstPort, channeltypes.AttributeKeyDstChannel}
)

// packetEvent is a packet read from an event, with its acknowledgement
// when the event is write_acknowledgement.
type packetEvent struct {
	packet channeltypes.Packet
	ack    []byte
}

// findPacketEvents returns, by sequence, the kind events of port/channel
// for seqs; sequences without an event are absent from the result. One
// range query covers all of seqs, transactions first, then blocks.
func (c *Chain) findPacketEvents(ctx context.Context, kind eventKind, port, channel string, seqs []uint64) (map[uint64]packetEvent, error) {
	found := make(map[uint64]packetEvent, len(seqs))
	if len(seqs) == 0 {
		return found, nil
	}
	want := make(map[uint64]bool, len(seqs))
	lo, hi := seqs[0], seqs[0]
	for _, s := range seqs {
		want[s] = true
		lo, hi = min(lo, s), max(hi, s)
	}
	query := fmt.Sprintf("%s.%s='%s' AND %s.%s='%s' AND %s.%s>=%d AND %s.%s<=%d",
		kind.typ, kind.portAttr, port, kind.typ, kind.channelAttr, channel,
		kind.typ, channeltypes.AttributeKeySequence, lo, kind.typ, channeltypes.AttributeKeySequence, hi)
	collect := func(events []abci.Event) {
		for _, ev := range events {
			if ev.Type != kind.typ {
				continue
			}
			pe, err := parsePacketEvent(ev)
			if err != nil {
				c.log.Warn("unreadable packet event", "chain", c.id, "event", ev.Type, "err", err)
				continue
			}
			p := pe.packet
			ours := (kind == sendPacketEvent && p.SourcePort == port && p.SourceChannel == channel) ||
				(kind == writeAckEvent && p.DestinationPort == port && p.DestinationChannel == channel)
			if ours && want[p.Sequence] {
				found[p.Sequence] = pe
			}
		}
	}
	if err := c.searchTxs(ctx, query, collect); err != nil {
		return nil, err
	}
	if len(found) < len(want) {
		if err := c.searchBlocks(ctx, query, collect); err != nil {
			return nil, err
		}
	}
	return found, nil
}

// searchPerPage is the page size of tx_search and block_search.
const searchPerPage = 100

// searchTxs hands the events of every transaction query matches to collect.
func (c *Chain) searchTxs(ctx context.Context, query string, collect func([]abci.Event)) error {
	perPage := searchPerPage
	for page := 1; ; page++ {
		res, err := c.rpc.TxSearch(ctx, query, false, &page, &perPage, "asc")
		if err != nil {
			return fmt.Errorf("%s: tx_search %q: %w", c.id, query, err)
		}
		for _, tx := range res.Txs {
			collect(tx.TxResult.Events)
		}
		if page*perPage >= res.TotalCount || len(res.Txs) == 0 {
			return nil
		}
	}
}

// searchBlocks hands the block events (BeginBlock/EndBlock) of every block
// query matches to collect.
func (c *Chain) searchBlocks(ctx context.Context, query string, collect func([]abci.Event)) error {
	perPage := searchPerPage
	for page := 1; ; page++ {
		res, err := c.rpc.BlockSearch(ctx, query, &page, &perPage, "asc")
		if err != nil {
			return fmt.Errorf("%s: block_search %q: %w", c.id, query, err)
		}
		for _, b := range res.Blocks {
			height := b.Block.Height
			results, err := c.rpc.BlockResults(ctx, &height)
			if err != nil {
				return fmt.Errorf("%s: block_results %d: %w", c.id, height, err)
			}
			collect(results.FinalizeBlockEvents)
		}
		if page*perPage >= res.TotalCount || len(res.Blocks) == 0 {
			return nil
		}
	}
}

// parsePacketEvent reads a packet from a send_packet or
// write_acknowledgement event.
func parsePacketEvent(ev abci.Event) (packetEvent, error) {
	attrs := make(map[string]string, len(ev.Attributes))
	for _, a := range ev.Attributes {
		if _, seen := attrs[a.Key]; !seen {
			attrs[a.Key] = a.Value
		}
	}
	seq, err := strconv.ParseUint(attrs[channeltypes.AttributeKeySequence], 10, 64)
	if err != nil {
		return packetEvent{}, fmt.Errorf("sequence: %w", err)
	}
	data, err := hex.DecodeString(attrs[channeltypes.AttributeKeyDataHex])
	if err != nil {
		return packetEvent{}, fmt.Errorf("data: %w", err)
	}
	timeoutHeight, err := clienttypes.ParseHeight(attrs[channeltypes.AttributeKeyTimeoutHeight])
	if err != nil {
		return packetEvent{}, fmt.Errorf("timeout height: %w", err)
	}
	timeoutTimestamp, err := strconv.ParseUint(attrs[channeltypes.AttributeKeyTimeoutTimestamp], 10, 64)
	if err != nil {
		return packetEvent{}, fmt.Errorf("timeout timestamp: %w", err)
	}
	pe := packetEvent{packet: channeltypes.Packet{
		Sequence:           seq,
		SourcePort:         attrs[channeltypes.AttributeKeySrcPort],
		SourceChannel:      attrs[channeltypes.AttributeKeySrcChannel],
		DestinationPort:    attrs[channeltypes.AttributeKeyDstPort],
		DestinationChannel: attrs[channeltypes.AttributeKeyDstChannel],
		Data:               data,
		TimeoutHeight:      timeoutHeight,
		TimeoutTimestamp:   timeoutTimestamp,
	}}
	if ackHex, ok := attrs[channeltypes.AttributeKeyAckHex]; ok {
		if pe.ack, err = hex.DecodeString(ackHex); err != nil {
			return packetEvent{}, fmt.Errorf("ack: %w", err)
		}
	}
	return pe, nil
}
