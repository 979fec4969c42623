package keeper

import (
	"bytes"
	"errors"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// Key assignment (ADR-001): a validator may run each consumer with its own
// consensus key. ConsumerKeys maps (consumer, provider address) to the key;
// ValidatorsByConsumerAddr maps (consumer, consumer address) back to the
// provider address, and keeps replaced addresses of a launched consumer for
// one unbonding period so that late slash packets and evidence still find
// their validator; ConsumerAddrsToPrune says when they go.

// AssignConsumerKey makes key the validator's key on a consumer from the
// next epoch. The consumer must be active; key is an ed25519 key.
func (k *Keeper) AssignConsumerKey(ctx sdk.Context, consumerID string, val stakingtypes.Validator, key cmtprotocrypto.PublicKey) error {
	providerAddr, err := val.GetConsAddr()
	if err != nil {
		return errorsmod.Wrapf(types.ErrNoValidatorProviderAddress, "validator %s: %s", val.GetOperator(), err)
	}
	consumerAddr, err := types.ConsumerKeyAddr(key)
	if err != nil {
		return err
	}
	prevKey, hasPrev, err := k.GetValidatorConsumerKey(ctx, consumerID, providerAddr)
	if err != nil {
		return err
	}
	if err := k.checkProviderKeyCollision(ctx, providerAddr, consumerAddr, hasPrev); err != nil {
		return err
	}
	inUse, err := k.ValidatorsByConsumerAddr.Has(ctx, collections.Join(consumerID, []byte(consumerAddr)))
	if err != nil {
		return err
	}
	if inUse {
		return errorsmod.Wrapf(types.ErrConsumerKeyInUse, "consumer %s, consumer address %s", consumerID, consumerAddr)
	}
	if hasPrev {
		if err := k.retireConsumerKey(ctx, consumerID, prevKey); err != nil {
			return err
		}
	}
	if err := k.ConsumerKeys.Set(ctx, collections.Join(consumerID, providerAddr), key); err != nil {
		return err
	}
	return k.ValidatorsByConsumerAddr.Set(ctx, collections.Join(consumerID, []byte(consumerAddr)), providerAddr)
}

// checkProviderKeyCollision refuses a key that is some provider
// validator's consensus key. A validator's own provider key is allowed only
// to revert an earlier assignment.
func (k *Keeper) checkProviderKeyCollision(ctx sdk.Context, providerAddr, consumerAddr sdk.ConsAddress, hasPrev bool) error {
	owner, err := k.stakingKeeper.GetValidatorByConsAddr(ctx, consumerAddr)
	if errors.Is(err, stakingtypes.ErrNoValidatorFound) {
		return nil
	}
	if err != nil {
		return err
	}
	ownerAddr, err := owner.GetConsAddr()
	if err != nil {
		return err
	}
	if !bytes.Equal(ownerAddr, providerAddr) {
		return errorsmod.Wrapf(types.ErrKeyIsProviderKey, "the key is the consensus key of validator %s", owner.GetOperator())
	}
	if !hasPrev {
		return errorsmod.Wrap(types.ErrCannotAssignDefaultKeyAssignment, "the validator already uses its provider key on this consumer")
	}
	return nil
}

// retireConsumerKey stops mapping a replaced key's address back to its
// validator: at once before launch, after one unbonding period once
// launched, since the consumer may still report infractions signed with it.
func (k *Keeper) retireConsumerKey(ctx sdk.Context, consumerID string, oldKey cmtprotocrypto.PublicKey) error {
	oldAddr, err := types.ConsumerKeyAddr(oldKey)
	if err != nil {
		return err
	}
	phase, err := k.consumerPhase(ctx, consumerID)
	if err != nil {
		return err
	}
	if phase != types.CONSUMER_PHASE_LAUNCHED {
		return k.ValidatorsByConsumerAddr.Remove(ctx, collections.Join(consumerID, []byte(oldAddr)))
	}
	unbonding, err := k.stakingKeeper.UnbondingTime(ctx)
	if err != nil {
		return err
	}
	pruneAt := ctx.BlockTime().Add(unbonding)
	return k.ConsumerAddrsToPrune.Set(ctx, collections.Join3(consumerID, pruneAt, []byte(oldAddr)))
}

// GetValidatorConsumerKey returns the key a validator assigned on a
// consumer, if any.
func (k *Keeper) GetValidatorConsumerKey(ctx sdk.Context, consumerID string, providerAddr sdk.ConsAddress) (cmtprotocrypto.PublicKey, bool, error) {
	key, err := k.ConsumerKeys.Get(ctx, collections.Join(consumerID, []byte(providerAddr)))
	if errors.Is(err, collections.ErrNotFound) {
		return key, false, nil
	}
	return key, err == nil, err
}

// ProviderAddrFromConsumerAddr returns the provider address of the
// validator that signs on a consumer with consumerAddr, including keys
// replaced less than one unbonding period ago. An address nobody assigned is
// a provider key used as is.
func (k *Keeper) ProviderAddrFromConsumerAddr(ctx sdk.Context, consumerID string, consumerAddr sdk.ConsAddress) (sdk.ConsAddress, error) {
	providerAddr, err := k.ValidatorsByConsumerAddr.Get(ctx, collections.Join(consumerID, []byte(consumerAddr)))
	if errors.Is(err, collections.ErrNotFound) {
		return consumerAddr, nil
	}
	if err != nil {
		return nil, err
	}
	return providerAddr, nil
}

// PruneKeyAssignments forgets, for every consumer with a client, the
// replaced consumer addresses whose prune time has come (EndBlock).
func (k *Keeper) PruneKeyAssignments(ctx sdk.Context) error {
	var consumerIDs []string
	err := k.ConsumerClientID.Walk(ctx, nil, func(consumerID, _ string) (bool, error) {
		consumerIDs = append(consumerIDs, consumerID)
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, consumerID := range consumerIDs {
		err := k.runIsolated(ctx, "prune key assignments of consumer "+consumerID, func(ctx sdk.Context) error {
			return k.pruneConsumerAddrs(ctx, consumerID, ctx.BlockTime())
		})
		if err != nil {
			k.Logger(ctx).Error("key assignment pruning failed", "consumer_id", consumerID, "error", err)
		}
	}
	return nil
}

// pruneConsumerAddrs removes the consumer's prune entries dated up to now
// and the address mappings they hold.
func (k *Keeper) pruneConsumerAddrs(ctx sdk.Context, consumerID string, now time.Time) error {
	var due []collections.Triple[string, time.Time, []byte]
	rng := collections.NewPrefixedTripleRange[string, time.Time, []byte](consumerID)
	err := k.ConsumerAddrsToPrune.Walk(ctx, rng, func(key collections.Triple[string, time.Time, []byte]) (bool, error) {
		if key.K2().After(now) {
			return true, nil // entries are in time order
		}
		due = append(due, key)
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, key := range due {
		if err := k.forgetRetiredAddr(ctx, consumerID, key.K3()); err != nil {
			return err
		}
		if err := k.ConsumerAddrsToPrune.Remove(ctx, key); err != nil {
			return err
		}
	}
	return nil
}

// forgetRetiredAddr removes a retired address's mapping, unless its
// validator uses the address again (it cannot while the mapping exists, but
// pruning must never cut a live key from its validator).
func (k *Keeper) forgetRetiredAddr(ctx sdk.Context, consumerID string, consumerAddr []byte) error {
	mapKey := collections.Join(consumerID, consumerAddr)
	providerAddr, err := k.ValidatorsByConsumerAddr.Get(ctx, mapKey)
	if errors.Is(err, collections.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	current, has, err := k.GetValidatorConsumerKey(ctx, consumerID, providerAddr)
	if err != nil {
		return err
	}
	if has {
		currentAddr, err := types.ConsumerKeyAddr(current)
		if err != nil {
			return err
		}
		if bytes.Equal(currentAddr, consumerAddr) {
			return nil
		}
	}
	return k.ValidatorsByConsumerAddr.Remove(ctx, mapKey)
}

// deleteConsumerKeyAssignments removes every key assignment, address
// mapping and prune entry of a consumer.
func (k *Keeper) deleteConsumerKeyAssignments(ctx sdk.Context, consumerID string) error {
	if err := k.ConsumerKeys.Clear(ctx, collections.NewPrefixedPairRange[string, []byte](consumerID)); err != nil {
		return err
	}
	if err := k.ValidatorsByConsumerAddr.Clear(ctx, collections.NewPrefixedPairRange[string, []byte](consumerID)); err != nil {
		return err
	}
	return k.ConsumerAddrsToPrune.Clear(ctx, collections.NewPrefixedTripleRange[string, time.Time, []byte](consumerID))
}

// deleteValidatorKeyAssignments removes a validator's current key on every
// consumer with the mapping back to it. Addresses it retired earlier keep
// their prune entries and go in time.
func (k *Keeper) deleteValidatorKeyAssignments(ctx sdk.Context, providerAddr sdk.ConsAddress) error {
	consumerIDs, err := k.ConsumerIDsInPhase(ctx, types.CONSUMER_PHASE_UNSPECIFIED)
	if err != nil {
		return err
	}
	for _, consumerID := range consumerIDs {
		key, has, err := k.GetValidatorConsumerKey(ctx, consumerID, providerAddr)
		if err != nil {
			return err
		}
		if !has {
			continue
		}
		addr, err := types.ConsumerKeyAddr(key)
		if err != nil {
			return err
		}
		if err := k.ValidatorsByConsumerAddr.Remove(ctx, collections.Join(consumerID, []byte(addr))); err != nil {
			return err
		}
		if err := k.ConsumerKeys.Remove(ctx, collections.Join(consumerID, []byte(providerAddr))); err != nil {
			return err
		}
	}
	return nil
}

// consumerKeyInUse returns a consumer on which addr is, or was within the
// prune window, a validator's consumer address.
func (k *Keeper) consumerKeyInUse(ctx sdk.Context, addr sdk.ConsAddress) (string, bool, error) {
	consumerIDs, err := k.ConsumerIDsInPhase(ctx, types.CONSUMER_PHASE_UNSPECIFIED)
	if err != nil {
		return "", false, err
	}
	for _, consumerID := range consumerIDs {
		has, err := k.ValidatorsByConsumerAddr.Has(ctx, collections.Join(consumerID, []byte(addr)))
		if err != nil || has {
			return consumerID, has, err
		}
	}
	return "", false, nil
}
