package distribution

import (
	"context"

	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// AccountKeeper finds module accounts.
type AccountKeeper interface {
	GetModuleAddress(name string) sdk.AccAddress
}

// BankKeeper reads and moves module balances.
type BankKeeper interface {
	GetAllBalances(ctx context.Context, addr sdk.AccAddress) sdk.Coins
	SendCoinsFromModuleToModule(ctx context.Context, from, to string, amt sdk.Coins) error
}

// DistrKeeper is what Allocate needs of x/distribution's keeper.
type DistrKeeper interface {
	GetCommunityTax(ctx context.Context) (math.LegacyDec, error)
	AllocateTokensToValidator(ctx context.Context, val stakingtypes.ValidatorI, tokens sdk.DecCoins) error
	GetFeePool(ctx context.Context) (distrtypes.FeePool, error)
	SetFeePool(ctx context.Context, pool distrtypes.FeePool) error
}

// StakingKeeper lists the bonded representatives.
type StakingKeeper interface {
	GetBondedValidatorsByPower(ctx context.Context) ([]stakingtypes.Validator, error)
}

// Allocator pays what accumulates in Source to the representatives.
type Allocator struct {
	Source  string // the module account paid out: cons_redistribute
	Account AccountKeeper
	Bank    BankKeeper
	Distr   DistrKeeper
	Staking StakingKeeper
}

// Allocate pays Source's whole balance out (see the package doc). Its writes
// are kept only if it succeeds; a failure is logged, not returned, so that
// a reward problem never halts the chain.
func (a Allocator) Allocate(ctx sdk.Context, logger log.Logger) {
	cacheCtx, write := ctx.CacheContext()
	if err := a.allocate(cacheCtx); err != nil {
		logger.Error("allocating the consumer's fee share failed; it waits for the next block",
			"account", a.Source, "error", err)
		return
	}
	write()
}

func (a Allocator) allocate(ctx sdk.Context) error {
	collected := a.Bank.GetAllBalances(ctx, a.Account.GetModuleAddress(a.Source))
	if collected.IsZero() {
		return nil
	}
	if err := a.Bank.SendCoinsFromModuleToModule(ctx, a.Source, distrtypes.ModuleName, collected); err != nil {
		return err
	}
	fees := sdk.NewDecCoinsFromCoins(collected...)

	reps, err := a.Staking.GetBondedValidatorsByPower(ctx)
	if err != nil {
		return err
	}
	total := math.ZeroInt()
	for _, rep := range reps {
		total = total.Add(rep.GetTokens())
	}
	remaining := fees
	if total.IsPositive() {
		tax, err := a.Distr.GetCommunityTax(ctx)
		if err != nil {
			return err
		}
		toReps := fees.MulDecTruncate(math.LegacyOneDec().Sub(tax))
		for _, rep := range reps {
			fraction := math.LegacyNewDecFromInt(rep.GetTokens()).QuoTruncate(math.LegacyNewDecFromInt(total))
			reward := toReps.MulDecTruncate(fraction)
			if reward.IsZero() {
				continue
			}
			if err := a.Distr.AllocateTokensToValidator(ctx, rep, reward); err != nil {
				return err
			}
			remaining = remaining.Sub(reward)
		}
	}
	pool, err := a.Distr.GetFeePool(ctx)
	if err != nil {
		return err
	}
	pool.CommunityPool = pool.CommunityPool.Add(remaining...)
	return a.Distr.SetFeePool(ctx, pool)
}
