package keeper

import (
	"strings"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Reward event types and attributes. distributed_ics_rewards and
// change_consumer_reward_denom keep the incumbent's names; the others are
// Rampart's, so that every reward is accounted for in events.
const (
	EventTypeChangeConsumerRewardDenom   = "change_consumer_reward_denom"
	EventTypeDistributedRewards          = "distributed_ics_rewards"
	EventTypeConsumerRewardsReceived     = "consumer_rewards_received"
	EventTypeConsumerRewardsUnattributed = "consumer_rewards_unattributed"
	EventTypeRewardsAllocationFailed     = "consumer_rewards_allocation_failed"

	AttributeAddConsumerRewardDenom    = "add_consumer_reward_denom"
	AttributeRemoveConsumerRewardDenom = "remove_consumer_reward_denom"
	AttributeDenom                     = "denom"
	AttributeAmount                    = "amount"
	AttributeValidatorsAmount          = "validators_amount"
	AttributeCommunityPoolAmount       = "community_pool_amount"
	AttributePendingAmount             = "pending_amount"
	AttributeAttribution               = "attribution"
	AttributeSourceChannel             = "source_channel"
	AttributeDestinationChannel        = "destination_channel"
)

func emitChangeRewardDenoms(ctx sdk.Context, added, removed []string) {
	emit(ctx, EventTypeChangeConsumerRewardDenom,
		sdk.NewAttribute(AttributeAddConsumerRewardDenom, strings.Join(added, ",")),
		sdk.NewAttribute(AttributeRemoveConsumerRewardDenom, strings.Join(removed, ",")),
	)
}

func emitRewardsReceived(ctx sdk.Context, consumerID, denom string, amount math.Int, attribution, destChannel string) {
	emit(ctx, EventTypeConsumerRewardsReceived,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeDenom, denom),
		sdk.NewAttribute(AttributeAmount, amount.String()),
		sdk.NewAttribute(AttributeAttribution, attribution),
		sdk.NewAttribute(AttributeDestinationChannel, destChannel),
	)
}

func emitRewardsUnattributed(ctx sdk.Context, denom, amount, destChannel, reason string) {
	emit(ctx, EventTypeConsumerRewardsUnattributed,
		sdk.NewAttribute(AttributeDenom, denom),
		sdk.NewAttribute(AttributeAmount, amount),
		sdk.NewAttribute(AttributeDestinationChannel, destChannel),
		sdk.NewAttribute(AttributeReason, reason),
	)
}

func emitDistributedRewards(ctx sdk.Context, consumerID, denom string, validators, communityPool math.Int, pending math.LegacyDec) {
	emit(ctx, EventTypeDistributedRewards,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeDenom, denom),
		sdk.NewAttribute(AttributeAmount, validators.Add(communityPool).String()),
		sdk.NewAttribute(AttributeValidatorsAmount, validators.String()),
		sdk.NewAttribute(AttributeCommunityPoolAmount, communityPool.String()),
		sdk.NewAttribute(AttributePendingAmount, pending.String()),
	)
}

func emitRewardsAllocationFailed(ctx sdk.Context, consumerID, denom string, err error) {
	emit(ctx, EventTypeRewardsAllocationFailed,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeDenom, denom),
		sdk.NewAttribute(AttributeReason, err.Error()),
	)
}
