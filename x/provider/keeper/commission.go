package keeper

import (
	"context"
	"errors"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// SetConsumerCommissionRate sets the commission a validator takes on a
// consumer's rewards instead of its provider commission. The rate must be
// in [0, 1] and at least the staking module's minimum.
func (k *Keeper) SetConsumerCommissionRate(ctx sdk.Context, consumerID string, providerAddr sdk.ConsAddress, rate math.LegacyDec) error {
	if err := types.ValidateCommissionRate(rate); err != nil {
		return err
	}
	minRate, err := k.stakingKeeper.MinCommissionRate(ctx)
	if err != nil {
		return err
	}
	if rate.LT(minRate) {
		return errorsmod.Wrapf(types.ErrInvalidCommissionRate, "rate %s is below the staking minimum commission rate %s", rate, minRate)
	}
	return k.ConsumerCommissionRate.Set(ctx, collections.Join(consumerID, []byte(providerAddr)), rate)
}

// ConsumerCommissionRateOf returns a validator's commission on a consumer:
// the rate it set there, or else its provider commission.
func (k *Keeper) ConsumerCommissionRateOf(ctx sdk.Context, consumerID string, providerAddr sdk.ConsAddress) (math.LegacyDec, error) {
	rate, err := k.ConsumerCommissionRate.Get(ctx, collections.Join(consumerID, []byte(providerAddr)))
	if err == nil {
		return rate, nil
	}
	if !errors.Is(err, collections.ErrNotFound) {
		return math.LegacyDec{}, err
	}
	val, err := k.stakingKeeper.GetValidatorByConsAddr(ctx, providerAddr)
	if err != nil {
		return math.LegacyDec{}, errorsmod.Wrapf(types.ErrNoValidatorProviderAddress, "%s: %s", providerAddr, err)
	}
	return val.Commission.Rate, nil
}

// deleteConsumerCommissionRates removes every rate set on a consumer.
func (k *Keeper) deleteConsumerCommissionRates(ctx sdk.Context, consumerID string) error {
	return k.ConsumerCommissionRate.Clear(ctx, collections.NewPrefixedPairRange[string, []byte](consumerID))
}

// deleteValidatorCommissionRates removes a validator's rates on every
// consumer.
func (k *Keeper) deleteValidatorCommissionRates(ctx sdk.Context, providerAddr sdk.ConsAddress) error {
	consumerIDs, err := k.ConsumerIDsInPhase(ctx, types.CONSUMER_PHASE_UNSPECIFIED)
	if err != nil {
		return err
	}
	for _, consumerID := range consumerIDs {
		if err := k.ConsumerCommissionRate.Remove(ctx, collections.Join(consumerID, []byte(providerAddr))); err != nil {
			return err
		}
	}
	return nil
}

// SetConsumerCommissionRate sets a validator's commission on one consumer.
func (s msgServer) SetConsumerCommissionRate(goCtx context.Context, msg *types.MsgSetConsumerCommissionRate) (*types.MsgSetConsumerCommissionRateResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	val, chainID, err := s.validatorOnActiveConsumer(ctx, msg.ConsumerId, msg.ProviderAddr, msg.Signer)
	if err != nil {
		return nil, err
	}
	providerAddr, err := val.GetConsAddr()
	if err != nil {
		return nil, err
	}
	if err := s.Keeper.SetConsumerCommissionRate(ctx, msg.ConsumerId, providerAddr, msg.Rate); err != nil {
		return nil, err
	}
	emitEvent(ctx, EventSetConsumerCommissionRate{ConsumerID: msg.ConsumerId, ChainID: chainID, Validator: msg.ProviderAddr, Rate: msg.Rate.String()})
	return &types.MsgSetConsumerCommissionRateResponse{}, nil
}

// QueryValidatorConsumerCommissionRate returns a validator's commission on
// a consumer: the rate it set there, or its provider commission.
func (q queryServer) QueryValidatorConsumerCommissionRate(goCtx context.Context, req *types.QueryValidatorConsumerCommissionRateRequest) (*types.QueryValidatorConsumerCommissionRateResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	if _, err := q.requireConsumerID(ctx, req.ConsumerId); err != nil {
		return nil, err
	}
	providerAddr, err := q.parseConsAddr(req.ProviderAddress, "provider_address")
	if err != nil {
		return nil, err
	}
	rate, err := q.ConsumerCommissionRateOf(ctx, req.ConsumerId, providerAddr)
	if errors.Is(err, types.ErrNoValidatorProviderAddress) {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryValidatorConsumerCommissionRateResponse{Rate: rate}, nil
}
