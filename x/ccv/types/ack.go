package types

import (
	"bytes"

	errorsmod "cosmossdk.io/errors"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
)

// Result bytes of successful acknowledgements.
var (
	// V1Result acknowledges a VSC packet, a VSCMatured packet, a double-sign
	// slash packet, or (from old providers) any slash packet.
	V1Result = []byte{1}
	// SlashPacketHandledResult says a slash packet was handled: the validator
	// was jailed, or the request was dropped as moot.
	SlashPacketHandledResult = []byte{2}
	// SlashPacketBouncedResult says the provider's slash meter was empty; the
	// consumer retries after its retry delay.
	SlashPacketBouncedResult = []byte{3}
)

// NewResultAck returns a successful acknowledgement carrying result.
func NewResultAck(result []byte) channeltypes.Acknowledgement {
	return channeltypes.NewResultAcknowledgement(result)
}

// NewErrorAck returns an error acknowledgement. Only the error's code goes on
// the wire; the details are left to events and logs.
func NewErrorAck(err error) channeltypes.Acknowledgement {
	return channeltypes.NewErrorAcknowledgement(err)
}

// SlashAckResult is how a consumer reads the provider's answer to a slash
// packet.
type SlashAckResult int

const (
	// SlashAckHandled means: pop the packet and carry on.
	SlashAckHandled SlashAckResult = iota + 1
	// SlashAckBounced means: keep the packet and retry later.
	SlashAckBounced
)

// ParseSlashAckResult interprets the result bytes of a slash packet's
// successful acknowledgement.
func ParseSlashAckResult(result []byte) (SlashAckResult, error) {
	switch {
	case bytes.Equal(result, V1Result), bytes.Equal(result, SlashPacketHandledResult):
		return SlashAckHandled, nil
	case bytes.Equal(result, SlashPacketBouncedResult):
		return SlashAckBounced, nil
	default:
		return 0, errorsmod.Wrapf(ErrInvalidPacketAck, "unexpected slash acknowledgement result %X", result)
	}
}
