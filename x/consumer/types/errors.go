package types

import errorsmod "cosmossdk.io/errors"

// Codespace of the consumer module's errors.
const Codespace = "consumer"

// Errors of the consumer module. Codes start at 2 (1 is the SDK's internal
// code) and are never renumbered or reused. Errors shared with the provider
// (bad packet data, versions, handshake metadata, genesis) live in x/ccv/types.
var (
	ErrProviderClientNotSet     = errorsmod.Register(Codespace, 2, "provider client is not set")
	ErrInvalidProviderClient    = errorsmod.Register(Codespace, 3, "connection is not on the provider client")
	ErrUnexpectedChannel        = errorsmod.Register(Codespace, 4, "packet arrived on a channel other than the CCV channel")
	ErrInvalidValidatorUpdate   = errorsmod.Register(Codespace, 5, "invalid validator update")
	ErrInvalidSlashAck          = errorsmod.Register(Codespace, 6, "invalid slash acknowledgement")
	ErrChannelNotEstablished    = errorsmod.Register(Codespace, 7, "CCV channel is not established")
	ErrChannelCloseNotPermitted = errorsmod.Register(Codespace, 8, "closing the CCV channel is not permitted")
	ErrInvalidConnectionHops    = errorsmod.Register(Codespace, 9, "a CCV channel must have exactly one connection hop")
	ErrMsgDisabled              = errorsmod.Register(Codespace, 10, "message is disabled on a consumer chain")
	ErrNotOnConsumer            = errorsmod.Register(Codespace, 11, "not available on a consumer chain: validators are managed and punished on the provider")
)

// Errors of the reward distribution.
var (
	ErrInvalidRedistributionFraction = errorsmod.Register(Codespace, 12, "invalid consumer redistribution fraction")
)
