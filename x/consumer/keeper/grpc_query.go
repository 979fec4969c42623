package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

var _ types.QueryServer = Querier{}

// Querier answers the consumer's gRPC queries.
type Querier struct {
	*Keeper
}

// NewQuerier returns the consumer's query server.
func NewQuerier(k *Keeper) Querier {
	return Querier{Keeper: k}
}

// QueryParams returns the consumer parameters.
func (q Querier) QueryParams(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	params, err := q.GetConsumerParams(sdk.UnwrapSDKContext(ctx))
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: params}, nil
}

// QueryProviderInfo describes both ends of the established CCV link: the
// consumer's client, connection and channel, and the provider's.
func (q Querier) QueryProviderInfo(goCtx context.Context, _ *types.QueryProviderInfoRequest) (*types.QueryProviderInfoResponse, error) {
	ctx := sdk.UnwrapSDKContext(goCtx)
	clientID, found, err := q.ProviderClient(ctx)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, types.ErrProviderClientNotSet
	}
	channelID, found, err := q.ProviderChannel(ctx)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, types.ErrChannelNotEstablished
	}
	channel, found := q.channelKeeper.GetChannel(ctx, ccvtypes.ConsumerPortID, channelID)
	if !found || len(channel.ConnectionHops) != 1 {
		return nil, errorsmod.Wrapf(ccvtypes.ErrChannelNotFound, "CCV channel %s", channelID)
	}
	connectionID := channel.ConnectionHops[0]
	connection, found := q.connectionKeeper.GetConnection(ctx, connectionID)
	if !found {
		return nil, errorsmod.Wrapf(ccvtypes.ErrConnectionNotFound, "connection %s", connectionID)
	}
	clientState, found := q.clientKeeper.GetClientState(ctx, clientID)
	if !found {
		return nil, errorsmod.Wrapf(ccvtypes.ErrClientNotFound, "client %s", clientID)
	}
	tmClient, ok := clientState.(*ibctm.ClientState)
	if !ok {
		return nil, errorsmod.Wrapf(ccvtypes.ErrClientNotFound, "client %s is not a Tendermint client", clientID)
	}
	return &types.QueryProviderInfoResponse{
		Consumer: types.ChainInfo{
			ChainID:      ctx.ChainID(),
			ClientID:     clientID,
			ConnectionID: connectionID,
			ChannelID:    channelID,
		},
		Provider: types.ChainInfo{
			ChainID:      tmClient.ChainId,
			ClientID:     connection.Counterparty.ClientId,
			ConnectionID: connection.Counterparty.ConnectionId,
			ChannelID:    channel.Counterparty.ChannelId,
		},
	}, nil
}
