package relayer

import (
	"fmt"
	"time"

	"github.com/cosmos/gogoproto/proto"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	connectiontypes "github.com/cosmos/ibc-go/v11/modules/core/03-connection/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"
)

// fakeClientID is the one light client on each fake chain.
const fakeClientID = "07-tendermint-0"

type queryRoute func(data []byte) (proto.Message, outcome)

// fakeIBC is the state a fake node's queries read: the account, one
// active client of the counterparty and the connections on it. It is
// enough for a snapshot, and for the one handshake step without proofs
// (ConnOpenInit) to change it.
type fakeIBC struct {
	counterparty string
	connections  []connectiontypes.IdentifiedConnection
	routes       map[string]queryRoute
}

// route registers a query handler that gets its request decoded.
func route[Req any, P interface {
	*Req
	proto.Message
}](routes map[string]queryRoute, path string, f func(P) (proto.Message, outcome)) {
	routes[path] = func(data []byte) (proto.Message, outcome) {
		req := P(new(Req))
		if err := proto.Unmarshal(data, req); err != nil {
			return nil, outcome{code: sdkerrors.ErrInvalidRequest.ABCICode(), log: err.Error()}
		}
		return f(req)
	}
}

// newFakeIBC serves n's queries; handlers run with n.mu held.
func newFakeIBC(n *fakeNode) fakeIBC {
	ibc := fakeIBC{routes: map[string]queryRoute{}}
	r := ibc.routes
	route(r, "/cosmos.auth.v1beta1.Query/Account", func(req *authtypes.QueryAccountRequest) (proto.Message, outcome) {
		acc := &authtypes.BaseAccount{Address: req.Address, AccountNumber: n.accNum, Sequence: n.seq}
		return &authtypes.QueryAccountResponse{Account: mustAny(acc)}, outcome{}
	})
	route(r, "/cosmos.tx.v1beta1.Service/Simulate", func(req *txtypes.SimulateRequest) (proto.Message, outcome) {
		tx, err := n.cc.txConfig.TxDecoder()(req.TxBytes)
		if err != nil {
			return nil, outcome{code: sdkerrors.ErrTxDecode.ABCICode(), log: err.Error()}
		}
		seq, err := txSequence(tx)
		if err != nil {
			return nil, outcome{code: sdkerrors.ErrUnauthorized.ABCICode(), log: err.Error()}
		}
		// Simulation runs on the mempool's state, so it checks the
		// sequence as CheckTx does.
		if out := n.checkSequence(seq); out.code != 0 {
			return nil, out
		}
		return &txtypes.SimulateResponse{GasInfo: &sdk.GasInfo{GasUsed: n.simGas}}, outcome{}
	})
	route(r, "/ibc.core.client.v1.Query/ClientState", func(req *clienttypes.QueryClientStateRequest) (proto.Message, outcome) {
		cs := &ibctm.ClientState{
			ChainId: n.ibc.counterparty, TrustingPeriod: 14 * 24 * time.Hour,
			LatestHeight: clienttypes.NewHeight(1, 5),
		}
		return &clienttypes.QueryClientStateResponse{ClientState: mustAny(cs)}, outcome{}
	})
	route(r, "/ibc.core.client.v1.Query/ClientStatus", func(*clienttypes.QueryClientStatusRequest) (proto.Message, outcome) {
		return &clienttypes.QueryClientStatusResponse{Status: ClientStatusActive}, outcome{}
	})
	route(r, "/ibc.core.client.v1.Query/ConsensusState", func(*clienttypes.QueryConsensusStateRequest) (proto.Message, outcome) {
		// Recent, so the planner sees no need to refresh the client.
		return &clienttypes.QueryConsensusStateResponse{ConsensusState: mustAny(&ibctm.ConsensusState{Timestamp: n.blockTime(n.height)})}, outcome{}
	})
	route(r, "/ibc.core.connection.v1.Query/ClientConnections", func(*connectiontypes.QueryClientConnectionsRequest) (proto.Message, outcome) {
		res := &connectiontypes.QueryClientConnectionsResponse{}
		for _, c := range n.ibc.connections {
			res.ConnectionPaths = append(res.ConnectionPaths, c.Id)
		}
		return res, outcome{}
	})
	route(r, "/ibc.core.connection.v1.Query/Connection", func(req *connectiontypes.QueryConnectionRequest) (proto.Message, outcome) {
		for _, c := range n.ibc.connections {
			if c.Id == req.ConnectionId {
				end := connectiontypes.ConnectionEnd{ClientId: c.ClientId, State: c.State, Counterparty: c.Counterparty}
				return &connectiontypes.QueryConnectionResponse{Connection: &end}, outcome{}
			}
		}
		return nil, outcome{code: 1, codespace: "ibc", log: "connection not found"}
	})
	route(r, "/ibc.core.channel.v1.Query/ConnectionChannels", func(*channeltypes.QueryConnectionChannelsRequest) (proto.Message, outcome) {
		return &channeltypes.QueryConnectionChannelsResponse{}, outcome{}
	})
	return ibc
}

// deliver applies a message that succeeded in a block.
func (ibc *fakeIBC) deliver(msg proto.Message) {
	if m, ok := msg.(*connectiontypes.MsgConnectionOpenInit); ok {
		ibc.connections = append(ibc.connections, connectiontypes.IdentifiedConnection{
			Id: fmt.Sprintf("connection-%d", len(ibc.connections)), ClientId: m.ClientId, State: connectiontypes.INIT,
			Counterparty: m.Counterparty,
		})
	}
}

func mustAny(m proto.Message) *codectypes.Any {
	a, err := codectypes.NewAnyWithValue(m)
	if err != nil {
		panic(err)
	}
	return a
}
