package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	"github.com/cosmos/cosmos-sdk/baseapp"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdktestutil "github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	evidencekeeper "github.com/cosmos/cosmos-sdk/x/evidence/keeper"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	"github.com/cosmos/cosmos-sdk/x/slashing"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/keeper"
	"github.com/rampart-ics/rampart/x/consumer/testutil"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

// sdkChain is the consumer keeper wired to the SDK's own x/slashing and
// x/evidence, as the consumer app wires them, on one store.
type sdkChain struct {
	ctx      sdk.Context
	consumer *keeper.Keeper
	slashing slashingkeeper.Keeper
	evidence *evidencekeeper.Keeper
	ics4     *testutil.FakeICS4Wrapper
}

const signedBlocksWindow = 10

func newSDKChain(t *testing.T) *sdkChain {
	t.Helper()
	keys := storetypes.NewKVStoreKeys(types.StoreKey, slashingtypes.StoreKey, evidencetypes.StoreKey)
	enc := moduletestutil.MakeTestEncodingConfig()
	types.RegisterInterfaces(enc.InterfaceRegistry)
	evidencetypes.RegisterInterfaces(enc.InterfaceRegistry)
	ctrl := gomock.NewController(t)
	clients := testutil.NewMockClientKeeper(ctrl)
	clients.EXPECT().CreateClient(gomock.Any(), gomock.Any(), gomock.Any(), gomock.Any()).Return(testutil.ProviderClientID, nil)
	channels := &testutil.FakeChannelKeeper{}
	authority := authtypes.NewModuleAddress("gov").String()

	c := &sdkChain{ics4: &testutil.FakeICS4Wrapper{}}
	c.ctx = sdktestutil.DefaultContextWithKeys(keys, nil, nil).
		WithBlockHeight(testutil.GenesisHeight).WithBlockTime(t0).WithChainID(testutil.ConsumerChainID)
	c.consumer = keeper.NewKeeper(enc.Codec, runtime.NewKVStoreService(keys[types.StoreKey]),
		addresscodec.NewBech32Codec("cosmosvalcons"), clients, testutil.NewMockConnectionKeeper(ctrl), channels,
		testutil.NewMockChannelOpenInitiator(ctrl), testutil.NewFakeBank(), testutil.FakeAccounts{},
		&testutil.FakeTransfer{}, authority)
	c.consumer.SetICS4Wrapper(c.ics4)
	c.slashing = slashingkeeper.NewKeeper(enc.Codec, enc.Amino, runtime.NewKVStoreService(keys[slashingtypes.StoreKey]),
		c.consumer, authority)
	c.consumer.SetSlashingHooks(c.slashing.Hooks())
	c.evidence = evidencekeeper.NewKeeper(enc.Codec, runtime.NewKVStoreService(keys[evidencetypes.StoreKey]),
		c.consumer, c.slashing, addresscodec.NewBech32Codec("cosmos"), runtime.ProvideCometInfoService())

	// Genesis in the app's order: the consumer, then x/slashing.
	_, err := c.consumer.InitGenesis(c.ctx, testutil.NewChainGenesis(testutil.Validator(1, 10), testutil.Validator(2, 20)))
	require.NoError(t, err)
	params := slashingtypes.NewParams(signedBlocksWindow, sdkDec("0.5"), time.Hour, sdkDec("0.05"), sdkDec("0.01"))
	c.slashing.InitGenesis(c.ctx, c.consumer, slashingtypes.NewGenesisState(params, nil, nil))
	require.NoError(t, c.consumer.ProviderChannelID.Set(c.ctx, testutil.ChannelID))
	c.recvVSC(t, 3)
	return c
}

func (c *sdkChain) recvVSC(t *testing.T, id uint64, slashAcks ...string) {
	t.Helper()
	packet, data := vscPacket(testutil.ChannelID, id, nil, slashAcks...)
	require.NoError(t, c.consumer.OnRecvVSCPacket(c.ctx, packet, data))
}

// block runs a block in which validator 1 is absent and validator 2 signs.
func (c *sdkChain) block(t *testing.T) {
	t.Helper()
	c.ctx = c.ctx.WithBlockHeight(c.ctx.BlockHeight() + 1).WithBlockTime(c.ctx.BlockTime().Add(time.Second))
	votes := []abci.VoteInfo{
		{Validator: abci.Validator{Address: testutil.ConsAddress(1), Power: 10}, BlockIdFlag: cmtproto.BlockIDFlagAbsent},
		{Validator: abci.Validator{Address: testutil.ConsAddress(2), Power: 20}, BlockIdFlag: cmtproto.BlockIDFlagCommit},
	}
	require.NoError(t, slashing.BeginBlocker(c.ctx.WithVoteInfos(votes), c.slashing))
	require.NoError(t, c.evidence.BeginBlocker(c.ctx))
	_, err := c.consumer.EndBlock(c.ctx)
	require.NoError(t, err)
}

func (c *sdkChain) queue(t *testing.T) []ccvtypes.ConsumerPacketData {
	t.Helper()
	packets, err := c.consumer.GetPendingPackets(c.ctx)
	require.NoError(t, err)
	return packets
}

// TestDowntimeThroughSDKSlashing: x/slashing's own downtime detection,
// running on the consumer keeper, yields one request per outstanding
// downtime, under the right valset update id.
func TestDowntimeThroughSDKSlashing(t *testing.T) {
	c := newSDKChain(t)
	for range 3 * signedBlocksWindow {
		c.block(t)
	}
	require.Equal(t, []ccvtypes.ConsumerPacketData{slashPacketData(1, 3, downtimeInfraction)}, c.queue(t),
		"one request for validator 1, none for validator 2, and no repeat while it is outstanding")
	require.Len(t, c.ics4.Sent, 1)
	info, err := c.slashing.GetValidatorSigningInfo(c.ctx, testutil.ConsAddress(1))
	require.NoError(t, err)
	require.Zero(t, info.MissedBlocksCounter, "x/slashing reset the window after the request")

	// The provider answers, then acknowledges the slash in VSC 4; validator
	// 1 is still absent, so a new request follows, under id 4.
	c.ctx = c.ctx.WithEventManager(sdk.NewEventManager())
	require.NoError(t, c.consumer.OnAcknowledgementPacket(c.ctx, sentAsPacket(c.ics4.Sent[0]),
		ccvtypes.NewResultAck(ccvtypes.SlashPacketHandledResult)))
	c.recvVSC(t, 4, providerSlashAck(t, 1))
	for range 3 * signedBlocksWindow {
		c.block(t)
	}
	require.Equal(t, []ccvtypes.ConsumerPacketData{slashPacketData(1, 4, downtimeInfraction)}, c.queue(t))
	require.Len(t, c.ics4.Sent, 2)
}

// TestDoubleSignThroughSDKEvidence: CometBFT's duplicate-vote evidence,
// handled by x/evidence on the consumer keeper, yields one double-sign
// request; evidence about an unknown validator is ignored without failing
// the block.
func TestDoubleSignThroughSDKEvidence(t *testing.T) {
	c := newSDKChain(t)
	for range 4 { // past the height from which VSC 3 is in force
		c.block(t)
	}
	evidence := func(seed byte) abci.Misbehavior {
		return abci.Misbehavior{
			Type: abci.MisbehaviorType_DUPLICATE_VOTE, Validator: abci.Validator{Address: testutil.ConsAddress(seed), Power: 20},
			Height: c.ctx.BlockHeight(), Time: c.ctx.BlockTime(), TotalVotingPower: 30,
		}
	}
	for range 2 { // the second time, the validator is tombstoned
		c.ctx = c.ctx.WithCometInfo(baseapp.NewBlockInfo([]abci.Misbehavior{evidence(2), evidence(9)}, nil, nil, abci.CommitInfo{}))
		c.block(t)
	}
	want := ccvtypes.NewSlashPacket(ccvtypes.NewSlashPacketData(
		abci.Validator{Address: testutil.ConsAddress(2), Power: 20}, 3, doubleSignInfraction))
	require.Equal(t, []ccvtypes.ConsumerPacketData{want}, c.queue(t))
	require.True(t, c.slashing.IsTombstoned(c.ctx, testutil.ConsAddress(2)))
}

// TestUnjailThroughSDKSlashing: were MsgUnjail to get past the ante
// handler, x/slashing would refuse it with the consumer's error.
func TestUnjailThroughSDKSlashing(t *testing.T) {
	c := newSDKChain(t)
	msg := &slashingtypes.MsgUnjail{ValidatorAddr: sdk.ValAddress(testutil.ConsAddress(1)).String()}
	_, err := slashingkeeper.NewMsgServerImpl(c.slashing).Unjail(c.ctx, msg)
	require.ErrorIs(t, err, types.ErrNotOnConsumer)
}
