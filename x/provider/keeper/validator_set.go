package keeper

import (
	"fmt"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// activeValidators returns the provider's active set: the bonded validators
// by power, at most max_provider_consensus_validators of them.
func (k *Keeper) activeValidators(ctx sdk.Context) ([]stakingtypes.Validator, error) {
	bonded, err := k.stakingKeeper.GetBondedValidatorsByPower(ctx)
	if err != nil {
		return nil, err
	}
	maxVals := k.mustGetParams(ctx).MaxProviderConsensusValidators
	if int64(len(bonded)) > maxVals {
		bonded = bonded[:maxVals]
	}
	return bonded, nil
}

// toConsensusValidator describes a staking validator as a set member with
// its last power and its provider consensus key. Validators without power
// are skipped (ok is false).
func (k *Keeper) toConsensusValidator(ctx sdk.Context, val stakingtypes.Validator) (cv types.ConsensusValidator, ok bool, err error) {
	valAddr, err := k.stakingKeeper.ValidatorAddressCodec().StringToBytes(val.GetOperator())
	if err != nil {
		return cv, false, fmt.Errorf("validator %s: %w", val.GetOperator(), err)
	}
	power, err := k.stakingKeeper.GetLastValidatorPower(ctx, valAddr)
	if err != nil || power <= 0 {
		return cv, false, nil //nolint:nilerr // a validator with no recorded power is not in the set
	}
	consAddr, err := val.GetConsAddr()
	if err != nil {
		return cv, false, fmt.Errorf("validator %s: %w", val.GetOperator(), err)
	}
	pubKey, err := val.CmtConsPublicKey()
	if err != nil {
		return cv, false, fmt.Errorf("validator %s: %w", val.GetOperator(), err)
	}
	return types.ConsensusValidator{ProviderConsAddr: consAddr, Power: power, PublicKey: &pubKey}, true, nil
}

// ProviderConsensusSet returns the provider's own next CometBFT set.
func (k *Keeper) ProviderConsensusSet(ctx sdk.Context) ([]types.ConsensusValidator, error) {
	vals, err := k.activeValidators(ctx)
	if err != nil {
		return nil, err
	}
	set := make([]types.ConsensusValidator, 0, len(vals))
	for _, val := range vals {
		cv, ok, err := k.toConsensusValidator(ctx, val)
		if err != nil {
			return nil, err
		}
		if ok {
			set = append(set, cv)
		}
	}
	return set, nil
}

// ComputeConsumerNextValSet returns the set a consumer gets at the next
// epoch: every active provider validator with its provider key and power.
// Join heights carry over for validators already in the consumer's set.
func (k *Keeper) ComputeConsumerNextValSet(ctx sdk.Context, consumerID string) ([]types.ConsensusValidator, error) {
	next, err := k.ProviderConsensusSet(ctx)
	if err != nil {
		return nil, err
	}
	for i := range next {
		// A validator signs with the key it assigned on this consumer.
		if key, has, err := k.GetValidatorConsumerKey(ctx, consumerID, next[i].ProviderConsAddr); err != nil {
			return nil, err
		} else if has {
			next[i].PublicKey = &key
		}
		prev, err := k.ConsumerValidators.Get(ctx, collections.Join(consumerID, next[i].ProviderConsAddr))
		if err == nil {
			next[i].JoinHeight = prev.JoinHeight
		} else {
			next[i].JoinHeight = ctx.BlockHeight()
		}
	}
	return next, nil
}

// GetConsumerValSet returns a consumer's stored set, ordered by consensus
// address.
func (k *Keeper) GetConsumerValSet(ctx sdk.Context, consumerID string) ([]types.ConsensusValidator, error) {
	var set []types.ConsensusValidator
	rng := collections.NewPrefixedPairRange[string, []byte](consumerID)
	err := k.ConsumerValidators.Walk(ctx, rng, func(_ collections.Pair[string, []byte], v types.ConsensusValidator) (bool, error) {
		set = append(set, v)
		return false, nil
	})
	return set, err
}

// SetConsumerValSet replaces a consumer's stored set.
func (k *Keeper) SetConsumerValSet(ctx sdk.Context, consumerID string, set []types.ConsensusValidator) error {
	if err := k.deleteConsumerValSet(ctx, consumerID); err != nil {
		return err
	}
	for _, v := range set {
		if err := k.ConsumerValidators.Set(ctx, collections.Join(consumerID, v.ProviderConsAddr), v); err != nil {
			return err
		}
	}
	return nil
}

func (k *Keeper) deleteConsumerValSet(ctx sdk.Context, consumerID string) error {
	rng := collections.NewPrefixedPairRange[string, []byte](consumerID)
	return k.ConsumerValidators.Clear(ctx, rng)
}

// DiffValidators returns the CometBFT updates that turn current into next,
// keyed by public key: first the keys that leave or change power (in
// current's order; leaving keys get power 0), then the new keys (in next's
// order). A key rotation thus shows as (old key, 0) and (new key, power).
func DiffValidators(current, next []types.ConsensusValidator) []abci.ValidatorUpdate {
	nextPower := make(map[string]int64, len(next))
	for _, v := range next {
		nextPower[v.PublicKey.String()] = v.Power
	}
	currentKeys := make(map[string]bool, len(current))
	updates := make([]abci.ValidatorUpdate, 0)
	for _, v := range current {
		key := v.PublicKey.String()
		currentKeys[key] = true
		power, stays := nextPower[key]
		if stays && power == v.Power {
			continue
		}
		updates = append(updates, abci.ValidatorUpdate{PubKey: *v.PublicKey, Power: power})
	}
	for _, v := range next {
		if !currentKeys[v.PublicKey.String()] {
			updates = append(updates, abci.ValidatorUpdate{PubKey: *v.PublicKey, Power: v.Power})
		}
	}
	return updates
}

// ToValidatorUpdates lists a set as CometBFT updates.
func ToValidatorUpdates(set []types.ConsensusValidator) []abci.ValidatorUpdate {
	updates := make([]abci.ValidatorUpdate, 0, len(set))
	for _, v := range set {
		updates = append(updates, abci.ValidatorUpdate{PubKey: *v.PublicKey, Power: v.Power})
	}
	return updates
}
