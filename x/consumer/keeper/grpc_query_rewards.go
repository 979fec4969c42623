package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/rampart-ics/rampart/x/consumer/types"
)

// QueryNextFeeDistribution estimates the next reward transmission. Fees
// are split every block, so the fee collector of a committed state is
// usually empty: the estimate therefore also counts what already waits in
// cons_to_send_to_provider, which is what the next transmission carries.
func (q Querier) QueryNextFeeDistribution(goCtx context.Context, _ *types.QueryNextFeeDistributionEstimateRequest) (*types.QueryNextFeeDistributionEstimateResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	params, err := q.GetConsumerParams(ctx)
	if err != nil {
		return nil, err
	}
	last, _, err := getOptional(ctx, q.LastTransmissionBlockHeight)
	if err != nil {
		return nil, err
	}
	fees := q.bankKeeper.GetAllBalances(ctx, q.accountKeeper.GetModuleAddress(authtypes.FeeCollectorName))
	toConsumer, providerShare, err := splitCoins(fees, params.ConsumerRedistributionFraction)
	if err != nil {
		return nil, err
	}
	waiting := q.bankKeeper.GetAllBalances(ctx, q.accountKeeper.GetModuleAddress(types.ConsumerToSendToProviderName))
	toProvider := providerShare.Add(waiting...)
	// The transmission runs in the EndBlock of the first block at least
	// blocks_per_distribution_transmission after the last; this height's
	// EndBlock has already run.
	next := max(last+params.BlocksPerDistributionTransmission, ctx.BlockHeight()+1)
	return &types.QueryNextFeeDistributionEstimateResponse{Data: &types.NextFeeDistributionEstimate{
		CurrentHeight:        ctx.BlockHeight(),
		LastHeight:           last,
		NextHeight:           next,
		DistributionFraction: params.ConsumerRedistributionFraction,
		Total:                toConsumer.Add(toProvider...).String(),
		ToProvider:           toProvider.String(),
		ToConsumer:           toConsumer.String(),
	}}, nil
}
