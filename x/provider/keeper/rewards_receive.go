package keeper

import (
	"bytes"
	"encoding/json"
	"fmt"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// How a reward transfer was tied to its consumer.
const (
	AttributionMemo   = "memo"
	AttributionClient = "client"
)

// RewardMemo is the "provider" object consumers put in the memo of their
// reward transfers (x/consumer/types/reward_memo.go writes it).
type RewardMemo struct {
	ConsumerID string `json:"consumerId"`
	ChainID    string `json:"chainId"`
	Memo       string `json:"memo"`
}

// ParseRewardMemo reads a transfer memo. ok is false when the memo is not a
// reward memo: empty, not a JSON object, without a "provider" object, or
// without a consumer id. It never fails otherwise.
func ParseRewardMemo(memo string) (RewardMemo, bool) {
	var wrapper struct {
		Provider *RewardMemo `json:"provider"`
	}
	if err := json.Unmarshal([]byte(memo), &wrapper); err != nil || wrapper.Provider == nil {
		return RewardMemo{}, false
	}
	if wrapper.Provider.ConsumerID == "" {
		return RewardMemo{}, false
	}
	return *wrapper.Provider, true
}

// RewardsPoolAddress is the account consumers send their rewards to.
func RewardsPoolAddress() sdk.AccAddress {
	return authtypes.NewModuleAddress(ccv.ConsumerRewardsPool)
}

// IsRewardsPool reports whether an ICS-20 receiver is the rewards pool.
func (k *Keeper) IsRewardsPool(receiver string) bool {
	bz, err := k.accountKeeper.AddressCodec().StringToBytes(receiver)
	return err == nil && bytes.Equal(bz, RewardsPoolAddress())
}

// OnRewardsReceived books a received ICS-20 transfer to the rewards pool
// under the consumer it came from. The tokens are already in the pool; this
// never fails the transfer: if the consumer cannot be told, or booking
// fails, the transfer stays received and an event says why.
func (k *Keeper) OnRewardsReceived(ctx sdk.Context, packet channeltypes.Packet, data transfertypes.InternalTransferRepresentation) {
	amount, ok := math.NewIntFromString(data.Token.Amount)
	denom := ProviderDenom(data.Token.Denom, packet)
	if !ok || !amount.IsPositive() {
		emitEvent(ctx, EventRewardsUnattributed{Denom: denom, Amount: data.Token.Amount, DestChannel: packet.DestinationChannel, Reason: "invalid amount"})
		return
	}
	consumerID, attribution, err := k.attributeRewards(ctx, data.Memo, packet.DestinationPort, packet.DestinationChannel)
	if err != nil {
		k.Logger(ctx).Info("consumer rewards received without a consumer", "denom", denom, "amount", amount, "reason", err)
		emitEvent(ctx, EventRewardsUnattributed{Denom: denom, Amount: amount.String(), DestChannel: packet.DestinationChannel, Reason: err.Error()})
		return
	}
	// Booking writes several entries: all or none.
	cacheCtx, write := ctx.CacheContext()
	if err := k.addConsumerRewards(cacheCtx, consumerID, denom, amount); err != nil {
		k.Logger(ctx).Error("cannot book consumer rewards", "consumer_id", consumerID, "denom", denom, "amount", amount, "error", err)
		emitEvent(ctx, EventRewardsUnattributed{Denom: denom, Amount: amount.String(), DestChannel: packet.DestinationChannel, Reason: err.Error()})
		return
	}
	write()
	emitEvent(ctx, EventRewardsReceived{ConsumerID: consumerID, Denom: denom, Amount: amount, Attribution: attribution, DestChannel: packet.DestinationChannel})
}

// addConsumerRewards adds an amount to the consumer's allocation record and
// to the reward record.
func (k *Keeper) addConsumerRewards(ctx sdk.Context, consumerID, denom string, amount math.Int) error {
	alloc, err := getOptional(ctx, k.ConsumerRewardsAllocation, consumerID)
	if err != nil {
		return err
	}
	alloc.Rewards = alloc.Rewards.Add(sdk.NewDecCoinFromDec(denom, math.LegacyNewDecFromInt(amount)))
	if err := k.ConsumerRewardsAllocation.Set(ctx, consumerID, alloc); err != nil {
		return err
	}
	received := exttypes.ZeroConsumerRewardAmounts()
	received.Received = amount
	return k.recordConsumerRewards(ctx, consumerID, denom, received)
}

// attributeRewards finds the consumer a reward transfer comes from: the
// consumer the memo names, else (consumers that predate the memo) the
// consumer whose client the transfer channel runs on.
func (k *Keeper) attributeRewards(ctx sdk.Context, memo, port, channel string) (string, string, error) {
	if m, ok := ParseRewardMemo(memo); ok {
		memoErr := k.checkRewardMemo(ctx, m)
		if memoErr == nil {
			return m.ConsumerID, AttributionMemo, nil
		}
		id, err := k.consumerOfTransferChannel(ctx, port, channel)
		if err != nil {
			return "", "", fmt.Errorf("%w; and %w", memoErr, err)
		}
		return id, AttributionClient, nil
	}
	id, err := k.consumerOfTransferChannel(ctx, port, channel)
	if err != nil {
		return "", "", err
	}
	return id, AttributionClient, nil
}

// checkRewardMemo accepts a memo that names an existing, not deleted
// consumer by its id and current chain id.
func (k *Keeper) checkRewardMemo(ctx sdk.Context, m RewardMemo) error {
	phase, err := k.consumerPhase(ctx, m.ConsumerID)
	if err != nil {
		return err
	}
	if phase == types.CONSUMER_PHASE_UNSPECIFIED || phase == types.CONSUMER_PHASE_DELETED {
		return errorsmod.Wrapf(types.ErrUnknownConsumerID, "memo names consumer %q", m.ConsumerID)
	}
	chainID, err := k.GetConsumerChainID(ctx, m.ConsumerID)
	if err != nil {
		return err
	}
	if chainID != m.ChainID {
		return errorsmod.Wrapf(types.ErrInvalidChainID, "memo names consumer %s with chain id %q, its chain id is %q",
			m.ConsumerID, m.ChainID, chainID)
	}
	return nil
}

// consumerOfTransferChannel returns the consumer whose client the channel's
// connection uses, if that consumer has a CCV channel.
func (k *Keeper) consumerOfTransferChannel(ctx sdk.Context, port, channel string) (string, error) {
	ch, ok := k.channelKeeper.GetChannel(ctx, port, channel)
	if !ok || len(ch.ConnectionHops) == 0 {
		return "", fmt.Errorf("no transfer channel %s/%s", port, channel)
	}
	conn, ok := k.connectionKeeper.GetConnection(ctx, ch.ConnectionHops[0])
	if !ok {
		return "", fmt.Errorf("no connection %s", ch.ConnectionHops[0])
	}
	id, err := k.ClientIDToConsumerID.Get(ctx, conn.ClientId)
	if err != nil {
		return "", errorsmod.Wrapf(types.ErrUnknownClientID, "transfer channel %s runs on client %s", channel, conn.ClientId)
	}
	if has, err := k.ConsumerChannelID.Has(ctx, id); err != nil || !has {
		return "", errorsmod.Wrapf(types.ErrConsumerChannelNotOpened, "consumer %s (client %s)", id, conn.ClientId)
	}
	return id, nil
}

// ProviderDenom is the denom a received ICS-20 token has on the provider,
// as the transfer module computes it: a token coming back loses the hop it
// gained when it left; any other gains this channel's hop.
func ProviderDenom(denom transfertypes.Denom, packet channeltypes.Packet) string {
	if denom.HasPrefix(packet.SourcePort, packet.SourceChannel) {
		return transfertypes.NewDenom(denom.Base, denom.Trace[1:]...).IBCDenom()
	}
	hops := append([]transfertypes.Hop{transfertypes.NewHop(packet.DestinationPort, packet.DestinationChannel)}, denom.Trace...)
	return transfertypes.NewDenom(denom.Base, hops...).IBCDenom()
}
