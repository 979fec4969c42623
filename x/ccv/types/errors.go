package types

import errorsmod "cosmossdk.io/errors"

// Codespace of the errors shared by provider and consumer.
const Codespace = "ccv"

// The codes of these errors appear in error acknowledgements on the wire
// ("ABCI code: N: ..."), so they keep the incumbent's numbering, which starts
// at 1 (see docs/adr/002-ccv-error-codes.md). Never renumber or reuse them.
//
// Codes 6 to 9 are retired: they were registered for errors nothing
// returned (invalid VSC matured id, invalid VSC matured time, invalid
// consumer chain id, consumer chain not found). Reusing one would give a
// code already seen on the wire a new meaning, so they are never
// registered again (errors_test.go checks this and the order of the codes).
var (
	ErrInvalidPacketData        = errorsmod.Register(Codespace, 1, "invalid CCV packet data")
	ErrInvalidVersion           = errorsmod.Register(Codespace, 2, "invalid CCV version")
	ErrInvalidChannelFlow       = errorsmod.Register(Codespace, 3, "invalid message sent to channel end")
	ErrInvalidGenesis           = errorsmod.Register(Codespace, 4, "invalid genesis state")
	ErrDuplicateChannel         = errorsmod.Register(Codespace, 5, "CCV channel already exists")
	ErrClientNotFound           = errorsmod.Register(Codespace, 10, "client not found")
	ErrConnectionNotFound       = errorsmod.Register(Codespace, 11, "connection not found")
	ErrInvalidConsumerClient    = errorsmod.Register(Codespace, 12, "invalid consumer client")
	ErrInvalidHandshakeMetadata = errorsmod.Register(Codespace, 13, "invalid handshake metadata")
	ErrChannelNotFound          = errorsmod.Register(Codespace, 14, "channel not found")
	ErrInvalidPacketAck         = errorsmod.Register(Codespace, 15, "invalid packet acknowledgement")
	ErrInvalidParams            = errorsmod.Register(Codespace, 16, "invalid parameters")
)
