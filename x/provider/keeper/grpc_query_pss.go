package keeper

import (
	"context"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// QueryConsumerChainOptedInValidators returns the validators opted in to a consumer.
func (q queryServer) QueryConsumerChainOptedInValidators(goCtx context.Context, req *types.QueryConsumerChainOptedInValidatorsRequest) (*types.QueryConsumerChainOptedInValidatorsResponse, error) {
	return nil, errNotYet("QueryConsumerChainOptedInValidators")
}

// QueryConsumerChainsValidatorHasToValidate returns the consumers a validator secures.
func (q queryServer) QueryConsumerChainsValidatorHasToValidate(goCtx context.Context, req *types.QueryConsumerChainsValidatorHasToValidateRequest) (*types.QueryConsumerChainsValidatorHasToValidateResponse, error) {
	return nil, errNotYet("QueryConsumerChainsValidatorHasToValidate")
}
