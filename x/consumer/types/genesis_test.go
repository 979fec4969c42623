package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	abci "github.com/cometbft/cometbft/abci/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

func TestGenesisValidate(t *testing.T) {
	valset := []abci.ValidatorUpdate{testutil.Validator(1, 10)}
	newChain := func() *types.GenesisState { return testutil.NewChainGenesis(valset...) }
	withConnection := func() *types.GenesisState {
		gs := newChain()
		gs.ConnectionId = testutil.ConnectionID
		gs.Provider.ClientState, gs.Provider.ConsensusState = nil, nil
		return gs
	}
	restart := func() *types.GenesisState {
		gs := newChain()
		gs.NewChain = false
		gs.ProviderClientId = testutil.ProviderClientID
		gs.ProviderChannelId = testutil.ChannelID
		gs.Provider.ClientState, gs.Provider.ConsensusState = nil, nil
		gs.HeightToValsetUpdateId = []types.HeightToValsetUpdateID{{Height: 10, ValsetUpdateId: 0}, {Height: 11, ValsetUpdateId: 3}}
		gs.OutstandingDowntimeSlashing = []types.OutstandingDowntime{{ValidatorConsensusAddress: "cosmosvalcons1tmemtuju2j2x6j5flsxsn5h3yes52s8j5r49m8"}}
		gs.PendingConsumerPackets.List = []ccvtypes.ConsumerPacketData{ccvtypes.NewSlashPacket(ccvtypes.NewSlashPacketData(
			abci.Validator{Address: testutil.ConsAddress(1), Power: 10}, 3, stakingtypes.Infraction_INFRACTION_DOWNTIME))}
		return gs
	}

	cases := []struct {
		name     string
		genesis  func() *types.GenesisState
		malleate func(gs *types.GenesisState)
		valid    bool
	}{
		{"default: disabled module", types.DefaultGenesisState, nil, true},
		{"disabled module skips all other checks", types.DefaultGenesisState, func(gs *types.GenesisState) { gs.ProviderClientId = "!" }, true},
		{"enabled with invalid params", newChain, func(gs *types.GenesisState) { gs.Params.CcvTimeoutPeriod = 0 }, false},

		{"new chain with provider client", newChain, nil, true},
		{"new chain without initial validators", newChain, func(gs *types.GenesisState) { gs.Provider.InitialValSet = nil }, false},
		{"new chain without client state", newChain, func(gs *types.GenesisState) { gs.Provider.ClientState = nil }, false},
		{"new chain without consensus state", newChain, func(gs *types.GenesisState) { gs.Provider.ConsensusState = nil }, false},
		{"new chain with invalid client state", newChain, func(gs *types.GenesisState) { gs.Provider.ClientState.ChainId = "" }, false},
		{"new chain with a provider client id", newChain, func(gs *types.GenesisState) { gs.ProviderClientId = testutil.ProviderClientID }, false},
		{"new chain with a channel id", newChain, func(gs *types.GenesisState) { gs.ProviderChannelId = testutil.ChannelID }, false},
		{"new chain with history", newChain, func(gs *types.GenesisState) {
			gs.HeightToValsetUpdateId = []types.HeightToValsetUpdateID{{Height: 1}}
		}, false},
		{"new chain with outstanding downtime", newChain, func(gs *types.GenesisState) {
			gs.OutstandingDowntimeSlashing = restart().OutstandingDowntimeSlashing
		}, false},
		{"new chain with pending packets", newChain, func(gs *types.GenesisState) {
			gs.PendingConsumerPackets = restart().PendingConsumerPackets
		}, false},

		{"new chain reusing a connection", withConnection, nil, true},
		{"changeover reusing a connection", withConnection, func(gs *types.GenesisState) { gs.PreCCV = true }, true},
		{"connection reuse with a client state", withConnection, func(gs *types.GenesisState) {
			gs.Provider.ClientState = testutil.ProviderClientState()
		}, false},
		{"connection reuse with an invalid connection id", withConnection, func(gs *types.GenesisState) { gs.ConnectionId = "conn" }, false},
		{"changeover without a connection", newChain, func(gs *types.GenesisState) { gs.PreCCV = true }, false},

		{"restart", restart, nil, true},
		{"restart before the channel is established", restart, func(gs *types.GenesisState) { gs.ProviderChannelId = "" }, true},
		{"restart without provider client id", restart, func(gs *types.GenesisState) { gs.ProviderClientId = "" }, false},
		{"restart with an invalid channel id", restart, func(gs *types.GenesisState) { gs.ProviderChannelId = "chan" }, false},
		{"restart with a client state", restart, func(gs *types.GenesisState) { gs.Provider.ClientState = testutil.ProviderClientState() }, false},
		{"restart with an empty validator set", restart, func(gs *types.GenesisState) { gs.Provider.InitialValSet = nil }, false},
		{"restart with a height mapped twice", restart, func(gs *types.GenesisState) {
			gs.HeightToValsetUpdateId = append(gs.HeightToValsetUpdateId, types.HeightToValsetUpdateID{Height: 11, ValsetUpdateId: 4})
		}, false},
		{"restart with a malformed downtime address", restart, func(gs *types.GenesisState) {
			gs.OutstandingDowntimeSlashing[0].ValidatorConsensusAddress = "nope"
		}, false},
		{"restart with an invalid pending packet", restart, func(gs *types.GenesisState) {
			gs.PendingConsumerPackets.List[0].Type = ccvtypes.UnspecifiedPacket
		}, false},
		{"restart with a negative transmission height", restart, func(gs *types.GenesisState) {
			gs.LastTransmissionBlockHeight.Height = -1
		}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs := tc.genesis()
			if tc.malleate != nil {
				tc.malleate(gs)
			}
			err := gs.Validate()
			if tc.valid {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ccvtypes.ErrInvalidGenesis)
		})
	}
}
