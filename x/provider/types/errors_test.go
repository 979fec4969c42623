package types_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"

	"github.com/rampart-ics/rampart/x/ccv/testutil"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// TestErrorCodes: the provider codes start at 2, ascend in declaration
// order, and each is registered once. Clients match on (codespace, code),
// so a code is never reused or renumbered. The list is every error the
// package registers, in declaration order.
func TestErrorCodes(t *testing.T) {
	errs := []*errorsmod.Error{
		types.ErrUnauthorized,
		types.ErrUnknownConsumerID,
		types.ErrInvalidConsumerID,
		types.ErrInvalidPhase,
		types.ErrInvalidChainID,
		types.ErrInvalidMetadata,
		types.ErrInvalidInitParams,
		types.ErrInvalidPowerShaping,
		types.ErrInvalidInfractionParams,
		types.ErrInvalidRewardDenoms,
		types.ErrInvalidParams,
		types.ErrInvalidDeprecatedField,
		types.ErrInvalidAddress,
		types.ErrEmptyValidatorSet,
		types.ErrNoActiveValidator,
		types.ErrConsumerClientCreation,
		types.ErrUnknownClientID,
		types.ErrInvalidGenesis,
		types.ErrInvalidTopN,
		types.ErrConsumerChannelNotOpened,
		types.ErrUnknownValsetUpdateID,
		types.ErrInvalidEvidence,
		types.ErrEvidenceBelowMinHeight,
		types.ErrUnknownConsumerValidator,
		types.ErrEvidenceAlreadyHandled,
		types.ErrNoValidatorToPunish,
		types.ErrInvalidMisbehaviour,
		types.ErrInvalidConsumerKey,
		types.ErrConsumerKeyInUse,
		types.ErrCannotAssignDefaultKeyAssignment,
		types.ErrKeyIsProviderKey,
		types.ErrNoValidatorProviderAddress,
		types.ErrCannotOptOutFromTopN,
		types.ErrInvalidCommissionRate,
		types.ErrNotOptedIn,
		types.ErrInvalidChangeRewardDenoms,
		types.ErrRewardAllocation,
		types.ErrInvalidEvidenceSignature,
		types.ErrVotesNotConflicting,
		types.ErrOffenderNotInValidatorSet,
		types.ErrNoConsumerClient,
	}
	// 18 is retired; 38-39 and 42-69 are kept free for the features
	// around them (partial sets, rewards).
	free := []uint32{18, 38, 39}
	for code := uint32(42); code <= 69; code++ {
		free = append(free, code)
	}
	testutil.RequireErrorCodes(t, types.ModuleName, 2, errs, free...)
}
