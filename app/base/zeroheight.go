package base

import (
	"errors"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// StakingKeepers are the keepers of a chain with its own x/staking,
// x/distribution and x/slashing (a provider, a democracy consumer, a
// standalone chain), whose state a zero-height export must settle.
type StakingKeepers struct {
	Staking  *stakingkeeper.Keeper
	Distr    distrkeeper.Keeper
	Slashing slashingkeeper.Keeper
}

// PrepForZeroHeight settles distribution and resets the heights that
// staking and slashing recorded, as a restart at height zero requires.
// When jailAllowedAddrs is not empty, every validator it does not list is
// jailed.
func (app *App) PrepForZeroHeight(ctx sdk.Context, k StakingKeepers, jailAllowedAddrs []string) error {
	allowed := make(map[string]bool, len(jailAllowedAddrs))
	for _, addr := range jailAllowedAddrs {
		if _, err := k.Staking.ValidatorAddressCodec().StringToBytes(addr); err != nil {
			return fmt.Errorf("jail-allowed address %q: %w", addr, err)
		}
		allowed[addr] = true
	}

	validators, err := k.Staking.GetAllValidators(ctx)
	if err != nil {
		return err
	}
	delegations, err := k.Staking.GetAllDelegations(ctx)
	if err != nil {
		return err
	}
	if err := app.settleDistribution(ctx, k, validators, delegations); err != nil {
		return err
	}
	if err := resetStakingHeights(ctx, k.Staking, validators, allowed); err != nil {
		return err
	}

	var setErr error
	err = k.Slashing.IterateValidatorSigningInfos(ctx,
		func(addr sdk.ConsAddress, info slashingtypes.ValidatorSigningInfo) bool {
			info.StartHeight = 0
			setErr = k.Slashing.SetValidatorSigningInfo(ctx, addr, info)
			return setErr != nil
		})
	return errors.Join(err, setErr)
}

// settleDistribution withdraws every commission and delegation reward, moves
// what cannot be withdrawn to the community pool and re-creates the
// distribution records at height zero.
func (app *App) settleDistribution(
	ctx sdk.Context, k StakingKeepers, validators []stakingtypes.Validator, delegations []stakingtypes.Delegation,
) error {
	valCodec := k.Staking.ValidatorAddressCodec()
	accCodec := app.AccountKeeper.AddressCodec()
	type pair struct {
		del sdk.AccAddress
		val sdk.ValAddress
	}
	pairs := make([]pair, 0, len(delegations))
	for _, d := range delegations {
		val, err := valCodec.StringToBytes(d.ValidatorAddress)
		if err != nil {
			return err
		}
		del, err := accCodec.StringToBytes(d.DelegatorAddress)
		if err != nil {
			return err
		}
		pairs = append(pairs, pair{del: del, val: val})
	}
	valAddrs := make([]sdk.ValAddress, 0, len(validators))
	for _, v := range validators {
		addr, err := valCodec.StringToBytes(v.OperatorAddress)
		if err != nil {
			return err
		}
		valAddrs = append(valAddrs, addr)
	}

	// Withdrawals fail harmlessly when there is nothing to withdraw.
	for _, v := range valAddrs {
		_, _ = k.Distr.WithdrawValidatorCommission(ctx, v)
	}
	for _, p := range pairs {
		_, _ = k.Distr.WithdrawDelegationRewards(ctx, p.del, p.val)
	}
	k.Distr.DeleteAllValidatorSlashEvents(ctx)
	k.Distr.DeleteAllValidatorHistoricalRewards(ctx)

	ctx = ctx.WithBlockHeight(0) // the records are re-created as of height zero
	hooks := k.Distr.Hooks()
	for _, v := range valAddrs {
		scraps, err := k.Distr.GetValidatorOutstandingRewardsCoins(ctx, v)
		if err != nil {
			return err
		}
		feePool, err := k.Distr.FeePool.Get(ctx)
		if err != nil {
			return err
		}
		feePool.CommunityPool = feePool.CommunityPool.Add(scraps...)
		if err := k.Distr.FeePool.Set(ctx, feePool); err != nil {
			return err
		}
		if err := hooks.AfterValidatorCreated(ctx, v); err != nil {
			return err
		}
	}
	for _, p := range pairs {
		if err := hooks.BeforeDelegationCreated(ctx, p.del, p.val); err != nil {
			return err
		}
		if err := hooks.AfterDelegationModified(ctx, p.del, p.val); err != nil {
			return err
		}
	}
	return nil
}

// resetStakingHeights zeroes the creation heights of redelegations and
// unbondings and the unbonding height of validators, and jails every
// validator not in allowed (when allowed is not empty).
func resetStakingHeights(
	ctx sdk.Context, staking *stakingkeeper.Keeper, validators []stakingtypes.Validator, allowed map[string]bool,
) error {
	var setErr error
	err := staking.IterateRedelegations(ctx, func(_ int64, red stakingtypes.Redelegation) bool {
		for i := range red.Entries {
			red.Entries[i].CreationHeight = 0
		}
		setErr = staking.SetRedelegation(ctx, red)
		return setErr != nil
	})
	if err = errors.Join(err, setErr); err != nil {
		return err
	}
	err = staking.IterateUnbondingDelegations(ctx, func(_ int64, ubd stakingtypes.UnbondingDelegation) bool {
		for i := range ubd.Entries {
			ubd.Entries[i].CreationHeight = 0
		}
		setErr = staking.SetUnbondingDelegation(ctx, ubd)
		return setErr != nil
	})
	if err = errors.Join(err, setErr); err != nil {
		return err
	}

	for _, val := range validators {
		val.UnbondingHeight = 0
		if len(allowed) > 0 && !allowed[val.OperatorAddress] {
			val.Jailed = true
		}
		if err := staking.SetValidator(ctx, val); err != nil {
			return err
		}
	}
	_, err = staking.ApplyAndReturnValidatorSetUpdates(ctx)
	return err
}
