package keeper

import (
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/types"
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

// OptOut removes a validator's opt-in from a launched consumer. On a top-N
// chain a validator in the top N (power at least the stored minimum) must
// stay. The change reaches the consumer at the next epoch.
func (k *Keeper) OptOut(ctx sdk.Context, consumerID string, consAddr sdk.ConsAddress) error {
	phase, err := k.requireConsumer(ctx, consumerID)
	if err != nil {
		return err
	}
	if phase != types.CONSUMER_PHASE_LAUNCHED {
		return errorsmod.Wrapf(types.ErrInvalidPhase, "consumer %s is %s; validators can only opt out of a launched consumer", consumerID, phase)
	}
	// The top N is checked first: its members are in even before the epoch
	// that records their opt-in.
	if err := k.requireOutsideTopN(ctx, consumerID, consAddr); err != nil {
		return err
	}
	optedIn, err := k.IsOptedIn(ctx, consumerID, consAddr)
	if err != nil {
		return err
	}
	if !optedIn {
		return errorsmod.Wrapf(types.ErrNotOptedIn, "validator %s is not opted in to consumer %s", consAddr, consumerID)
	}
	return k.DeleteOptedIn(ctx, consumerID, consAddr)
}

// requireOutsideTopN refuses a validator whose power is at least a top-N
// chain's stored minimum power.
func (k *Keeper) requireOutsideTopN(ctx sdk.Context, consumerID string, consAddr sdk.ConsAddress) error {
	minPower, found, err := k.GetMinPowerInTopN(ctx, consumerID)
	if err != nil || !found {
		return err
	}
	ps, err := getOptional(ctx, k.ConsumerPowerShapingParams, consumerID)
	if err != nil || ps.Top_N == 0 {
		return err
	}
	val, err := k.stakingKeeper.GetValidatorByConsAddr(ctx, consAddr)
	if err != nil {
		return errorsmod.Wrapf(types.ErrNoValidatorProviderAddress, "validator %s: %s", consAddr, err)
	}
	valAddr, err := k.stakingKeeper.ValidatorAddressCodec().StringToBytes(val.GetOperator())
	if err != nil {
		return err
	}
	power, err := k.stakingKeeper.GetLastValidatorPower(ctx, valAddr)
	if err != nil {
		return err
	}
	if power >= minPower {
		return errorsmod.Wrapf(types.ErrCannotOptOutFromTopN, "validator %s has power %d and consumer %s's top %d%% starts at %d",
			consAddr, power, consumerID, ps.Top_N, minPower)
	}
	return nil
}
