package relayer

import (
	"context"
	"fmt"
	"strings"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	connectiontypes "github.com/cosmos/ibc-go/v11/modules/core/03-connection/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	"github.com/cosmos/ibc-go/v11/modules/core/exported"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"
)

// pageLimit is the page size of every paginated query.
const pageLimit = 200

// readClient reads the light client clientID at height; an empty clientID
// means "the one active Tendermint client of counterpartyChainID".
func (c *Chain) readClient(ctx context.Context, height int64, clientID, counterpartyChainID string) (ClientView, error) {
	q := clienttypes.NewQueryClient(c.cctx)
	if clientID == "" {
		id, err := c.findClient(ctx, height, counterpartyChainID)
		if err != nil || id == "" {
			return ClientView{}, err
		}
		clientID = id
	}
	res, err := q.ClientState(at(ctx, height), &clienttypes.QueryClientStateRequest{ClientId: clientID})
	if err != nil {
		return ClientView{}, fmt.Errorf("%s: client %s: %w", c.id, clientID, err)
	}
	var cs exported.ClientState
	if err := c.codec.cdc.UnpackAny(res.ClientState, &cs); err != nil {
		return ClientView{}, fmt.Errorf("%s: client %s: %w", c.id, clientID, err)
	}
	tm, ok := cs.(*ibctm.ClientState)
	if !ok {
		return ClientView{}, fmt.Errorf("%s: client %s is a %s client, not 07-tendermint", c.id, clientID, cs.ClientType())
	}
	if tm.ChainId != counterpartyChainID {
		return ClientView{}, fmt.Errorf("%s: client %s tracks %s, not %s", c.id, clientID, tm.ChainId, counterpartyChainID)
	}
	st, err := q.ClientStatus(at(ctx, height), &clienttypes.QueryClientStatusRequest{ClientId: clientID})
	if err != nil {
		return ClientView{}, fmt.Errorf("%s: client %s status: %w", c.id, clientID, err)
	}
	latestTime, err := c.consensusTime(ctx, height, clientID, tm.LatestHeight)
	if err != nil {
		return ClientView{}, err
	}
	return ClientView{
		ID: clientID, Status: st.Status, LatestHeight: tm.LatestHeight.RevisionHeight,
		LatestTime: latestTime, TrustingPeriod: tm.TrustingPeriod,
	}, nil
}

func (c *Chain) consensusTime(ctx context.Context, height int64, clientID string, h clienttypes.Height) (time.Time, error) {
	res, err := clienttypes.NewQueryClient(c.cctx).ConsensusState(at(ctx, height), &clienttypes.QueryConsensusStateRequest{
		ClientId: clientID, RevisionNumber: h.RevisionNumber, RevisionHeight: h.RevisionHeight,
	})
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: consensus state %s@%s: %w", c.id, clientID, h, err)
	}
	var cs exported.ConsensusState
	if err := c.codec.cdc.UnpackAny(res.ConsensusState, &cs); err != nil {
		return time.Time{}, err
	}
	tm, ok := cs.(*ibctm.ConsensusState)
	if !ok {
		return time.Time{}, fmt.Errorf("%s: consensus state of %s is not 07-tendermint", c.id, clientID)
	}
	return tm.Timestamp, nil
}

// findClient returns the only active Tendermint client of chainID, "" if
// there is none, and an error if there are several (configure one).
func (c *Chain) findClient(ctx context.Context, height int64, chainID string) (string, error) {
	q := clienttypes.NewQueryClient(c.cctx)
	var found []string
	var key []byte
	for {
		res, err := q.ClientStates(at(ctx, height), &clienttypes.QueryClientStatesRequest{Pagination: &query.PageRequest{Key: key, Limit: pageLimit}})
		if err != nil {
			return "", fmt.Errorf("%s: client states: %w", c.id, err)
		}
		for _, ics := range res.ClientStates {
			var cs exported.ClientState
			if err := c.codec.cdc.UnpackAny(ics.ClientState, &cs); err != nil {
				continue
			}
			tm, ok := cs.(*ibctm.ClientState)
			if !ok || tm.ChainId != chainID {
				continue
			}
			st, err := q.ClientStatus(at(ctx, height), &clienttypes.QueryClientStatusRequest{ClientId: ics.ClientId})
			if err == nil && st.Status == ClientStatusActive {
				found = append(found, ics.ClientId)
			}
		}
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			break
		}
		key = res.Pagination.NextKey
	}
	if len(found) > 1 {
		return "", fmt.Errorf("%s has %d active clients of %s (%v): set the path's client explicitly", c.id, len(found), chainID, found)
	}
	if len(found) == 0 {
		return "", nil
	}
	return found[0], nil
}

// readConnections returns the connections built on clientID.
func (c *Chain) readConnections(ctx context.Context, height int64, clientID string) ([]ConnectionView, error) {
	q := connectiontypes.NewQueryClient(c.cctx)
	res, err := q.ClientConnections(at(ctx, height), &connectiontypes.QueryClientConnectionsRequest{ClientId: clientID})
	if isNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: connections of %s: %w", c.id, clientID, err)
	}
	var out []ConnectionView
	for _, id := range res.ConnectionPaths {
		cr, err := q.Connection(at(ctx, height), &connectiontypes.QueryConnectionRequest{ConnectionId: id})
		if err != nil {
			return nil, fmt.Errorf("%s: connection %s: %w", c.id, id, err)
		}
		conn := cr.Connection
		out = append(out, ConnectionView{
			ID: id, State: conn.State, ClientID: conn.ClientId,
			CounterpartyClientID: conn.Counterparty.ClientId, CounterpartyConnectionID: conn.Counterparty.ConnectionId,
		})
	}
	return out, nil
}

// readChannels returns the channels on the given connections.
func (c *Chain) readChannels(ctx context.Context, height int64, conns []ConnectionView) ([]ChannelView, error) {
	q := channeltypes.NewQueryClient(c.cctx)
	var out []ChannelView
	for _, conn := range conns {
		var key []byte
		for {
			res, err := q.ConnectionChannels(at(ctx, height), &channeltypes.QueryConnectionChannelsRequest{
				Connection: conn.ID, Pagination: &query.PageRequest{Key: key, Limit: pageLimit},
			})
			if err != nil {
				return nil, fmt.Errorf("%s: channels of %s: %w", c.id, conn.ID, err)
			}
			for _, ch := range res.Channels {
				if len(ch.ConnectionHops) != 1 {
					continue
				}
				out = append(out, ChannelView{
					PortID: ch.PortId, ChannelID: ch.ChannelId, State: ch.State, Ordering: ch.Ordering,
					Version: ch.Version, ConnectionID: ch.ConnectionHops[0],
					CounterpartyPortID: ch.Counterparty.PortId, CounterpartyChannelID: ch.Counterparty.ChannelId,
				})
			}
			if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
				break
			}
			key = res.Pagination.NextKey
		}
	}
	return out, nil
}

// isNotFound recognises a missing-entry answer, which ABCI queries report
// as text rather than as a gRPC NotFound code.
func isNotFound(err error) bool {
	return err != nil && (status.Code(err) == codes.NotFound || strings.Contains(err.Error(), "not found"))
}
