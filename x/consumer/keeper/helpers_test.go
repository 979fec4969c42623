package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	sdk "github.com/cosmos/cosmos-sdk/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	"github.com/cosmos/ibc-go/v11/modules/core/exported"

	abci "github.com/cometbft/cometbft/abci/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
)

// startedFixture returns a fixture whose genesis (a new chain with valset)
// has run.
func startedFixture(t *testing.T, valset ...abci.ValidatorUpdate) *testutil.Fixture {
	t.Helper()
	f := testutil.NewFixture(t)
	f.ClientKeeper.EXPECT().CreateClient(gomock.Any(), exported.Tendermint, gomock.Any(), gomock.Any()).
		Return(testutil.ProviderClientID, nil)
	_, err := f.Keeper.InitGenesis(f.Ctx, testutil.NewChainGenesis(valset...))
	require.NoError(t, err)
	return f
}

// vscPacket wraps a VSC packet as it arrives on channelID.
func vscPacket(channelID string, vscID uint64, updates []abci.ValidatorUpdate, slashAcks ...string) (channeltypes.Packet, ccvtypes.ValidatorSetChangePacketData) {
	if updates == nil {
		updates = []abci.ValidatorUpdate{}
	}
	data := ccvtypes.NewValidatorSetChangePacketData(updates, vscID, slashAcks)
	packet := channeltypes.NewPacket(data.GetBytes(), vscID, ccvtypes.ProviderPortID, "channel-9",
		ccvtypes.ConsumerPortID, channelID, clienttypes.ZeroHeight(), 1)
	return packet, data
}

// validatorSet returns the stored set as consensus address -> power.
func validatorSet(t *testing.T, f *testutil.Fixture) map[string]int64 {
	t.Helper()
	updates, err := f.Keeper.GetValidatorUpdates(f.Ctx)
	require.NoError(t, err)
	set := map[string]int64{}
	for _, u := range updates {
		set[u.PubKey.String()] = u.Power
	}
	return set
}

// hasEvent tells whether ctx emitted an event of type typ carrying attrs.
func hasEvent(ctx sdk.Context, typ string, attrs map[string]string) bool {
	for _, e := range ctx.EventManager().Events() {
		if e.Type != typ {
			continue
		}
		matched := 0
		for _, a := range e.Attributes {
			if v, ok := attrs[a.Key]; ok && v == a.Value {
				matched++
			}
		}
		if matched == len(attrs) {
			return true
		}
	}
	return false
}
