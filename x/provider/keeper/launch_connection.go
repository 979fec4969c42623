package keeper

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	abci "github.com/cometbft/cometbft/abci/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// reuseConnection launches a standalone chain that becomes a consumer over
// an existing connection: the connection's client becomes the consumer
// client, and the genesis carries no provider client (preCCV).
func (k *Keeper) reuseConnection(ctx sdk.Context, consumerID, chainID string, initParams types.ConsumerInitializationParameters, initialVals []abci.ValidatorUpdate) (ccv.ConsumerGenesisState, error) {
	conn, found := k.connectionKeeper.GetConnection(ctx, initParams.ConnectionId)
	if !found {
		return ccv.ConsumerGenesisState{}, errorsmod.Wrapf(ccv.ErrConnectionNotFound, "connection %s", initParams.ConnectionId)
	}
	clientState, found := k.clientKeeper.GetClientState(ctx, conn.ClientId)
	if !found {
		return ccv.ConsumerGenesisState{}, errorsmod.Wrapf(ccv.ErrClientNotFound, "client %s of connection %s", conn.ClientId, initParams.ConnectionId)
	}
	tmClient, ok := clientState.(*ibctm.ClientState)
	if !ok {
		return ccv.ConsumerGenesisState{}, errorsmod.Wrapf(ccv.ErrInvalidConsumerClient, "client %s is a %s client, not Tendermint", conn.ClientId, clientState.ClientType())
	}
	if tmClient.ChainId != chainID {
		return ccv.ConsumerGenesisState{}, errorsmod.Wrapf(ccv.ErrInvalidConsumerClient, "client %s tracks chain %s, not %s", conn.ClientId, tmClient.ChainId, chainID)
	}
	if err := k.setConsumerClientID(ctx, consumerID, conn.ClientId); err != nil {
		return ccv.ConsumerGenesisState{}, err
	}
	latest := k.clientKeeper.GetClientLatestHeight(ctx, conn.ClientId)
	if err := k.EquivocationEvidenceMinHeight.Set(ctx, consumerID, latest.RevisionHeight); err != nil {
		return ccv.ConsumerGenesisState{}, err
	}
	return ccv.ConsumerGenesisState{
		Params:       consumerParams(consumerID, initParams),
		Provider:     ccv.ProviderInfo{InitialValSet: initialVals},
		NewChain:     true,
		PreCCV:       true,
		ConnectionId: conn.Counterparty.ConnectionId,
	}, nil
}
