package keeper

import (
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

// EndBlockRewards splits the fees collected in this block and, once every
// blocks_per_distribution_transmission blocks, sends the provider's share
// over the distribution channel (Rewards in x/consumer/README.md, and
// docs/rewards.md for the provider's side). Reward trouble never
// halts the chain: a failed split or transfer is logged and the tokens wait
// for the next round. Only a store failure is returned.
func (k *Keeper) EndBlockRewards(ctx sdk.Context, params ccvtypes.ConsumerParams) error {
	if err := k.runCached(ctx, func(c sdk.Context) error { return k.SplitFees(c, params) }); err != nil {
		k.Logger(ctx).Error("splitting the fees failed; they stay in the fee collector", "error", err)
	}
	due, err := k.TransmissionDue(ctx, params)
	if err != nil || !due {
		return err
	}
	k.SendRewardsToProvider(ctx, params)
	// Counted from this round even when nothing could be sent, so a closed
	// channel is retried once per interval, not every block.
	return k.LastTransmissionBlockHeight.Set(ctx, ctx.BlockHeight())
}

// runCached runs fn in a cached context and keeps its writes only on
// success.
func (k *Keeper) runCached(ctx sdk.Context, fn func(sdk.Context) error) error {
	cacheCtx, write := ctx.CacheContext()
	if err := fn(cacheCtx); err != nil {
		return err
	}
	write()
	return nil
}

// SplitFees moves the whole fee collector balance: the redistribution
// fraction, truncated, to cons_redistribute and the rest, remainders
// included, to cons_to_send_to_provider.
func (k *Keeper) SplitFees(ctx sdk.Context, params ccvtypes.ConsumerParams) error {
	fees := k.bankKeeper.GetAllBalances(ctx, k.accountKeeper.GetModuleAddress(authtypes.FeeCollectorName))
	if fees.IsZero() {
		return nil
	}
	toConsumer, toProvider, err := splitCoins(fees, params.ConsumerRedistributionFraction)
	if err != nil {
		return err
	}
	if !toConsumer.IsZero() {
		err = k.bankKeeper.SendCoinsFromModuleToModule(ctx, authtypes.FeeCollectorName, types.ConsumerRedistributeName, toConsumer)
		if err != nil {
			return errorsmod.Wrap(err, "paying the consumer's share")
		}
	}
	if !toProvider.IsZero() {
		err = k.bankKeeper.SendCoinsFromModuleToModule(ctx, authtypes.FeeCollectorName, types.ConsumerToSendToProviderName, toProvider)
		if err != nil {
			return errorsmod.Wrap(err, "setting aside the provider's share")
		}
	}
	return nil
}

// splitCoins returns fraction × coins, truncated per denom, and the rest.
func splitCoins(coins sdk.Coins, fraction string) (toConsumer, toProvider sdk.Coins, err error) {
	frac, err := math.LegacyNewDecFromStr(fraction)
	if err != nil {
		return nil, nil, errorsmod.Wrapf(types.ErrInvalidRedistributionFraction, "%q: %s", fraction, err)
	}
	if frac.IsNegative() || frac.GT(math.LegacyOneDec()) {
		return nil, nil, errorsmod.Wrapf(types.ErrInvalidRedistributionFraction, "%s is not in [0, 1]", fraction)
	}
	toConsumer = sdk.NewCoins()
	for _, c := range coins {
		toConsumer = toConsumer.Add(sdk.NewCoin(c.Denom, frac.MulInt(c.Amount).TruncateInt()))
	}
	return toConsumer, coins.Sub(toConsumer...), nil
}

// TransmissionDue tells whether blocks_per_distribution_transmission blocks
// have passed since the last transmission.
func (k *Keeper) TransmissionDue(ctx sdk.Context, params ccvtypes.ConsumerParams) (bool, error) {
	last, _, err := getOptional(ctx, k.LastTransmissionBlockHeight)
	if err != nil {
		return false, err
	}
	return ctx.BlockHeight()-last >= params.BlocksPerDistributionTransmission, nil
}

// SendRewardsToProvider sends the whole balance of every allowed denom in
// cons_to_send_to_provider to the provider's fee pool, if the distribution
// channel is open. Each denom is sent in its own cached context: one that
// fails stays in the account for the next round. Denoms that are not
// allowed are never sent.
func (k *Keeper) SendRewardsToProvider(ctx sdk.Context, params ccvtypes.ConsumerParams) {
	channelID := params.DistributionTransmissionChannel
	if !k.distributionChannelOpen(ctx, channelID) {
		k.Logger(ctx).Info("distribution channel not open; rewards wait for the next round", "channel", channelID)
		return
	}
	if params.ProviderFeePoolAddrStr == "" {
		k.Logger(ctx).Error("provider fee pool address unknown; rewards wait for the next round")
		return
	}
	memo, err := types.RewardMemo(params.ConsumerId, ctx.ChainID())
	if err != nil {
		k.Logger(ctx).Error("building the reward memo failed", "error", err)
		return
	}
	pool := k.accountKeeper.GetModuleAddress(types.ConsumerToSendToProviderName)
	sender, err := k.accountKeeper.AddressCodec().BytesToString(pool)
	if err != nil {
		k.Logger(ctx).Error("encoding the reward sender address failed", "error", err)
		return
	}
	total := k.bankKeeper.GetAllBalances(ctx, pool)
	timeout := uint64(ctx.BlockTime().Add(params.TransferTimeoutPeriod).UnixNano())
	sent := sdk.NewCoins()
	for _, denom := range AllowedRewardDenoms(params) {
		coin := k.bankKeeper.GetBalance(ctx, pool, denom)
		if !coin.IsPositive() {
			continue
		}
		msg := transfertypes.NewMsgTransfer(transfertypes.PortID, channelID, coin, sender,
			params.ProviderFeePoolAddrStr, clienttypes.ZeroHeight(), timeout, memo)
		err := k.runCached(ctx, func(c sdk.Context) error {
			_, err := k.transferKeeper.Transfer(c, msg)
			return err
		})
		if err != nil {
			k.Logger(ctx).Error("reward transfer failed; the tokens wait for the next round",
				"amount", coin, "channel", channelID, "error", err)
			emitEvent(ctx, EventFeeTransferFailed{ChannelID: channelID, Amount: coin, Err: err})
			continue
		}
		sent = sent.Add(coin)
	}
	emitEvent(ctx, EventFeeDistribution{
		CurrentHeight: ctx.BlockHeight(),
		NextHeight:    ctx.BlockHeight() + params.BlocksPerDistributionTransmission,
		Fraction:      params.ConsumerRedistributionFraction,
		Total:         total,
		Sent:          sent,
		ChannelID:     channelID,
		Memo:          memo,
	})
}

// distributionChannelOpen tells whether the transfer channel exists and is
// OPEN.
func (k *Keeper) distributionChannelOpen(ctx sdk.Context, channelID string) bool {
	if channelID == "" {
		return false
	}
	ch, found := k.channelKeeper.GetChannel(ctx, transfertypes.PortID, channelID)
	return found && ch.State == channeltypes.OPEN
}

// AllowedRewardDenoms lists the denoms sent to the provider, in order: the
// consumer's native reward_denoms, then the vouchers of the provider's
// provider_reward_denoms as they arrived over the distribution channel.
func AllowedRewardDenoms(params ccvtypes.ConsumerParams) []string {
	denoms := append([]string{}, params.RewardDenoms...)
	for _, base := range params.ProviderRewardDenoms {
		hop := transfertypes.NewHop(transfertypes.PortID, params.DistributionTransmissionChannel)
		denoms = append(denoms, transfertypes.NewDenom(base, hop).IBCDenom())
	}
	return denoms
}
