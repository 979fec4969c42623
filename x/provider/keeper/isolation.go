package keeper

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// runIsolated runs per-consumer block work in a cached context and writes
// its changes only if it succeeds. A panic is turned into an error, so one
// consumer can never halt the provider. Use it only in
// BeginBlock and EndBlock, where gas is not metered.
func (k *Keeper) runIsolated(ctx sdk.Context, what string, fn func(ctx sdk.Context) error) (err error) {
	cacheCtx, write := ctx.CacheContext()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: recovered from panic: %v", what, r)
		}
	}()
	if err := fn(cacheCtx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	write()
	return nil
}
