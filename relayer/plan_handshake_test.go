package relayer_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	connectiontypes "github.com/cosmos/ibc-go/v11/modules/core/03-connection/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	"github.com/rampart-ics/rampart/relayer"
)

// The fixture: A is the consumer at height 20 with a provider client at
// 30; B is the provider at height 50 with a consumer client at 10. Proofs
// from A verify at 21, proofs from B at 51.
const (
	clientOnA = "07-tendermint-0"
	clientOnB = "07-tendermint-3"
)

var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

func baseSnapshot() relayer.Snapshot {
	return relayer.Snapshot{
		A: relayer.ChainView{
			ChainID: "consumer-1", Revision: 1, Height: 20, Time: t0,
			Client: relayer.ClientView{ID: clientOnA, Status: "Active", LatestHeight: 30, LatestTime: t0, TrustingPeriod: time.Hour},
		},
		B: relayer.ChainView{
			ChainID: "provider-1", Revision: 1, Height: 50, Time: t0,
			Client: relayer.ClientView{ID: clientOnB, Status: "Active", LatestHeight: 10, LatestTime: t0, TrustingPeriod: time.Hour},
		},
	}
}

func conn(id string, state connectiontypes.State, client, cpClient, cpConn string) relayer.ConnectionView {
	return relayer.ConnectionView{ID: id, State: state, ClientID: client, CounterpartyClientID: cpClient, CounterpartyConnectionID: cpConn}
}

func openConnections(s *relayer.Snapshot) {
	s.A.Connections = []relayer.ConnectionView{conn("connection-0", connectiontypes.OPEN, clientOnA, clientOnB, "connection-4")}
	s.B.Connections = []relayer.ConnectionView{conn("connection-4", connectiontypes.OPEN, clientOnB, clientOnA, "connection-0")}
}

func channel(port, id string, state channeltypes.State, connID, cpPort, cpID, version string) relayer.ChannelView {
	return relayer.ChannelView{
		PortID: port, ChannelID: id, State: state, Ordering: channeltypes.ORDERED, Version: version,
		ConnectionID: connID, CounterpartyPortID: cpPort, CounterpartyChannelID: cpID,
	}
}

var (
	updateB = relayer.UpdateClient{ClientID: clientOnB, TrustedHeight: 10, TargetHeight: 21}
	updateA = relayer.UpdateClient{ClientID: clientOnA, TrustedHeight: 30, TargetHeight: 51}
	ccvOpts = relayer.Options{Open: []relayer.ChannelSpec{relayer.CCVChannel()}}
)

func TestPlanConnectionHandshake(t *testing.T) {
	tests := []struct {
		name  string
		conns func(s *relayer.Snapshot)
		want  []relayer.Tx
	}{
		{
			name:  "no connection: A inits, no client update for a message without proof",
			conns: func(*relayer.Snapshot) {},
			want: []relayer.Tx{{Side: relayer.SideA, Actions: []relayer.Action{
				relayer.ConnOpenInit{ClientID: clientOnA, CounterpartyClientID: clientOnB},
			}}},
		},
		{
			name: "A INIT: B tries, after updating its client to A's proof height",
			conns: func(s *relayer.Snapshot) {
				s.A.Connections = []relayer.ConnectionView{conn("connection-0", connectiontypes.INIT, clientOnA, clientOnB, "")}
			},
			want: []relayer.Tx{{Side: relayer.SideB, Actions: []relayer.Action{
				updateB,
				relayer.ConnOpenTry{ClientID: clientOnB, CounterpartyClientID: clientOnA, CounterpartyConnectionID: "connection-0"},
			}}},
		},
		{
			name: "B TRYOPEN: A acks",
			conns: func(s *relayer.Snapshot) {
				s.A.Connections = []relayer.ConnectionView{conn("connection-0", connectiontypes.INIT, clientOnA, clientOnB, "")}
				s.B.Connections = []relayer.ConnectionView{conn("connection-4", connectiontypes.TRYOPEN, clientOnB, clientOnA, "connection-0")}
			},
			want: []relayer.Tx{{Side: relayer.SideA, Actions: []relayer.Action{
				updateA,
				relayer.ConnOpenAck{ConnectionID: "connection-0", CounterpartyConnectionID: "connection-4"},
			}}},
		},
		{
			name: "A OPEN: B confirms",
			conns: func(s *relayer.Snapshot) {
				s.A.Connections = []relayer.ConnectionView{conn("connection-0", connectiontypes.OPEN, clientOnA, clientOnB, "connection-4")}
				s.B.Connections = []relayer.ConnectionView{conn("connection-4", connectiontypes.TRYOPEN, clientOnB, clientOnA, "connection-0")}
			},
			want: []relayer.Tx{{Side: relayer.SideB, Actions: []relayer.Action{
				updateB,
				relayer.ConnOpenConfirm{ConnectionID: "connection-4", CounterpartyConnectionID: "connection-0"},
			}}},
		},
		{
			name: "a handshake B started is finished from B's side",
			conns: func(s *relayer.Snapshot) {
				s.A.Connections = []relayer.ConnectionView{conn("connection-0", connectiontypes.TRYOPEN, clientOnA, clientOnB, "connection-4")}
				s.B.Connections = []relayer.ConnectionView{conn("connection-4", connectiontypes.INIT, clientOnB, clientOnA, "")}
			},
			want: []relayer.Tx{{Side: relayer.SideB, Actions: []relayer.Action{
				updateB,
				relayer.ConnOpenAck{ConnectionID: "connection-4", CounterpartyConnectionID: "connection-0"},
			}}},
		},
		{
			name: "a stale INIT does not hold back a more advanced handshake",
			conns: func(s *relayer.Snapshot) {
				s.A.Connections = []relayer.ConnectionView{
					conn("connection-0", connectiontypes.INIT, clientOnA, clientOnB, ""),
					conn("connection-1", connectiontypes.OPEN, clientOnA, clientOnB, "connection-4"),
				}
				s.B.Connections = []relayer.ConnectionView{conn("connection-4", connectiontypes.TRYOPEN, clientOnB, clientOnA, "connection-1")}
			},
			want: []relayer.Tx{{Side: relayer.SideB, Actions: []relayer.Action{
				updateB,
				relayer.ConnOpenConfirm{ConnectionID: "connection-4", CounterpartyConnectionID: "connection-1"},
			}}},
		},
		{
			name: "connections on other clients are not the path's",
			conns: func(s *relayer.Snapshot) {
				s.A.Connections = []relayer.ConnectionView{conn("connection-0", connectiontypes.INIT, "07-tendermint-9", clientOnB, "")}
			},
			want: []relayer.Tx{{Side: relayer.SideA, Actions: []relayer.Action{
				relayer.ConnOpenInit{ClientID: clientOnA, CounterpartyClientID: clientOnB},
			}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := baseSnapshot()
			tc.conns(&s)
			plan := relayer.MakePlan(s, ccvOpts)
			require.Equal(t, tc.want, plan.Txs)
		})
	}
}

func TestPlanChannelHandshake(t *testing.T) {
	const transferVersion = "ics20-1"
	metadata := "\n\x05pool1\x12\x011" // the provider's binary HandshakeMetadata
	tests := []struct {
		name     string
		channels func(s *relayer.Snapshot)
		want     []relayer.Tx
	}{
		{
			name:     "open connection, no CCV channel: the consumer inits it",
			channels: func(*relayer.Snapshot) {},
			want: []relayer.Tx{{Side: relayer.SideA, Actions: []relayer.Action{
				relayer.ChanOpenInit{
					PortID: "consumer", ConnectionID: "connection-0", CounterpartyPortID: "provider",
					Ordering: channeltypes.ORDERED, Version: "1",
				},
			}}},
		},
		{
			name: "consumer INIT: the provider tries with the consumer's version",
			channels: func(s *relayer.Snapshot) {
				s.A.Channels = []relayer.ChannelView{channel("consumer", "channel-0", channeltypes.INIT, "connection-0", "provider", "", "1")}
			},
			want: []relayer.Tx{{Side: relayer.SideB, Actions: []relayer.Action{
				updateB,
				relayer.ChanOpenTry{
					PortID: "provider", ConnectionID: "connection-4", Ordering: channeltypes.ORDERED,
					CounterpartyPortID: "consumer", CounterpartyChannelID: "channel-0", CounterpartyVersion: "1",
				},
			}}},
		},
		{
			name: "provider TRYOPEN: the consumer acks with the provider's metadata version",
			channels: func(s *relayer.Snapshot) {
				s.A.Channels = []relayer.ChannelView{channel("consumer", "channel-0", channeltypes.INIT, "connection-0", "provider", "", "1")}
				s.B.Channels = []relayer.ChannelView{channel("provider", "channel-7", channeltypes.TRYOPEN, "connection-4", "consumer", "channel-0", metadata)}
			},
			want: []relayer.Tx{{Side: relayer.SideA, Actions: []relayer.Action{
				updateA,
				relayer.ChanOpenAck{
					PortID: "consumer", ChannelID: "channel-0", CounterpartyPortID: "provider",
					CounterpartyChannelID: "channel-7", CounterpartyVersion: metadata,
				},
			}}},
		},
		{
			name: "consumer OPEN with a transfer INIT: provider confirms CCV and tries transfer in one tx",
			channels: func(s *relayer.Snapshot) {
				transfer := channel("transfer", "channel-1", channeltypes.INIT, "connection-0", "transfer", "", transferVersion)
				transfer.Ordering = channeltypes.UNORDERED
				s.A.Channels = []relayer.ChannelView{
					transfer,
					channel("consumer", "channel-0", channeltypes.OPEN, "connection-0", "provider", "channel-7", "1"),
				}
				s.B.Channels = []relayer.ChannelView{channel("provider", "channel-7", channeltypes.TRYOPEN, "connection-4", "consumer", "channel-0", metadata)}
			},
			want: []relayer.Tx{{Side: relayer.SideB, Actions: []relayer.Action{
				updateB,
				relayer.ChanOpenConfirm{PortID: "provider", ChannelID: "channel-7", CounterpartyPortID: "consumer", CounterpartyChannelID: "channel-0"},
				relayer.ChanOpenTry{
					PortID: "transfer", ConnectionID: "connection-4", Ordering: channeltypes.UNORDERED,
					CounterpartyPortID: "transfer", CounterpartyChannelID: "channel-1", CounterpartyVersion: transferVersion,
				},
			}}},
		},
		{
			name: "both ends OPEN: nothing to do",
			channels: func(s *relayer.Snapshot) {
				s.A.Channels = []relayer.ChannelView{channel("consumer", "channel-0", channeltypes.OPEN, "connection-0", "provider", "channel-7", "1")}
				s.B.Channels = []relayer.ChannelView{channel("provider", "channel-7", channeltypes.OPEN, "connection-4", "consumer", "channel-0", metadata)}
			},
			want: nil,
		},
		{
			name: "a closed CCV channel is not reopened",
			channels: func(s *relayer.Snapshot) {
				s.A.Channels = []relayer.ChannelView{channel("consumer", "channel-0", channeltypes.CLOSED, "connection-0", "provider", "channel-7", "1")}
				s.B.Channels = []relayer.ChannelView{channel("provider", "channel-7", channeltypes.CLOSED, "connection-4", "consumer", "channel-0", metadata)}
			},
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := baseSnapshot()
			openConnections(&s)
			tc.channels(&s)
			plan := relayer.MakePlan(s, ccvOpts)
			require.Equal(t, tc.want, plan.Txs)
		})
	}
}
