package keeper

import (
	"strconv"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/rampart-ics/rampart/x/consumer/types"
)

// Every event the consumer emits is one of the structs below: the fields
// of a struct are the attributes of its event, so an emitter can neither
// forget nor misspell one. ToSDKEvent gives the event type and attributes;
// emitEvent adds the module attribute in front and emits.
//
// The type strings and attribute keys are those of the incumbent
// interchain-security where it has them (relayers, indexers and explorers
// match on them), and events_test.go pins every one of them. Renaming any
// is a breaking change for whoever watches the chain.

// Event types.
const (
	EventTypeChannelEstablished   = "channel_established"
	EventTypePacket               = "ccv_packet"
	EventTypeTimeout              = "timeout"
	EventTypeConsumerSlashRequest = "consumer_slash_request"
	// The three reward events: fee_distribution and
	// fee_transfer_channel_opened are the incumbent's, fee_transfer_failed
	// is ours.
	EventTypeFeeDistribution          = "fee_distribution"
	EventTypeFeeTransferFailed        = "fee_transfer_failed"
	EventTypeFeeTransferChannelOpened = "fee_transfer_channel_opened"
)

// Attribute keys. The events also use the module key of the SDK
// (sdk.AttributeKeyModule) and the channel_id, port_id and connection_id
// keys of core IBC (channeltypes.AttributeKey*).
const (
	AttributeKeyAckSuccess     = "success"
	AttributeKeyAck            = "acknowledgement"
	AttributeKeyAckError       = "error"
	AttributeKeyValsetUpdateID = "valset_update_id"

	AttributeKeyValidatorAddress = "validator_address"
	AttributeKeyInfractionType   = "infraction_type"
	AttributeKeyInfractionHeight = "infraction_height"

	AttributeDistributionCurrentHeight = "current_distribution_height"
	AttributeDistributionNextHeight    = "next_distribution_height"
	AttributeDistributionFraction      = "distribution_fraction"
	AttributeDistributionTotal         = "total"
	AttributeDistributionToProvider    = "provider_amount"
	AttributeDistributionMemo          = "memo"
	AttributeAmount                    = "amount"
)

// Event is one kind of consumer event.
type Event interface {
	// ToSDKEvent returns the event with its type and attributes, without
	// the module attribute, which emitEvent adds.
	ToSDKEvent() sdk.Event
}

// emitEvent emits e with the module attribute first, then e's own.
func emitEvent(ctx sdk.Context, e Event) {
	ev := e.ToSDKEvent()
	module := sdk.NewAttribute(sdk.AttributeKeyModule, types.ModuleName).ToKVPair()
	ev.Attributes = append([]abci.EventAttribute{module}, ev.Attributes...)
	ctx.EventManager().EmitEvent(ev)
}

// EventChannelEstablished is emitted when the first VSC packet arrives and
// fixes the channel it came on as the CCV channel.
type EventChannelEstablished struct {
	ChannelID string
	PortID    string
}

func (e EventChannelEstablished) ToSDKEvent() sdk.Event {
	return sdk.NewEvent(EventTypeChannelEstablished,
		sdk.NewAttribute(channeltypes.AttributeKeyChannelID, e.ChannelID),
		sdk.NewAttribute(channeltypes.AttributeKeyPortID, e.PortID),
	)
}

// EventVSCPacketReceived is emitted for every VSC packet received, whether
// it was applied or refused with an error acknowledgement.
type EventVSCPacketReceived struct {
	// ValsetUpdateID is 0 when the packet could not be decoded.
	ValsetUpdateID uint64
	// Err is why the packet was refused; nil when it was applied. The
	// error attribute is present only when it is not nil.
	Err error
}

func (e EventVSCPacketReceived) ToSDKEvent() sdk.Event {
	ev := sdk.NewEvent(EventTypePacket,
		sdk.NewAttribute(AttributeKeyValsetUpdateID, strconv.FormatUint(e.ValsetUpdateID, 10)),
		sdk.NewAttribute(AttributeKeyAckSuccess, strconv.FormatBool(e.Err == nil)),
	)
	if e.Err != nil {
		ev = ev.AppendAttributes(sdk.NewAttribute(AttributeKeyAckError, e.Err.Error()))
	}
	return ev
}

// EventAcknowledgement is emitted when the provider acknowledges a packet
// the consumer sent. It has the same type as EventVSCPacketReceived, as in
// the incumbent.
type EventAcknowledgement struct {
	// Ack gives the acknowledgement attribute (its text form) and either
	// the error attribute (an error acknowledgement) or the success
	// attribute (the raw result bytes).
	Ack channeltypes.Acknowledgement
}

func (e EventAcknowledgement) ToSDKEvent() sdk.Event {
	ev := sdk.NewEvent(EventTypePacket, sdk.NewAttribute(AttributeKeyAck, e.Ack.String()))
	if errMsg := e.Ack.GetError(); errMsg != "" {
		return ev.AppendAttributes(sdk.NewAttribute(AttributeKeyAckError, errMsg))
	}
	return ev.AppendAttributes(sdk.NewAttribute(AttributeKeyAckSuccess, string(e.Ack.GetResult())))
}

// EventTimeout is emitted when a packet the consumer sent times out; the
// CCV channel is then closed.
type EventTimeout struct {
	ChannelID string
}

func (e EventTimeout) ToSDKEvent() sdk.Event {
	return sdk.NewEvent(EventTypeTimeout, sdk.NewAttribute(channeltypes.AttributeKeyChannelID, e.ChannelID))
}

// EventSlashRequest is emitted when a slash packet is queued for the
// provider (downtime or double signing reported by x/slashing or
// x/evidence).
type EventSlashRequest struct {
	// ValidatorAddress is the consensus address, bech32 with the chain's
	// prefix.
	ValidatorAddress string
	// ValsetUpdateID is the id of the validator set in force at the
	// infraction height.
	ValsetUpdateID   uint64
	Infraction       stakingtypes.Infraction
	InfractionHeight int64
}

func (e EventSlashRequest) ToSDKEvent() sdk.Event {
	return sdk.NewEvent(EventTypeConsumerSlashRequest,
		sdk.NewAttribute(AttributeKeyValidatorAddress, e.ValidatorAddress),
		sdk.NewAttribute(AttributeKeyValsetUpdateID, strconv.FormatUint(e.ValsetUpdateID, 10)),
		sdk.NewAttribute(AttributeKeyInfractionType, e.Infraction.String()),
		sdk.NewAttribute(AttributeKeyInfractionHeight, strconv.FormatInt(e.InfractionHeight, 10)),
	)
}

// EventFeeDistribution is emitted after each reward round on an open
// distribution channel, even when nothing could be sent.
type EventFeeDistribution struct {
	// CurrentHeight is the height of this round, NextHeight the height at
	// which the next one is due.
	CurrentHeight, NextHeight int64
	// Fraction is consumer_redistribution_fraction, the share of the fees
	// kept on the consumer.
	Fraction string
	// Total is the balance of cons_to_send_to_provider before the round;
	// Sent is the part that left (allowed denoms whose transfer
	// succeeded).
	Total, Sent sdk.Coins
	ChannelID   string
	Memo        string
}

func (e EventFeeDistribution) ToSDKEvent() sdk.Event {
	return sdk.NewEvent(EventTypeFeeDistribution,
		sdk.NewAttribute(AttributeDistributionCurrentHeight, strconv.FormatInt(e.CurrentHeight, 10)),
		sdk.NewAttribute(AttributeDistributionNextHeight, strconv.FormatInt(e.NextHeight, 10)),
		sdk.NewAttribute(AttributeDistributionFraction, e.Fraction),
		sdk.NewAttribute(AttributeDistributionTotal, e.Total.String()),
		sdk.NewAttribute(AttributeDistributionToProvider, e.Sent.String()),
		sdk.NewAttribute(channeltypes.AttributeKeyChannelID, e.ChannelID),
		sdk.NewAttribute(AttributeDistributionMemo, e.Memo),
	)
}

// EventFeeTransferFailed is emitted when the reward transfer of one denom
// fails; its tokens stay in cons_to_send_to_provider for the next round.
type EventFeeTransferFailed struct {
	ChannelID string
	Amount    sdk.Coin
	Err       error
}

func (e EventFeeTransferFailed) ToSDKEvent() sdk.Event {
	return sdk.NewEvent(EventTypeFeeTransferFailed,
		sdk.NewAttribute(channeltypes.AttributeKeyChannelID, e.ChannelID),
		sdk.NewAttribute(AttributeAmount, e.Amount.String()),
		sdk.NewAttribute(AttributeKeyAckError, e.Err.Error()),
	)
}

// EventFeeTransferChannelOpened is emitted when the consumer starts the
// handshake of the reward transfer channel (at the CCV ChanOpenAck). The
// port is always transfer.
type EventFeeTransferChannelOpened struct {
	ChannelID string
	// ConnectionHops are the new channel's; the connection_id attribute is
	// the first, and is left out when there is none.
	ConnectionHops []string
}

func (e EventFeeTransferChannelOpened) ToSDKEvent() sdk.Event {
	ev := sdk.NewEvent(EventTypeFeeTransferChannelOpened,
		sdk.NewAttribute(channeltypes.AttributeKeyChannelID, e.ChannelID),
		sdk.NewAttribute(channeltypes.AttributeKeyPortID, transfertypes.PortID),
	)
	if len(e.ConnectionHops) > 0 {
		ev = ev.AppendAttributes(sdk.NewAttribute(channeltypes.AttributeKeyConnectionID, e.ConnectionHops[0]))
	}
	return ev
}

// EmitRecvPacket emits EventVSCPacketReceived. The IBC module calls it
// because only it knows the outcome of a packet that could not be decoded.
func EmitRecvPacket(ctx sdk.Context, vscID uint64, ackErr error) {
	emitEvent(ctx, EventVSCPacketReceived{ValsetUpdateID: vscID, Err: ackErr})
}
