package keeper

import (
	"context"
	"errors"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// QueryValidatorConsumerAddr returns the consensus address a validator uses
// on a consumer; empty if it assigned no key there (it then signs with its
// provider key).
func (q queryServer) QueryValidatorConsumerAddr(goCtx context.Context, req *types.QueryValidatorConsumerAddrRequest) (*types.QueryValidatorConsumerAddrResponse, error) {
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
	key, has, err := q.GetValidatorConsumerKey(ctx, req.ConsumerId, providerAddr)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	if !has {
		return &types.QueryValidatorConsumerAddrResponse{}, nil
	}
	consumerAddr, err := q.consumerKeyBech32(key)
	if err != nil {
		return nil, err
	}
	return &types.QueryValidatorConsumerAddrResponse{ConsumerAddress: consumerAddr}, nil
}

// QueryValidatorProviderAddr returns the provider address behind a consumer
// address, including recently replaced keys; empty if no validator assigned
// it.
func (q queryServer) QueryValidatorProviderAddr(goCtx context.Context, req *types.QueryValidatorProviderAddrRequest) (*types.QueryValidatorProviderAddrResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	if _, err := q.requireConsumerID(ctx, req.ConsumerId); err != nil {
		return nil, err
	}
	consumerAddr, err := q.parseConsAddr(req.ConsumerAddress, "consumer_address")
	if err != nil {
		return nil, err
	}
	providerAddr, err := q.ValidatorsByConsumerAddr.Get(ctx, collections.Join(req.ConsumerId, []byte(consumerAddr)))
	if errors.Is(err, collections.ErrNotFound) {
		return &types.QueryValidatorProviderAddrResponse{}, nil
	}
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	out, err := q.stakingKeeper.ConsensusAddressCodec().BytesToString(providerAddr)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryValidatorProviderAddrResponse{ProviderAddress: out}, nil
}

// QueryAllPairsValConsAddrByConsumer lists the validators that assigned a
// key on a consumer, with both addresses and the key.
func (q queryServer) QueryAllPairsValConsAddrByConsumer(goCtx context.Context, req *types.QueryAllPairsValConsAddrByConsumerRequest) (*types.QueryAllPairsValConsAddrByConsumerResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	if _, err := q.requireConsumerID(ctx, req.ConsumerId); err != nil {
		return nil, err
	}
	var pairs []*types.PairValConAddrProviderAndConsumer
	rng := collections.NewPrefixedPairRange[string, []byte](req.ConsumerId)
	err := q.ConsumerKeys.Walk(ctx, rng, func(key collections.Pair[string, []byte], pk cmtprotocrypto.PublicKey) (bool, error) {
		providerAddr, err := q.stakingKeeper.ConsensusAddressCodec().BytesToString(key.K2())
		if err != nil {
			return true, err
		}
		consumerAddr, err := q.consumerKeyBech32(pk)
		if err != nil {
			return true, err
		}
		pairs = append(pairs, &types.PairValConAddrProviderAndConsumer{
			ProviderAddress: providerAddr,
			ConsumerAddress: consumerAddr,
			ConsumerKey:     &pk,
		})
		return false, nil
	})
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryAllPairsValConsAddrByConsumerResponse{PairValConAddr: pairs}, nil
}

// parseConsAddr reads a bech32 consensus address from a request.
func (q queryServer) parseConsAddr(addr, field string) (sdk.ConsAddress, error) {
	if addr == "" {
		return nil, status.Errorf(codes.InvalidArgument, "%s is empty", field)
	}
	bz, err := q.stakingKeeper.ConsensusAddressCodec().StringToBytes(addr)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "%s %q: %s", field, addr, err)
	}
	return bz, nil
}

// consumerKeyBech32 returns a consumer key's bech32 consensus address.
func (q queryServer) consumerKeyBech32(key cmtprotocrypto.PublicKey) (string, error) {
	addr, err := types.ConsumerKeyAddr(key)
	if err != nil {
		return "", status.Error(codes.Internal, err.Error())
	}
	out, err := q.stakingKeeper.ConsensusAddressCodec().BytesToString(addr)
	if err != nil {
		return "", status.Error(codes.Internal, err.Error())
	}
	return out, nil
}
