package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// EventTypeOptOut is emitted when a validator opts out of a consumer.
const EventTypeOptOut = "opt_out"

// Attribute keys of opt-out events, as the incumbent names them.
const (
	attrProviderValidatorAddress = "provider_validator_address"
	attrSubmitterAddress         = "submitter_address"
)

func emitOptOut(ctx sdk.Context, consumerID, chainID, providerAddr, signer string) {
	emit(ctx, EventTypeOptOut,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeConsumerChainID, chainID),
		sdk.NewAttribute(attrProviderValidatorAddress, providerAddr),
		sdk.NewAttribute(attrSubmitterAddress, signer),
	)
}
