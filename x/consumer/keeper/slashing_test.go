package keeper_test

import (
	"encoding/base64"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	abci "github.com/cometbft/cometbft/abci/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/keeper"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

const (
	downtimeInfraction   = stakingtypes.Infraction_INFRACTION_DOWNTIME
	doubleSignInfraction = stakingtypes.Infraction_INFRACTION_DOUBLE_SIGN
)

// TestSlashRequests: what x/slashing and x/evidence reports become. The
// fixture received VSC 5 at the genesis height, so it is in force from the
// next height on.
func TestSlashRequests(t *testing.T) {
	const g = testutil.GenesisHeight
	cases := []struct {
		name        string
		prepare     func(t *testing.T, f *testutil.Fixture)
		report      func(t *testing.T, f *testutil.Fixture)
		wantQueue   []ccvtypes.ConsumerPacketData
		wantFlagged map[byte]bool
	}{
		{
			name:        "downtime queues a slash packet under the id in force at the infraction height",
			report:      func(t *testing.T, f *testutil.Fixture) { downtime(t, f, 1, g+1) },
			wantQueue:   []ccvtypes.ConsumerPacketData{slashPacketData(1, 5, downtimeInfraction)},
			wantFlagged: map[byte]bool{1: true, 2: false},
		},
		{
			name:        "an infraction before the VSC took effect names the genesis set",
			report:      func(t *testing.T, f *testutil.Fixture) { downtime(t, f, 1, g) },
			wantQueue:   []ccvtypes.ConsumerPacketData{slashPacketData(1, 0, downtimeInfraction)},
			wantFlagged: map[byte]bool{1: true},
		},
		{
			name:        "a negative distribution height (first blocks) names the genesis set",
			report:      func(t *testing.T, f *testutil.Fixture) { downtime(t, f, 1, -2) },
			wantQueue:   []ccvtypes.ConsumerPacketData{slashPacketData(1, 0, downtimeInfraction)},
			wantFlagged: map[byte]bool{1: true},
		},
		{
			name:        "an infraction long after the last entry names the last id",
			report:      func(t *testing.T, f *testutil.Fixture) { downtime(t, f, 1, g+10_000) },
			wantQueue:   []ccvtypes.ConsumerPacketData{slashPacketData(1, 5, downtimeInfraction)},
			wantFlagged: map[byte]bool{1: true},
		},
		{
			name: "a second downtime while the first is outstanding is not queued",
			report: func(t *testing.T, f *testutil.Fixture) {
				downtime(t, f, 1, g+1)
				downtime(t, f, 1, g+2)
			},
			wantQueue:   []ccvtypes.ConsumerPacketData{slashPacketData(1, 5, downtimeInfraction)},
			wantFlagged: map[byte]bool{1: true},
		},
		{
			name: "double signing is queued without a flag, even behind outstanding downtime",
			report: func(t *testing.T, f *testutil.Fixture) {
				downtime(t, f, 1, g+1)
				doubleSign(t, f, 1, g+1)
				doubleSign(t, f, 2, g)
			},
			wantQueue: []ccvtypes.ConsumerPacketData{
				slashPacketData(1, 5, downtimeInfraction),
				slashPacketData(1, 5, doubleSignInfraction),
				slashPacketData(2, 0, doubleSignInfraction),
			},
			wantFlagged: map[byte]bool{1: true, 2: false},
		},
		{
			name: "a slash without a reason is dropped",
			report: func(t *testing.T, f *testutil.Fixture) {
				_, err := f.Keeper.Slash(f.Ctx, testutil.ConsAddress(1), g+1, 10, sdkDec("0.1"))
				require.NoError(t, err)
			},
			wantFlagged: map[byte]bool{1: false},
		},
		{
			name: "a request the provider would refuse (zero power) is dropped, not flagged",
			report: func(t *testing.T, f *testutil.Fixture) {
				_, err := f.Keeper.SlashWithInfractionReason(f.Ctx, testutil.ConsAddress(1), g+1, 0, sdkDec("0.1"), downtimeInfraction)
				require.NoError(t, err)
			},
			wantFlagged: map[byte]bool{1: false},
		},
		{
			name: "an infraction older than the pruned history is dropped",
			prepare: func(t *testing.T, f *testutil.Fixture) {
				require.NoError(t, f.Keeper.HeightToValsetUpdateID.Remove(f.Ctx, g))
			},
			report:      func(t *testing.T, f *testutil.Fixture) { downtime(t, f, 1, g) },
			wantFlagged: map[byte]bool{1: false},
		},
		{
			name: "a disabled module queues nothing",
			prepare: func(t *testing.T, f *testutil.Fixture) {
				params := ccvtypes.DefaultConsumerParams()
				require.NoError(t, f.Keeper.Params.Set(f.Ctx, params))
			},
			report:      func(t *testing.T, f *testutil.Fixture) { downtime(t, f, 1, g+1) },
			wantFlagged: map[byte]bool{1: false},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := establishedFixture(t)
			packet, data := vscPacket(testutil.ChannelID, 5, nil)
			require.NoError(t, f.Keeper.OnRecvVSCPacket(f.Ctx, packet, data))
			if tc.prepare != nil {
				tc.prepare(t, f)
			}
			tc.report(t, f)
			want := tc.wantQueue
			if want == nil {
				want = []ccvtypes.ConsumerPacketData{}
			}
			require.Equal(t, want, pendingPackets(t, f))
			for seed, want := range tc.wantFlagged {
				require.Equal(t, want, flagged(t, f, seed), "outstanding downtime of validator %d", seed)
				jailed, err := f.Keeper.IsValidatorJailed(f.Ctx, testutil.ConsAddress(seed))
				require.NoError(t, err)
				require.Equal(t, want, jailed, "x/slashing sees validator %d as jailed exactly while flagged", seed)
			}
		})
	}
}

func doubleSign(t *testing.T, f *testutil.Fixture, seed byte, infractionHeight int64) {
	t.Helper()
	_, err := f.Keeper.SlashWithInfractionReason(f.Ctx, testutil.ConsAddress(seed), infractionHeight, int64(seed)*10,
		sdkDec("0.05"), doubleSignInfraction)
	require.NoError(t, err)
}

// TestSlashRequestEventAndWireForm: a request is announced with an event
// and goes on the wire in the V1 form every provider accepts.
func TestSlashRequestEventAndWireForm(t *testing.T) {
	f := establishedFixture(t)
	packet, data := vscPacket(testutil.ChannelID, 7, nil)
	require.NoError(t, f.Keeper.OnRecvVSCPacket(f.Ctx, packet, data))
	downtime(t, f, 1, testutil.GenesisHeight+1)
	require.True(t, hasEvent(f.Ctx, keeper.EventTypeConsumerSlashRequest, map[string]string{
		keeper.AttributeKeyValsetUpdateID:   "7",
		keeper.AttributeKeyInfractionType:   downtimeInfraction.String(),
		keeper.AttributeKeyInfractionHeight: fmt.Sprint(testutil.GenesisHeight + 1),
		"module":                            types.ModuleName,
	}))

	endBlock(t, f, t0)
	require.Len(t, f.ICS4.Sent, 1)
	want := fmt.Sprintf(`{"type":"CONSUMER_PACKET_TYPE_SLASH","slashPacketData":{"validator":{"address":%q,"power":"10"},`+
		`"valset_update_id":"7","infraction":"INFRACTION_TYPE_DOWNTIME"}}`,
		base64.StdEncoding.EncodeToString(testutil.ConsAddress(1)))
	require.Equal(t, want, string(f.ICS4.Sent[0].Data))
}

// TestDowntimeFlagLifecycle: one downtime request per validator until the
// provider's slash ack, carried by a later VSC packet, clears the flag.
func TestDowntimeFlagLifecycle(t *testing.T) {
	const g = testutil.GenesisHeight
	f := establishedFixture(t)
	downtime(t, f, 1, g)
	downtime(t, f, 1, g)
	require.Len(t, pendingPackets(t, f), 1)
	require.True(t, flagged(t, f, 1))

	// The provider handled it and acknowledges it in VSC 2.
	f.Ctx = f.Ctx.WithBlockHeight(g + 5)
	packet, data := vscPacket(testutil.ChannelID, 2, nil, providerSlashAck(t, 1))
	require.NoError(t, f.Keeper.OnRecvVSCPacket(f.Ctx, packet, data))
	require.False(t, flagged(t, f, 1))

	// A later downtime is a new request, under the new id.
	downtime(t, f, 1, g+6)
	require.Equal(t, []ccvtypes.ConsumerPacketData{
		slashPacketData(1, 0, downtimeInfraction),
		slashPacketData(1, 2, downtimeInfraction),
	}, pendingPackets(t, f))
	require.True(t, flagged(t, f, 1))
}

// TestNewValidatorsGetSigningInfo: every validator the provider adds, at
// genesis or later, is announced to x/slashing once.
func TestNewValidatorsGetSigningInfo(t *testing.T) {
	f := startedFixture(t, testutil.Validator(1, 10), testutil.Validator(2, 20))
	require.ElementsMatch(t, [][]byte{testutil.ConsAddress(1), testutil.ConsAddress(2)}, bondedAddrs(f))

	f.SlashingHooks.Bonded = nil
	packet, data := vscPacket(testutil.ChannelID, 1, []abci.ValidatorUpdate{
		testutil.Validator(3, 30), testutil.Validator(1, 15), testutil.Validator(2, 0),
	})
	require.NoError(t, f.Keeper.OnRecvVSCPacket(f.Ctx, packet, data))
	_, err := f.Keeper.EndBlock(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, [][]byte{testutil.ConsAddress(3)}, bondedAddrs(f), "only the newcomer; a power change is not a bonding")

	// A validator that comes back is bonded again; a hook failure is a
	// block failure, since x/slashing would fail on its first vote anyway.
	f.SlashingHooks.Err = errors.New("store")
	packet, data = vscPacket(testutil.ChannelID, 2, []abci.ValidatorUpdate{testutil.Validator(2, 20)})
	require.NoError(t, f.Keeper.OnRecvVSCPacket(f.Ctx, packet, data))
	_, err = f.Keeper.EndBlock(f.Ctx)
	require.ErrorContains(t, err, "store")
}

func bondedAddrs(f *testutil.Fixture) [][]byte {
	out := [][]byte{}
	for _, a := range f.SlashingHooks.Bonded {
		out = append(out, a.Bytes())
	}
	return out
}
