package keeper

import (
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Opt-in state of partial set security. A validator is opted in to a
// consumer by MsgOptIn or by being in a top-N chain's top N; it stays opted
// in until MsgOptOut, even if it drops out of the top N.

// SetOptedIn opts a validator, by provider consensus address, in to a
// consumer.
func (k *Keeper) SetOptedIn(ctx sdk.Context, consumerID string, consAddr []byte) error {
	return k.OptedIn.Set(ctx, collections.Join(consumerID, consAddr))
}

// DeleteOptedIn opts a validator out of a consumer.
func (k *Keeper) DeleteOptedIn(ctx sdk.Context, consumerID string, consAddr []byte) error {
	return k.OptedIn.Remove(ctx, collections.Join(consumerID, consAddr))
}

// IsOptedIn reports whether a validator is opted in to a consumer.
func (k *Keeper) IsOptedIn(ctx sdk.Context, consumerID string, consAddr []byte) (bool, error) {
	return k.OptedIn.Has(ctx, collections.Join(consumerID, consAddr))
}

// GetOptedIn returns the consensus addresses of the validators opted in to
// a consumer, in address order.
func (k *Keeper) GetOptedIn(ctx sdk.Context, consumerID string) ([][]byte, error) {
	var addrs [][]byte
	rng := collections.NewPrefixedPairRange[string, []byte](consumerID)
	err := k.OptedIn.Walk(ctx, rng, func(key collections.Pair[string, []byte]) (bool, error) {
		addrs = append(addrs, key.K2())
		return false, nil
	})
	return addrs, err
}

// GetMinPowerInTopN returns the stored minimum power of a top-N chain's top
// N; found is false for other chains.
func (k *Keeper) GetMinPowerInTopN(ctx sdk.Context, consumerID string) (minPower int64, found bool, err error) {
	minPower, err = k.MinPowerInTopN.Get(ctx, consumerID)
	if errors.Is(err, collections.ErrNotFound) {
		return 0, false, nil
	}
	return minPower, err == nil, err
}

// deleteOptInState forgets a deleted consumer's opt-ins and top-N power.
func (k *Keeper) deleteOptInState(ctx sdk.Context, consumerID string) error {
	if err := k.OptedIn.Clear(ctx, collections.NewPrefixedPairRange[string, []byte](consumerID)); err != nil {
		return err
	}
	return k.MinPowerInTopN.Remove(ctx, consumerID)
}
