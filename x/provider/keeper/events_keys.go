package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Events of key assignment, opt-in and commission, with the incumbent's
// names.
const (
	EventTypeAssignConsumerKey         = "assign_consumer_key"
	EventTypeOptIn                     = "opt_in"
	EventTypeSetConsumerCommissionRate = "set_consumer_commission_rate"

	AttributeProviderValidatorAddress = "provider_validator_address"
	AttributeConsumerConsensusPubKey  = "consumer_consensus_pub_key"
	AttributeConsumerCommissionRate   = "consumer_commission_rate"
)

func emitAssignConsumerKey(ctx sdk.Context, consumerID, chainID, valoper, consumerKey string) {
	emit(ctx, EventTypeAssignConsumerKey,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeConsumerChainID, chainID),
		sdk.NewAttribute(AttributeProviderValidatorAddress, valoper),
		sdk.NewAttribute(AttributeConsumerConsensusPubKey, consumerKey),
	)
}

func emitOptIn(ctx sdk.Context, consumerID, chainID, valoper, consumerKey string) {
	emit(ctx, EventTypeOptIn,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeConsumerChainID, chainID),
		sdk.NewAttribute(AttributeProviderValidatorAddress, valoper),
		sdk.NewAttribute(AttributeConsumerConsensusPubKey, consumerKey),
	)
}

func emitSetConsumerCommissionRate(ctx sdk.Context, consumerID, chainID, valoper, rate string) {
	emit(ctx, EventTypeSetConsumerCommissionRate,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeConsumerChainID, chainID),
		sdk.NewAttribute(AttributeProviderValidatorAddress, valoper),
		sdk.NewAttribute(AttributeConsumerCommissionRate, rate),
	)
}
