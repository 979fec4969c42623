package keeper

import (
	"context"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// QueryValidatorConsumerAddr returns the address a validator uses on a consumer.
func (q queryServer) QueryValidatorConsumerAddr(goCtx context.Context, req *types.QueryValidatorConsumerAddrRequest) (*types.QueryValidatorConsumerAddrResponse, error) {
	return nil, errNotYet("QueryValidatorConsumerAddr")
}

// QueryValidatorProviderAddr returns the provider address behind a consumer address.
func (q queryServer) QueryValidatorProviderAddr(goCtx context.Context, req *types.QueryValidatorProviderAddrRequest) (*types.QueryValidatorProviderAddrResponse, error) {
	return nil, errNotYet("QueryValidatorProviderAddr")
}

// QueryAllPairsValConsAddrByConsumer returns every validator's address pair on a consumer.
func (q queryServer) QueryAllPairsValConsAddrByConsumer(goCtx context.Context, req *types.QueryAllPairsValConsAddrByConsumerRequest) (*types.QueryAllPairsValConsAddrByConsumerResponse, error) {
	return nil, errNotYet("QueryAllPairsValConsAddrByConsumer")
}

// QueryValidatorConsumerCommissionRate returns a validator's commission on a consumer.
func (q queryServer) QueryValidatorConsumerCommissionRate(goCtx context.Context, req *types.QueryValidatorConsumerCommissionRateRequest) (*types.QueryValidatorConsumerCommissionRateResponse, error) {
	return nil, errNotYet("QueryValidatorConsumerCommissionRate")
}
