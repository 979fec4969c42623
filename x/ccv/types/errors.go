package types

import errorsmod "cosmossdk.io/errors"

// Codespace of the errors shared by provider and consumer.
const Codespace = "ccv"

// The codes of these errors appear in error acknowledgements on the wire
// ("ABCI code: N: ..."), so they keep the incumbent's numbering, which starts
// at 1 (see docs/adr/002-ccv-error-codes.md). Never renumber or reuse them.
var (
	ErrInvalidPacketData        = errorsmod.Register(Codespace, 1, "invalid CCV packet data")
	ErrInvalidVersion           = errorsmod.Register(Codespace, 2, "invalid CCV version")
	ErrInvalidChannelFlow       = errorsmod.Register(Codespace, 3, "invalid message sent to channel end")
	ErrInvalidGenesis           = errorsmod.Register(Codespace, 4, "invalid genesis state")
	ErrDuplicateChannel         = errorsmod.Register(Codespace, 5, "CCV channel already exists")
	ErrInvalidVSCMaturedID      = errorsmod.Register(Codespace, 6, "invalid vscId for VSC packet")
	ErrInvalidVSCMaturedTime    = errorsmod.Register(Codespace, 7, "invalid maturity time for VSC packet")
	ErrInvalidConsumerChainID   = errorsmod.Register(Codespace, 8, "invalid consumer chain id")
	ErrConsumerChainNotFound    = errorsmod.Register(Codespace, 9, "consumer chain not found")
	ErrClientNotFound           = errorsmod.Register(Codespace, 10, "client not found")
	ErrConnectionNotFound       = errorsmod.Register(Codespace, 11, "connection not found")
	ErrInvalidConsumerClient    = errorsmod.Register(Codespace, 12, "invalid consumer client")
	ErrInvalidHandshakeMetadata = errorsmod.Register(Codespace, 13, "invalid handshake metadata")
	ErrChannelNotFound          = errorsmod.Register(Codespace, 14, "channel not found")
	ErrInvalidPacketAck         = errorsmod.Register(Codespace, 15, "invalid packet acknowledgement")
	ErrInvalidParams            = errorsmod.Register(Codespace, 16, "invalid parameters")
)
