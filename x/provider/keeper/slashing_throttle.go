package keeper

import (
	"errors"
	"fmt"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	cmttypes "github.com/cometbft/cometbft/types"
)

// The slash meter throttles downtime jailing (ADR-008, "throttle v2 with
// retries"): every handled downtime slash packet takes the validator's power
// off the meter, and while the meter is negative further packets bounce and
// the consumers retry them later. The meter refills by the allowance every
// replenish period, up to the allowance. So jailing X% of the provider's power
// takes at least period × X / fraction − 2 × period, whatever the consumers
// send.

// maxMeter bounds the meter on both sides: no amount of power can exceed
// what CometBFT allows in a validator set.
var maxMeter = math.NewInt(cmttypes.MaxTotalVotingPower)

// SlashMeterAllowance is the power the meter gains every replenish period and
// its maximum: round(slash_meter_replenish_fraction × total power), at least 1
// so that a packet can always get through eventually.
func (k *Keeper) SlashMeterAllowance(ctx sdk.Context) (math.Int, error) {
	fraction, err := math.LegacyNewDecFromStr(k.mustGetParams(ctx).SlashMeterReplenishFraction)
	if err != nil {
		return math.Int{}, fmt.Errorf("slash meter replenish fraction: %w", err)
	}
	total, err := k.stakingKeeper.GetLastTotalPower(ctx)
	if err != nil {
		return math.Int{}, err
	}
	allowance := fraction.MulInt(total).RoundInt()
	if allowance.LT(math.OneInt()) {
		return math.OneInt(), nil
	}
	return boundMeter(allowance), nil
}

// GetSlashMeter returns the meter; before it is first set it is full.
func (k *Keeper) GetSlashMeter(ctx sdk.Context) (math.Int, error) {
	meter, err := k.SlashMeter.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return k.SlashMeterAllowance(ctx)
	}
	return meter, err
}

// setSlashMeter stores the meter within its bounds.
func (k *Keeper) setSlashMeter(ctx sdk.Context, meter math.Int) error {
	return k.SlashMeter.Set(ctx, boundMeter(meter))
}

// boundMeter clamps a meter value to ±MaxTotalVotingPower. Power taken off
// is never more than the provider's total power, so this only matters for a
// meter imported from a hand-edited genesis.
func boundMeter(meter math.Int) math.Int {
	if meter.GT(maxMeter) {
		return maxMeter
	}
	if meter.LT(maxMeter.Neg()) {
		return maxMeter.Neg()
	}
	return meter
}

// InitializeSlashMeter fills the meter and schedules the next replenishment
// one period from now.
func (k *Keeper) InitializeSlashMeter(ctx sdk.Context) error {
	allowance, err := k.SlashMeterAllowance(ctx)
	if err != nil {
		return err
	}
	if err := k.setSlashMeter(ctx, allowance); err != nil {
		return err
	}
	return k.scheduleReplenishment(ctx)
}

func (k *Keeper) scheduleReplenishment(ctx sdk.Context) error {
	period := k.mustGetParams(ctx).SlashMeterReplenishPeriod
	return k.SlashMeterReplenishCandidate.Set(ctx, ctx.BlockTime().Add(period))
}

// GetSlashMeterReplenishCandidate returns when the meter is next
// replenished if it is not full; the zero time before the meter is set.
func (k *Keeper) GetSlashMeterReplenishCandidate(ctx sdk.Context) (time.Time, error) {
	t, err := k.SlashMeterReplenishCandidate.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return time.Time{}, nil
	}
	return t, err
}

// BeginBlockReplenishSlashMeter refills the meter when its replenish time
// has come, and keeps a full meter at the allowance with its replenish time
// pushed forward: the period only counts down while the meter is not full.
// The allowance follows the provider's total power, so a meter that is more
// than the allowance after the power fell is cut to it.
func (k *Keeper) BeginBlockReplenishSlashMeter(ctx sdk.Context) error {
	has, err := k.SlashMeter.Has(ctx)
	if err != nil {
		return err
	}
	if !has {
		return k.InitializeSlashMeter(ctx)
	}
	allowance, err := k.SlashMeterAllowance(ctx)
	if err != nil {
		return err
	}
	meter, err := k.SlashMeter.Get(ctx)
	if err != nil {
		return err
	}
	candidate, err := k.GetSlashMeterReplenishCandidate(ctx)
	if err != nil {
		return err
	}
	if !ctx.BlockTime().Before(candidate) {
		meter = math.MinInt(meter.Add(allowance), allowance)
		if err := k.scheduleReplenishment(ctx); err != nil {
			return err
		}
	}
	if meter.GTE(allowance) {
		meter = allowance
		if err := k.scheduleReplenishment(ctx); err != nil {
			return err
		}
	}
	return k.setSlashMeter(ctx, meter)
}
