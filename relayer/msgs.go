package relayer

import (
	"context"
	"encoding/binary"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	connectiontypes "github.com/cosmos/ibc-go/v11/modules/core/03-connection/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	commitmenttypes "github.com/cosmos/ibc-go/v11/modules/core/23-commitment/types"
	host "github.com/cosmos/ibc-go/v11/modules/core/24-host"
	ibcclient "github.com/cosmos/ibc-go/v11/modules/core/client"
)

// ibcPrefix is the store prefix IBC state is committed under on SDK chains.
var ibcPrefix = commitmenttypes.NewMerklePrefix([]byte("ibc"))

// msgBuilder turns actions for dst into messages, with proofs read from
// src at srcHeight (they verify at srcHeight+1).
type msgBuilder struct {
	dst, src  *Chain
	srcHeight int64
}

func (b msgBuilder) proofHeight() clienttypes.Height {
	return clienttypes.NewHeight(b.src.revision, uint64(b.srcHeight)+1)
}

// prove returns the value at key in src's IBC store and its proof.
func (b msgBuilder) prove(key []byte) ([]byte, []byte, error) {
	value, proof, height, err := ibcclient.QueryTendermintProof(b.src.cctx.WithHeight(b.srcHeight+1), key)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: proof of %q at %d: %w", b.src.id, key, b.srcHeight, err)
	}
	if !height.EQ(b.proofHeight()) {
		return nil, nil, fmt.Errorf("%s: proof of %q came at %s, not %s", b.src.id, key, height, b.proofHeight())
	}
	return value, proof, nil
}

func (b msgBuilder) proveConnection(id string) (connectiontypes.ConnectionEnd, []byte, error) {
	value, proof, err := b.prove(host.ConnectionKey(id))
	if err != nil {
		return connectiontypes.ConnectionEnd{}, nil, err
	}
	if len(value) == 0 {
		return connectiontypes.ConnectionEnd{}, nil, fmt.Errorf("%s: connection %s at %d: not readable (no value)", b.src.id, id, b.srcHeight)
	}
	var conn connectiontypes.ConnectionEnd
	if err := b.src.codec.cdc.Unmarshal(value, &conn); err != nil {
		return connectiontypes.ConnectionEnd{}, nil, fmt.Errorf("%s: connection %s at %d: not readable: %w", b.src.id, id, b.srcHeight, err)
	}
	return conn, proof, nil
}

// build returns the message for one action.
func (b msgBuilder) build(ctx context.Context, action Action) (sdk.Msg, error) {
	signer := b.dst.signer
	switch a := action.(type) {
	case UpdateClient:
		header, err := b.src.header(ctx, a.TrustedHeight, a.TargetHeight)
		if err != nil {
			return nil, err
		}
		return clienttypes.NewMsgUpdateClient(a.ClientID, header, signer)
	case ConnOpenInit:
		return connectiontypes.NewMsgConnectionOpenInit(a.ClientID, a.CounterpartyClientID, ibcPrefix, nil, 0, signer), nil
	case ConnOpenTry:
		conn, proof, err := b.proveConnection(a.CounterpartyConnectionID)
		if err != nil {
			return nil, err
		}
		return connectiontypes.NewMsgConnectionOpenTry(a.ClientID, a.CounterpartyConnectionID, a.CounterpartyClientID,
			ibcPrefix, conn.Versions, conn.DelayPeriod, proof, b.proofHeight(), signer), nil
	case ConnOpenAck:
		conn, proof, err := b.proveConnection(a.CounterpartyConnectionID)
		if err != nil {
			return nil, err
		}
		if len(conn.Versions) != 1 {
			return nil, fmt.Errorf("%s: connection %s has %d versions after TRY, want 1", b.src.id, a.CounterpartyConnectionID, len(conn.Versions))
		}
		return connectiontypes.NewMsgConnectionOpenAck(a.ConnectionID, a.CounterpartyConnectionID, proof,
			b.proofHeight(), conn.Versions[0], signer), nil
	case ConnOpenConfirm:
		_, proof, err := b.proveConnection(a.CounterpartyConnectionID)
		if err != nil {
			return nil, err
		}
		return connectiontypes.NewMsgConnectionOpenConfirm(a.ConnectionID, proof, b.proofHeight(), signer), nil
	case ChanOpenInit:
		return channeltypes.NewMsgChannelOpenInit(a.PortID, a.Version, a.Ordering, []string{a.ConnectionID},
			a.CounterpartyPortID, signer), nil
	case ChanOpenTry:
		_, proof, err := b.prove(host.ChannelKey(a.CounterpartyPortID, a.CounterpartyChannelID))
		if err != nil {
			return nil, err
		}
		return channeltypes.NewMsgChannelOpenTry(a.PortID, a.CounterpartyVersion, a.Ordering, []string{a.ConnectionID},
			a.CounterpartyPortID, a.CounterpartyChannelID, a.CounterpartyVersion, proof, b.proofHeight(), signer), nil
	case ChanOpenAck:
		_, proof, err := b.prove(host.ChannelKey(a.CounterpartyPortID, a.CounterpartyChannelID))
		if err != nil {
			return nil, err
		}
		return channeltypes.NewMsgChannelOpenAck(a.PortID, a.ChannelID, a.CounterpartyChannelID, a.CounterpartyVersion,
			proof, b.proofHeight(), signer), nil
	case ChanOpenConfirm:
		_, proof, err := b.prove(host.ChannelKey(a.CounterpartyPortID, a.CounterpartyChannelID))
		if err != nil {
			return nil, err
		}
		return channeltypes.NewMsgChannelOpenConfirm(a.PortID, a.ChannelID, proof, b.proofHeight(), signer), nil
	case RecvPacket:
		p := a.Packet
		_, proof, err := b.prove(host.PacketCommitmentKey(p.SourcePort, p.SourceChannel, p.Sequence))
		if err != nil {
			return nil, err
		}
		return channeltypes.NewMsgRecvPacket(p, proof, b.proofHeight(), signer), nil
	case AckPacket:
		p := a.Packet
		_, proof, err := b.prove(host.PacketAcknowledgementKey(p.DestinationPort, p.DestinationChannel, p.Sequence))
		if err != nil {
			return nil, err
		}
		return channeltypes.NewMsgAcknowledgement(p, a.Ack, proof, b.proofHeight(), signer), nil
	case TimeoutPacket:
		return b.timeout(a)
	}
	return nil, fmt.Errorf("unknown action %T", action)
}

// timeout proves non-receipt: the receiver's next receive sequence on an
// ordered channel, the absence of a receipt on an unordered one.
func (b msgBuilder) timeout(a TimeoutPacket) (sdk.Msg, error) {
	p := a.Packet
	if !a.Ordered {
		_, proof, err := b.prove(host.PacketReceiptKey(p.DestinationPort, p.DestinationChannel, p.Sequence))
		if err != nil {
			return nil, err
		}
		return channeltypes.NewMsgTimeout(p, p.Sequence, proof, b.proofHeight(), b.dst.signer), nil
	}
	value, proof, err := b.prove(host.NextSequenceRecvKey(p.DestinationPort, p.DestinationChannel))
	if err != nil {
		return nil, err
	}
	if len(value) != 8 {
		return nil, fmt.Errorf("%s: next receive sequence of %s/%s is %d bytes, want 8", b.src.id, p.DestinationPort, p.DestinationChannel, len(value))
	}
	return channeltypes.NewMsgTimeout(p, binary.BigEndian.Uint64(value), proof, b.proofHeight(), b.dst.signer), nil
}
