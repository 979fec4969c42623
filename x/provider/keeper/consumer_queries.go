package keeper

import (
	"context"
	"errors"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// QueryConsumerGenesis returns the genesis the provider generated at launch.
func (q queryServer) QueryConsumerGenesis(goCtx context.Context, req *types.QueryConsumerGenesisRequest) (*types.QueryConsumerGenesisResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	if _, err := q.requireConsumerID(ctx, req.ConsumerId); err != nil {
		return nil, err
	}
	genesis, err := q.ConsumerGenesis.Get(ctx, req.ConsumerId)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, status.Errorf(codes.NotFound, "consumer %s has no genesis: it has not launched, or has been deleted", req.ConsumerId)
	}
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryConsumerGenesisResponse{GenesisState: genesis}, nil
}

// QueryConsumerChains lists consumers, all of them or those in one phase.
func (q queryServer) QueryConsumerChains(goCtx context.Context, req *types.QueryConsumerChainsRequest) (*types.QueryConsumerChainsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	chains, page, err := query.CollectionFilteredPaginate(ctx, q.ConsumerPhase, req.Pagination,
		func(_ string, phase int32) (bool, error) {
			return req.Phase == types.CONSUMER_PHASE_UNSPECIFIED || types.ConsumerPhase(phase) == req.Phase, nil
		},
		func(consumerID string, _ int32) (*types.Chain, error) {
			return q.chainSummary(ctx, consumerID)
		})
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryConsumerChainsResponse{Chains: chains, Pagination: page}, nil
}

func (q queryServer) chainSummary(ctx sdk.Context, consumerID string) (*types.Chain, error) {
	info, err := q.consumerInfo(ctx, consumerID)
	if err != nil {
		return nil, err
	}
	ps := info.PowerShapingParams
	minPower, err := q.minPowerForListing(ctx, consumerID, ps.Top_N)
	if err != nil {
		return nil, err
	}
	return &types.Chain{
		ChainId:                 info.ChainId,
		ClientId:                info.ClientId,
		Top_N:                   ps.Top_N,
		MinPowerInTop_N:         minPower,
		ValidatorsPowerCap:      ps.ValidatorsPowerCap,
		ValidatorSetCap:         ps.ValidatorSetCap,
		Allowlist:               ps.Allowlist,
		Denylist:                ps.Denylist,
		Phase:                   info.Phase,
		Metadata:                info.Metadata,
		MinStake:                ps.MinStake,
		AllowInactiveVals:       ps.AllowInactiveVals,
		ConsumerId:              consumerID,
		AllowlistedRewardDenoms: info.rewardDenoms,
		Prioritylist:            ps.Prioritylist,
		InfractionParameters:    info.InfractionParameters,
	}, nil
}

// consumerView is QueryConsumerChainResponse plus what Chain needs besides.
type consumerView struct {
	types.QueryConsumerChainResponse
	rewardDenoms *types.AllowlistedRewardDenoms
}

func (q queryServer) consumerInfo(ctx sdk.Context, consumerID string) (consumerView, error) {
	var v consumerView
	var err error
	v.ConsumerId = consumerID
	phase, err := q.consumerPhase(ctx, consumerID)
	if err != nil {
		return v, err
	}
	v.Phase = phase.String()
	if v.ChainId, err = q.GetConsumerChainID(ctx, consumerID); err != nil {
		return v, err
	}
	if v.OwnerAddress, err = getOptional(ctx, q.ConsumerOwner, consumerID); err != nil {
		return v, err
	}
	if v.Metadata, err = getOptional(ctx, q.ConsumerMetadata, consumerID); err != nil {
		return v, err
	}
	if v.ClientId, err = getOptional(ctx, q.ConsumerClientID, consumerID); err != nil {
		return v, err
	}
	initParams, err := getOptional(ctx, q.ConsumerInitParams, consumerID)
	if err != nil {
		return v, err
	}
	powerShaping, err := getOptional(ctx, q.ConsumerPowerShapingParams, consumerID)
	if err != nil {
		return v, err
	}
	infraction, err := getOptional(ctx, q.ConsumerInfractionParams, consumerID)
	if err != nil {
		return v, err
	}
	denoms, err := getOptional(ctx, q.ConsumerRewardDenoms, consumerID)
	if err != nil {
		return v, err
	}
	v.InitParams, v.PowerShapingParams, v.InfractionParameters, v.rewardDenoms = &initParams, &powerShaping, &infraction, &denoms
	return v, nil
}

// QueryConsumerChain returns everything known about one consumer.
func (q queryServer) QueryConsumerChain(goCtx context.Context, req *types.QueryConsumerChainRequest) (*types.QueryConsumerChainResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	if _, err := q.requireConsumerID(ctx, req.ConsumerId); err != nil {
		return nil, err
	}
	info, err := q.consumerInfo(ctx, req.ConsumerId)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &info.QueryConsumerChainResponse, nil
}

// QueryConsumerIdFromClientId returns the consumer a client belongs to.
func (q queryServer) QueryConsumerIdFromClientId(goCtx context.Context, req *types.QueryConsumerIdFromClientIdRequest) (*types.QueryConsumerIdFromClientIdResponse, error) {
	if req == nil || req.ClientId == "" {
		return nil, status.Error(codes.InvalidArgument, "client id is required")
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	consumerID, err := q.ClientIDToConsumerID.Get(ctx, req.ClientId)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, status.Errorf(codes.NotFound, "client %s belongs to no consumer", req.ClientId)
	}
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryConsumerIdFromClientIdResponse{ConsumerId: consumerID}, nil
}

// QueryConsumerGenesisTime returns the timestamp of the consumer client's
// consensus state at the consumer's initial height.
func (q queryServer) QueryConsumerGenesisTime(goCtx context.Context, req *types.QueryConsumerGenesisTimeRequest) (*types.QueryConsumerGenesisTimeResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	if _, err := q.requireConsumerID(ctx, req.ConsumerId); err != nil {
		return nil, err
	}
	clientID, err := q.ConsumerClientID.Get(ctx, req.ConsumerId)
	if err != nil {
		return nil, status.Errorf(codes.NotFound, "consumer %s has no client", req.ConsumerId)
	}
	initParams, err := q.ConsumerInitParams.Get(ctx, req.ConsumerId)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	cs, found := q.clientKeeper.GetClientConsensusState(ctx, clientID, initParams.InitialHeight)
	if !found {
		return nil, status.Errorf(codes.NotFound, "client %s has no consensus state at the initial height %s", clientID, initParams.InitialHeight)
	}
	// Consumer clients are 07-tendermint clients (see launch.go).
	tmConsensus, ok := cs.(*ibctm.ConsensusState)
	if !ok {
		return nil, status.Errorf(codes.Internal, "client %s has a %T consensus state, not a Tendermint one", clientID, cs)
	}
	return &types.QueryConsumerGenesisTimeResponse{GenesisTime: tmConsensus.Timestamp.UTC()}, nil
}
