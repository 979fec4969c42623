package types_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"

	"github.com/rampart-ics/rampart/x/ccv/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

// TestErrorCodes: the consumer codes start at 2 (code 1 is the SDK's
// internal error), ascend in declaration order without a gap, and are
// unique in the registry. The list is every error the package registers,
// in declaration order.
func TestErrorCodes(t *testing.T) {
	errs := []*errorsmod.Error{
		types.ErrProviderClientNotSet,
		types.ErrInvalidProviderClient,
		types.ErrUnexpectedChannel,
		types.ErrInvalidValidatorUpdate,
		types.ErrInvalidSlashAck,
		types.ErrChannelNotEstablished,
		types.ErrChannelCloseNotPermitted,
		types.ErrInvalidConnectionHops,
		types.ErrMsgDisabled,
		types.ErrNotOnConsumer,
		types.ErrInvalidRedistributionFraction,
	}
	testutil.RequireErrorCodes(t, types.Codespace, 2, errs)
}
