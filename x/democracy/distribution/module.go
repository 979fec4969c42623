package distribution

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	distr "github.com/cosmos/cosmos-sdk/x/distribution"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
)

// AppModule is x/distribution's AppModule whose BeginBlock pays the
// consumer's fee share to the representatives instead of paying the fee
// collector to the block signers.
type AppModule struct {
	distr.AppModule
	allocator Allocator
}

// NewAppModule wraps x/distribution's AppModule; allocator says where the
// consumer's share accumulates and who is paid.
func NewAppModule(m distr.AppModule, allocator Allocator) AppModule {
	return AppModule{AppModule: m, allocator: allocator}
}

// BeginBlock allocates what accumulated in the allocator's source account
// during the previous block.
func (am AppModule) BeginBlock(ctx context.Context) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	am.allocator.Allocate(sdkCtx, sdkCtx.Logger().With("module", "x/"+distrtypes.ModuleName))
	return nil
}

// Keeper adapts x/distribution's keeper to DistrKeeper, whose fee pool is a
// collections.Item.
type Keeper struct {
	distrkeeper.Keeper
}

// GetFeePool returns the fee pool.
func (k Keeper) GetFeePool(ctx context.Context) (distrtypes.FeePool, error) {
	return k.FeePool.Get(ctx)
}

// SetFeePool stores the fee pool.
func (k Keeper) SetFeePool(ctx context.Context, pool distrtypes.FeePool) error {
	return k.FeePool.Set(ctx, pool)
}
