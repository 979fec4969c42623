package keeper

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// MustGetConsumerPhase returns a consumer's phase; UNSPECIFIED means the
// consumer does not exist. It is for callers that cannot return an error
// (tests, tools): a phase that cannot be read means a broken store, and it
// panics, as the SDK's stores do on I/O errors, so that every node halts
// alike instead of taking the consumer for missing. Keeper code uses
// consumerPhase, which returns the error.
func (k *Keeper) MustGetConsumerPhase(ctx sdk.Context, consumerID string) types.ConsumerPhase {
	phase, err := k.consumerPhase(ctx, consumerID)
	if err != nil {
		panic(err)
	}
	return phase
}

// consumerPhase returns a consumer's phase, UNSPECIFIED if the consumer
// does not exist, or the error that kept it from being read.
func (k *Keeper) consumerPhase(ctx sdk.Context, consumerID string) (types.ConsumerPhase, error) {
	phase, err := k.ConsumerPhase.Get(ctx, consumerID)
	if errors.Is(err, collections.ErrNotFound) {
		return types.CONSUMER_PHASE_UNSPECIFIED, nil
	}
	if err != nil {
		return types.CONSUMER_PHASE_UNSPECIFIED, fmt.Errorf("reading the phase of consumer %s: %w", consumerID, err)
	}
	return types.ConsumerPhase(phase), nil
}

func (k *Keeper) setConsumerPhase(ctx sdk.Context, consumerID string, phase types.ConsumerPhase) error {
	return k.ConsumerPhase.Set(ctx, consumerID, int32(phase))
}

// IsPrelaunched reports whether a consumer may still change its chain id
// and initialization parameters.
func IsPrelaunched(phase types.ConsumerPhase) bool {
	return phase == types.CONSUMER_PHASE_REGISTERED || phase == types.CONSUMER_PHASE_INITIALIZED
}

// IsActive reports whether a consumer accepts updates, opt-ins and key
// assignments.
func IsActive(phase types.ConsumerPhase) bool {
	return IsPrelaunched(phase) || phase == types.CONSUMER_PHASE_LAUNCHED
}

// requireConsumer returns the consumer's phase or an error if it does not
// exist.
func (k *Keeper) requireConsumer(ctx sdk.Context, consumerID string) (types.ConsumerPhase, error) {
	phase, err := k.consumerPhase(ctx, consumerID)
	if err != nil {
		return phase, err
	}
	if phase == types.CONSUMER_PHASE_UNSPECIFIED {
		return phase, errorsmod.Wrapf(types.ErrUnknownConsumerID, "consumer %s", consumerID)
	}
	return phase, nil
}

// nextConsumerID allocates a consumer id; the first is "0".
func (k *Keeper) nextConsumerID(ctx sdk.Context) (string, error) {
	id, err := k.ConsumerIDSeq.Next(ctx)
	if err != nil {
		return "", err
	}
	return strconv.FormatUint(id, 10), nil
}

// GetConsumerChainID returns a consumer's chain id.
func (k *Keeper) GetConsumerChainID(ctx sdk.Context, consumerID string) (string, error) {
	chainID, err := k.ConsumerChainID.Get(ctx, consumerID)
	if errors.Is(err, collections.ErrNotFound) {
		return "", errorsmod.Wrapf(types.ErrUnknownConsumerID, "consumer %s", consumerID)
	}
	return chainID, err
}

// getOptional returns a map's value, or the zero value when it is absent.
func getOptional[K, V any](ctx sdk.Context, m collections.Map[K, V], key K) (V, error) {
	v, err := m.Get(ctx, key)
	if errors.Is(err, collections.ErrNotFound) {
		var zero V
		return zero, nil
	}
	return v, err
}

// ConsumerIDsInPhase returns, in numeric order, the consumers in the given
// phase, or every consumer for UNSPECIFIED.
func (k *Keeper) ConsumerIDsInPhase(ctx sdk.Context, phase types.ConsumerPhase) ([]string, error) {
	var ids []string
	err := k.ConsumerPhase.Walk(ctx, nil, func(id string, p int32) (bool, error) {
		if phase == types.CONSUMER_PHASE_UNSPECIFIED || types.ConsumerPhase(p) == phase {
			ids = append(ids, id)
		}
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	// Keys are strings; order them as the numbers they are.
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
	})
	return ids, nil
}

func parseConsumerID(id string) (uint64, error) {
	return strconv.ParseUint(id, 10, 64)
}
