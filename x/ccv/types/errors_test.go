package types_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"

	"github.com/rampart-ics/rampart/x/ccv/testutil"
	"github.com/rampart-ics/rampart/x/ccv/types"
)

// TestErrorCodes: the ccv codes start at 1 with ErrInvalidPacketData (its
// code is part of the error acknowledgement on the wire, see
// docs/adr/002-ccv-error-codes.md), ascend in declaration order, are
// unique in the registry, and skip only the retired codes 6 to 9. The list
// is every error the package registers, in declaration order.
func TestErrorCodes(t *testing.T) {
	errs := []*errorsmod.Error{
		types.ErrInvalidPacketData,
		types.ErrInvalidVersion,
		types.ErrInvalidChannelFlow,
		types.ErrInvalidGenesis,
		types.ErrDuplicateChannel,
		types.ErrClientNotFound,
		types.ErrConnectionNotFound,
		types.ErrInvalidConsumerClient,
		types.ErrInvalidHandshakeMetadata,
		types.ErrChannelNotFound,
		types.ErrInvalidPacketAck,
		types.ErrInvalidParams,
	}
	testutil.RequireErrorCodes(t, types.Codespace, 1, errs, 6, 7, 8, 9)
}
