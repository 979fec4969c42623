package keeper

import (
	"fmt"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"

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
	if err != nil {
		// Staking answers 0 without error for a validator it has no power
		// for; an error is a store failure, which must not silently drop
		// the validator from the sets.
		return cv, false, fmt.Errorf("validator %s: last power: %w", val.GetOperator(), err)
	}
	if power <= 0 {
		return cv, false, nil
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
// epoch (or at launch), by the partial set security pipeline
// (x/provider/README.md, "Validator set"): on a top-N chain it first recomputes the minimum
// power of the top N and opts in every active validator at or above it;
// then it shapes the bonded validators by the consumer's rules. Members
// keep their join height; newcomers join at this height.
func (k *Keeper) ComputeConsumerNextValSet(ctx sdk.Context, consumerID string) ([]types.ConsensusValidator, error) {
	ev, err := k.newEpochValidators(ctx)
	if err != nil {
		return nil, err
	}
	current, err := k.GetConsumerValSet(ctx, consumerID)
	if err != nil {
		return nil, err
	}
	return k.computeConsumerNextValSet(ctx, consumerID, ev, current)
}

// computeConsumerNextValSet is ComputeConsumerNextValSet on the epoch's
// snapshot of the bonded validators and the consumer's stored set, which
// the caller has read already.
func (k *Keeper) computeConsumerNextValSet(ctx sdk.Context, consumerID string, ev *epochValidators, current []types.ConsensusValidator) ([]types.ConsensusValidator, error) {
	ps, err := getOptional(ctx, k.ConsumerPowerShapingParams, consumerID)
	if err != nil {
		return nil, err
	}
	optedIn, err := k.optedInMask(ctx, consumerID, ev)
	if err != nil {
		return nil, err
	}
	var minPower int64
	if ps.Top_N > 0 {
		if minPower, err = k.optInTopN(ctx, consumerID, ps.Top_N, ev.activeSet(), optedIn); err != nil {
			return nil, err
		}
	}
	candidates := ev.bonded
	if !ps.AllowInactiveVals {
		candidates = ev.activeSet()
	}
	shapeInput := make([]Candidate, len(candidates))
	for i, v := range candidates {
		shapeInput[i] = v.Candidate
		shapeInput[i].OptedIn = optedIn[i]
	}
	shaped := ShapeValidatorSet(shapeInput, k.shapingRules(ps, minPower))
	keys, err := k.readAssignedKeys(ctx, consumerID, ev)
	if err != nil {
		return nil, err
	}
	return ev.consumerSet(ctx.BlockHeight(), shaped, keys, current), nil
}

// bondedValidator is a bonded provider validator with its provider key.
type bondedValidator struct {
	Candidate
	providerKey cmtprotocrypto.PublicKey
}

// bondedValidators returns the bonded validators with power, in staking's
// order (by power), with the facts power shaping needs. OptedIn is left
// unset: it depends on the consumer.
func (k *Keeper) bondedValidators(ctx sdk.Context) ([]bondedValidator, error) {
	vals, err := k.stakingKeeper.GetBondedValidatorsByPower(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]bondedValidator, 0, len(vals))
	for _, val := range vals {
		cv, ok, err := k.toConsensusValidator(ctx, val)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		out = append(out, bondedValidator{
			Candidate:   Candidate{ConsAddr: cv.ProviderConsAddr, Power: cv.Power, Tokens: val.BondedTokens()},
			providerKey: *cv.PublicKey,
		})
	}
	return out, nil
}

// shapingRules decodes a consumer's address lists. An entry that does not
// decode matches no validator; an allowlist of such entries still allows
// nobody rather than everybody.
func (k *Keeper) shapingRules(ps types.PowerShapingParameters, minPower int64) ShapingRules {
	return ShapingRules{
		TopN:               ps.Top_N,
		MinPowerInTopN:     minPower,
		Allowlist:          k.addressSet(ps.Allowlist),
		Denylist:           k.addressSet(ps.Denylist),
		Prioritylist:       k.addressSet(ps.Prioritylist),
		MinStake:           ps.MinStake,
		ValidatorSetCap:    ps.ValidatorSetCap,
		ValidatorsPowerCap: ps.ValidatorsPowerCap,
	}
}

// addressSet returns nil for an empty list, so that an empty allowlist
// allows everybody.
func (k *Keeper) addressSet(list []string) map[string]bool {
	if len(list) == 0 {
		return nil
	}
	set := make(map[string]bool, len(list))
	for _, a := range list {
		if bz, err := k.stakingKeeper.ConsensusAddressCodec().StringToBytes(a); err == nil {
			set[string(bz)] = true
		}
	}
	return set
}

// GetConsumerValSet returns a consumer's stored set, ordered by consensus
// address. Every epoch reads every consumer's set, so it skips decoding the
// keys: each value holds its address.
func (k *Keeper) GetConsumerValSet(ctx sdk.Context, consumerID string) ([]types.ConsensusValidator, error) {
	var set []types.ConsensusValidator
	err := k.walkConsumerEntries(ctx, k.ConsumerValidators.GetPrefix(), consumerID, func(_, value []byte) error {
		v, err := k.ConsumerValidators.ValueCodec().Decode(value)
		set = append(set, v)
		return err
	})
	return set, err
}

// SetConsumerValSet replaces a consumer's stored set.
func (k *Keeper) SetConsumerValSet(ctx sdk.Context, consumerID string, set []types.ConsensusValidator) error {
	current, err := k.GetConsumerValSet(ctx, consumerID)
	if err != nil {
		return err
	}
	return k.replaceConsumerValSet(ctx, consumerID, current, set)
}

// replaceConsumerValSet turns the stored set current into set.
func (k *Keeper) replaceConsumerValSet(ctx sdk.Context, consumerID string, current, set []types.ConsensusValidator) error {
	return writeSetChanges(current, set,
		func(v types.ConsensusValidator) error {
			return k.ConsumerValidators.Set(ctx, collections.Join(consumerID, v.ProviderConsAddr), v)
		},
		func(v types.ConsensusValidator) error {
			return k.ConsumerValidators.Remove(ctx, collections.Join(consumerID, v.ProviderConsAddr))
		})
}

func (k *Keeper) deleteConsumerValSet(ctx sdk.Context, consumerID string) error {
	rng := collections.NewPrefixedPairRange[string, []byte](consumerID)
	return k.ConsumerValidators.Clear(ctx, rng)
}

// ToValidatorUpdates lists a set as CometBFT updates.
func ToValidatorUpdates(set []types.ConsensusValidator) []abci.ValidatorUpdate {
	updates := make([]abci.ValidatorUpdate, 0, len(set))
	for _, v := range set {
		updates = append(updates, abci.ValidatorUpdate{PubKey: *v.PublicKey, Power: v.Power})
	}
	return updates
}
