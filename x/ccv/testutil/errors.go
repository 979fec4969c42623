// Package testutil holds test helpers shared by the CCV modules.
package testutil

import (
	"errors"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"
)

// probedCodes is how far RequireErrorCodes looks in the registry for
// errors missing from the list: far beyond any codespace of ours.
const probedCodes = 1000

// RequireErrorCodes checks a codespace against errs, the list of its
// registered errors in declaration order:
//
//   - every error is in the codespace, the first has code first, and each
//     code is greater than the one before (so no two are equal);
//   - the codes run from first without a gap, except for retired codes,
//     which are never registered again;
//   - the registry maps each code to the listed error itself:
//     cosmossdk.io/errors lets a later Register of the same code replace
//     the first error with only a line on stderr, which this catches;
//   - no code of the codespace is registered that errs does not list, so a
//     new error cannot be left out of the check.
func RequireErrorCodes(t testing.TB, codespace string, first uint32, errs []*errorsmod.Error, retired ...uint32) {
	t.Helper()
	require.NotEmpty(t, errs)
	require.Equal(t, first, errs[0].ABCICode(), "the first code of %s", codespace)

	listed := map[uint32]*errorsmod.Error{}
	for i, e := range errs {
		require.Equal(t, codespace, e.Codespace(), "%q", e)
		if i > 0 {
			require.Greater(t, e.ABCICode(), errs[i-1].ABCICode(),
				"%q is declared after %q: codes must ascend in declaration order", e, errs[i-1])
		}
		listed[e.ABCICode()] = e
	}
	for _, code := range retired {
		require.NotContains(t, listed, code, "code %d of %s is retired", code, codespace)
	}
	last := errs[len(errs)-1].ABCICode()
	for code := first; code <= last; code++ {
		_, inUse := listed[code]
		require.True(t, inUse || slices.Contains(retired, code),
			"code %d of %s is skipped: use it, or list it as retired", code, codespace)
	}

	for code := uint32(0); code <= probedCodes; code++ {
		registered := registeredError(codespace, code)
		want, inList := listed[code]
		switch {
		case inList:
			require.Same(t, want, registered, "code %d of %s is registered by another error than %q", code, codespace, want)
		default:
			require.Nil(t, registered, "code %d of %s is registered (%q) but is not in the list", code, codespace, registered)
		}
	}
}

// registeredError returns the error registered under code, or nil.
func registeredError(codespace string, code uint32) *errorsmod.Error {
	// ABCIError wraps the registered error, or a fresh unregistered one
	// described "unknown" when the code is free.
	var root *errorsmod.Error
	if !errors.As(errorsmod.ABCIError(codespace, code, "probe"), &root) {
		return nil
	}
	if root.Error() == "unknown" {
		return nil
	}
	return root
}
