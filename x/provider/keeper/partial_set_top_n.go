package keeper

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// optInTopN recomputes a top-N chain's minimum power from the active
// validators, stores it, and opts in (for good) every active validator at or
// above it. optedIn tells, by position in active, who is opted in already:
// they are not written again, and the newly opted in are marked in it. It
// returns the minimum power. With no active power nobody is in the top N
// and the stored minimum is left as it was.
func (k *Keeper) optInTopN(ctx sdk.Context, consumerID string, topN uint32, active []bondedValidator, optedIn []bool) (int64, error) {
	minPower, ok := MinPowerInTopN(activePowers(active), topN)
	if !ok {
		k.Logger(ctx).Error("no active validator has power; the top N is empty", "consumer_id", consumerID)
		return 0, nil
	}
	if err := k.MinPowerInTopN.Set(ctx, consumerID, minPower); err != nil {
		return 0, err
	}
	for i, v := range active {
		if v.Power < minPower || optedIn[i] {
			continue
		}
		if err := k.SetOptedIn(ctx, consumerID, v.ConsAddr); err != nil {
			return 0, err
		}
		optedIn[i] = true
	}
	return minPower, nil
}

func activePowers(active []bondedValidator) []int64 {
	powers := make([]int64, len(active))
	for i, v := range active {
		powers[i] = v.Power
	}
	return powers
}

// updateMinPowerInTopN follows a change of top_N: a top-N chain gets its
// minimum power computed now, so that opt-outs are judged by it before the
// next epoch; an opt-in chain has none.
func (k *Keeper) updateMinPowerInTopN(ctx sdk.Context, consumerID string, oldTopN, newTopN uint32) error {
	if oldTopN == newTopN {
		return nil
	}
	if newTopN == 0 {
		return k.MinPowerInTopN.Remove(ctx, consumerID)
	}
	bonded, err := k.bondedValidators(ctx)
	if err != nil {
		return err
	}
	active := bonded[:min(len(bonded), int(k.mustGetParams(ctx).MaxProviderConsensusValidators))]
	minPower, ok := MinPowerInTopN(activePowers(active), newTopN)
	if !ok {
		return k.MinPowerInTopN.Remove(ctx, consumerID)
	}
	return k.MinPowerInTopN.Set(ctx, consumerID, minPower)
}

// applyPowerShaping replaces a consumer's power-shaping parameters. Only
// governance may make a chain top N: the sender must be governance already,
// so that an owner cannot hand the chain to governance and make it top N in
// one message.
func (k *Keeper) applyPowerShaping(ctx sdk.Context, consumerID, sender string, ps types.PowerShapingParameters) error {
	if ps.Top_N > 0 && sender != k.authority {
		return errorsmod.Wrapf(types.ErrInvalidTopN, "only governance (%s) can make consumer %s top N; %s sent the update", k.authority, consumerID, sender)
	}
	if err := k.validatePowerShapingAddresses(ps); err != nil {
		return err
	}
	old, err := getOptional(ctx, k.ConsumerPowerShapingParams, consumerID)
	if err != nil {
		return err
	}
	if err := k.ConsumerPowerShapingParams.Set(ctx, consumerID, ps); err != nil {
		return err
	}
	return k.updateMinPowerInTopN(ctx, consumerID, old.Top_N, ps.Top_N)
}

// validatePowerShapingAddresses checks that the address lists hold
// consensus addresses of this chain (ValidateBasic cannot know the prefix).
func (k *Keeper) validatePowerShapingAddresses(ps types.PowerShapingParameters) error {
	lists := []struct {
		name string
		list []string
	}{{"allowlist", ps.Allowlist}, {"denylist", ps.Denylist}, {"prioritylist", ps.Prioritylist}}
	for _, l := range lists {
		for _, a := range l.list {
			if _, err := k.stakingKeeper.ConsensusAddressCodec().StringToBytes(a); err != nil {
				return errorsmod.Wrapf(types.ErrInvalidPowerShaping, "%s entry %q is not a consensus address: %s", l.name, a, err)
			}
		}
	}
	return nil
}
