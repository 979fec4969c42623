package keeper

import (
	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// handledEvidence lists, in key order, the keys of a consumer's punished
// offences.
func (k *Keeper) handledEvidence(ctx sdk.Context, consumerID string) ([][]byte, error) {
	var keys [][]byte
	rng := collections.NewPrefixedPairRange[string, []byte](consumerID)
	err := k.HandledEvidence.Walk(ctx, rng, func(key collections.Pair[string, []byte]) (bool, error) {
		keys = append(keys, key.K2())
		return false, nil
	})
	return keys, err
}

func (k *Keeper) importHandledEvidence(ctx sdk.Context, consumerID string, keys [][]byte) error {
	for _, key := range keys {
		if err := k.markHandled(ctx, consumerID, key); err != nil {
			return err
		}
	}
	return nil
}

// deleteHandledEvidence forgets a deleted consumer's punished offences: no
// evidence about it is accepted any more.
func (k *Keeper) deleteHandledEvidence(ctx sdk.Context, consumerID string) error {
	keys, err := k.handledEvidence(ctx, consumerID)
	if err != nil {
		return err
	}
	for _, key := range keys {
		if err := k.HandledEvidence.Remove(ctx, collections.Join(consumerID, key)); err != nil {
			return err
		}
	}
	return nil
}
