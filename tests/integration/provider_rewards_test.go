package integration_test

import (
	"fmt"
	"testing"
	"time"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/baseapp"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	providerapp "github.com/rampart-ics/rampart/app/provider"
	"github.com/rampart-ics/rampart/testutil/ccvtesting"
	providerkeeper "github.com/rampart-ics/rampart/x/provider/keeper"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// providerRewardsNetwork is a network whose consumers each have an ICS-20 channel
// to the provider on their CCV connection.
type providerRewardsNetwork struct {
	*ccvtesting.Network
	transfer map[string]*ibctesting.Path // by consumer id
}

func newProviderRewardsNetwork(t *testing.T) *providerRewardsNetwork {
	t.Helper()
	rn := &providerRewardsNetwork{Network: newNetwork(t), transfer: map[string]*ibctesting.Path{}}
	pk := rn.providerKeeper()
	// Long epochs, so that no epoch end recomputes the consumer sets the
	// tests arrange below.
	ctx := rn.Provider.GetContext()
	params, err := pk.Params.Get(ctx)
	require.NoError(t, err)
	params.BlocksPerEpoch = 1000
	params.NumberOfEpochsToStartReceivingRewards = 1
	require.NoError(t, pk.Params.Set(ctx, params))
	for _, c := range rn.Consumers {
		rn.transfer[c.ID] = openTransferChannel(rn.Network, c)
	}
	return rn
}

// openTransferChannel opens a transfer channel, consumer side first, on
// the consumer's CCV connection.
func openTransferChannel(n *ccvtesting.Network, c *ccvtesting.Consumer) *ibctesting.Path {
	path := ibctesting.NewTransferPath(c.Chain, n.Provider)
	for _, pair := range [][2]*ibctesting.Endpoint{{path.EndpointA, c.Path.EndpointA}, {path.EndpointB, c.Path.EndpointB}} {
		pair[0].ClientID, pair[0].ConnectionID = pair[1].ClientID, pair[1].ConnectionID
	}
	path.CreateChannels()
	return path
}

func (rn *providerRewardsNetwork) providerKeeper() *providerkeeper.Keeper {
	return ccvtesting.ProviderApp(rn.Provider).ProviderKeeper
}

// voucher is the provider denom of a consumer's "stake".
func (rn *providerRewardsNetwork) voucher(c *ccvtesting.Consumer) string {
	return transfertypes.NewDenom(sdk.DefaultBondDenom, transfertypes.NewHop(transfertypes.PortID, rn.transfer[c.ID].EndpointB.ChannelID)).IBCDenom()
}

// sendRewards sends amount stake from a consumer account to the provider's
// rewards pool over ICS-20 and relays the packet and its acknowledgement.
func (rn *providerRewardsNetwork) sendRewards(t *testing.T, c *ccvtesting.Consumer, amount int64, memo string) {
	t.Helper()
	path := rn.transfer[c.ID]
	timeout := uint64(c.Chain.ProposedHeader.Time.Add(time.Hour).UnixNano())
	msg := transfertypes.NewMsgTransfer(transfertypes.PortID, path.EndpointA.ChannelID, sdk.NewInt64Coin(sdk.DefaultBondDenom, amount),
		c.Chain.SenderAccount.GetAddress().String(), providerkeeper.RewardsPoolAddress().String(), clienttypes.ZeroHeight(), timeout, memo)
	res, err := c.Chain.SendMsgs(msg)
	require.NoError(t, err)
	packet, err := ibctesting.ParseV1PacketFromEvents(res.Events)
	require.NoError(t, err)
	_, ack, err := path.RelayPacketWithResults(packet)
	require.NoError(t, err)
	require.Contains(t, string(ack), "result", "the transfer is received")
}

// rewardMemo is the memo consumers put on their reward transfers, written as x/consumer/types/reward_memo.go does.
func rewardMemo(c *ccvtesting.Consumer) string {
	return fmt.Sprintf("{\n\t\t\t\"provider\": {\"consumerId\":\"%s\",\"chainId\":\"%s\",\"memo\":\"ICS rewards\"}\n\t\t}", c.ID, c.Chain.ChainID)
}

// arrangeSet makes every validator of the consumer's stored set eligible
// for rewards, gives them distinct consumer powers (as a power cap would)
// and drops the excluded ones: what partial set security would compute for
// a consumer those validators do not secure.
func (rn *providerRewardsNetwork) arrangeSet(t *testing.T, c *ccvtesting.Consumer, excluded ...[]byte) []providertypes.ConsensusValidator {
	t.Helper()
	pk, ctx := rn.providerKeeper(), rn.Provider.GetContext()
	set, err := pk.GetConsumerValSet(ctx, c.ID)
	require.NoError(t, err)
	var kept []providertypes.ConsensusValidator
	for _, v := range set {
		if containsBytes(excluded, v.ProviderConsAddr) {
			continue
		}
		v.JoinHeight = ctx.BlockHeight() - 1000
		v.Power *= int64(len(kept) + 1)
		kept = append(kept, v)
	}
	require.NoError(t, pk.SetConsumerValSet(ctx, c.ID, kept))
	return kept
}

func containsBytes(list [][]byte, b []byte) bool {
	for _, x := range list {
		if string(x) == string(b) {
			return true
		}
	}
	return false
}

// payout is what x/distribution holds for a validator in a denom.
type payout struct {
	outstanding, commission math.LegacyDec
}

func (rn *providerRewardsNetwork) payout(t *testing.T, consAddr []byte, denom string) payout {
	t.Helper()
	app, ctx := ccvtesting.ProviderApp(rn.Provider), rn.Provider.GetContext()
	val, err := app.StakingKeeper.GetValidatorByConsAddr(ctx, consAddr)
	require.NoError(t, err)
	valAddr, err := app.StakingKeeper.ValidatorAddressCodec().StringToBytes(val.GetOperator())
	require.NoError(t, err)
	out, err := app.DistrKeeper.GetValidatorOutstandingRewards(ctx, valAddr)
	require.NoError(t, err)
	com, err := app.DistrKeeper.GetValidatorAccumulatedCommission(ctx, valAddr)
	require.NoError(t, err)
	return payout{out.Rewards.AmountOf(denom), com.Commission.AmountOf(denom)}
}

func (rn *providerRewardsNetwork) communityPool(t *testing.T, denom string) math.LegacyDec {
	t.Helper()
	pool, err := ccvtesting.ProviderApp(rn.Provider).DistrKeeper.FeePool.Get(rn.Provider.GetContext())
	require.NoError(t, err)
	return pool.CommunityPool.AmountOf(denom)
}

func (rn *providerRewardsNetwork) pending(c *ccvtesting.Consumer, denom string) math.LegacyDec {
	alloc, err := rn.providerKeeper().ConsumerRewardsAllocation.Get(rn.Provider.GetContext(), c.ID)
	if err != nil {
		return math.LegacyZeroDec()
	}
	return alloc.Rewards.AmountOf(denom)
}

func (rn *providerRewardsNetwork) allowlist(t *testing.T, denoms ...string) {
	t.Helper()
	_, err := providerkeeper.NewMsgServerImpl(rn.providerKeeper()).ChangeRewardDenoms(rn.Provider.GetContext(),
		&providertypes.MsgChangeRewardDenoms{DenomsToAdd: denoms, Authority: authtypes.NewModuleAddress("gov").String()})
	require.NoError(t, err)
}

// TestConsumerRewardsReachTheirValidators sends rewards from two consumers
// over real ICS-20 channels. Validator x secures consumer B only.
func TestConsumerRewardsReachTheirValidators(t *testing.T) {
	rn := newProviderRewardsNetwork(t)
	a, b := rn.Consumers[0], rn.Consumers[1]
	x := rn.arrangeSet(t, b)[0].ProviderConsAddr
	setA := rn.arrangeSet(t, a, x)
	require.Len(t, setA, len(rn.Provider.Vals.Validators)-1)
	pk, ctx := rn.providerKeeper(), rn.Provider.GetContext()
	// One validator charges consumer A's rewards a commission of its own.
	consumerRate := math.LegacyNewDecWithPrec(25, 2)
	require.NoError(t, pk.ConsumerCommissionRate.Set(ctx, collectionsJoin(a.ID, setA[0].ProviderConsAddr), consumerRate))
	denomA := rn.voucher(a)

	// A's stake voucher is on no allowlist yet: it is held.
	const amount = 100_000
	rn.sendRewards(t, a, amount, rewardMemo(a))
	rn.Coord.CommitBlock(rn.Provider)
	require.Equal(t, math.LegacyNewDec(amount), rn.pending(a, denomA))
	for _, v := range setA {
		require.True(t, rn.payout(t, v.ProviderConsAddr, denomA).outstanding.IsZero())
	}

	// Once allowlisted, the next block allocates it.
	poolBefore := rn.communityPool(t, denomA)
	rn.allowlist(t, denomA)
	rn.Coord.CommitBlock(rn.Provider)

	tax, err := ccvtesting.ProviderApp(rn.Provider).DistrKeeper.GetCommunityTax(rn.Provider.GetContext())
	require.NoError(t, err)
	toValidators := math.LegacyNewDec(amount).MulTruncate(math.LegacyOneDec().Sub(tax)).TruncateInt()
	var totalPower int64
	for _, v := range setA {
		totalPower += v.Power
	}
	paid := math.ZeroInt()
	for i, v := range setA {
		share := toValidators.MulRaw(v.Power).QuoRaw(totalPower)
		got := rn.payout(t, v.ProviderConsAddr, denomA)
		require.Equal(t, math.LegacyNewDecFromInt(share), got.outstanding, "validator %d gets its power's share", i)
		rate := consumerRate
		if i > 0 {
			val, err := ccvtesting.ProviderApp(rn.Provider).StakingKeeper.GetValidatorByConsAddr(rn.Provider.GetContext(), v.ProviderConsAddr)
			require.NoError(t, err)
			rate = val.Commission.Rate
		}
		require.Equal(t, math.LegacyNewDecFromInt(share).Mul(rate).String(), got.commission.String(), "validator %d commission", i)
		paid = paid.Add(share)
	}
	first, last := rn.payout(t, setA[0].ProviderConsAddr, denomA), rn.payout(t, setA[len(setA)-1].ProviderConsAddr, denomA)
	require.True(t, first.outstanding.LT(last.outstanding), "more consumer power, more rewards")
	require.True(t, rn.payout(t, x, denomA).outstanding.IsZero(), "consumer A's rewards never reach a validator that secures only B")
	toCommunity := math.LegacyNewDec(amount).Sub(math.LegacyNewDec(amount).MulTruncate(math.LegacyOneDec().Sub(tax))).TruncateInt()
	require.True(t, toCommunity.IsPositive())
	require.Equal(t, math.LegacyNewDecFromInt(toCommunity), rn.communityPool(t, denomA).Sub(poolBefore))
	require.Equal(t, math.LegacyNewDec(amount).Sub(math.LegacyNewDecFromInt(paid.Add(toCommunity))), rn.pending(a, denomA),
		"what does not split stays pending")

	// B's rewards, sent without a memo (pre-memo consumers), are told apart
	// by the channel's client and reach x.
	denomB := rn.voucher(b)
	require.NotEqual(t, denomA, denomB)
	rn.allowlist(t, denomB)
	rn.sendRewards(t, b, amount, "")
	rn.Coord.CommitBlock(rn.Provider)
	require.True(t, rn.payout(t, x, denomB).outstanding.IsPositive())
	require.True(t, rn.payout(t, x, denomA).outstanding.IsZero())
}

// TestMalformedRewardMemoStillReceived: a transfer whose memo is not a
// reward memo is received all the same, and booked by its channel.
func TestMalformedRewardMemoStillReceived(t *testing.T) {
	rn := newProviderRewardsNetwork(t)
	a := rn.Consumers[0]
	for i, memo := range []string{`{"provider":`, `{"provider":{"consumerId":7}}`, `{"provider":{"consumerId":"99","chainId":"x"}}`} {
		rn.sendRewards(t, a, 10, memo)
		require.Equal(t, math.LegacyNewDec(int64(10*(i+1))), rn.pending(a, rn.voucher(a)), "memo %q", memo)
	}
	bal := ccvtesting.ProviderApp(rn.Provider).BankKeeper.GetBalance(rn.Provider.GetContext(), providerkeeper.RewardsPoolAddress(), rn.voucher(a))
	require.Equal(t, int64(30), bal.Amount.Int64())
}

// TestPendingRewardsSurviveGenesis: rewards not yet allocated, the global
// allowlist and the reward record are in the export and come back on
// import.
func TestPendingRewardsSurviveGenesis(t *testing.T) {
	rn := newProviderRewardsNetwork(t)
	a := rn.Consumers[0]
	rn.allowlist(t, "stake")
	rn.sendRewards(t, a, 5000, rewardMemo(a))
	rn.Coord.CommitBlock(rn.Provider)
	require.Equal(t, math.LegacyNewDec(5000), rn.pending(a, rn.voucher(a)))

	fresh := providerapp.NewProviderApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.EmptyAppOptions{},
		baseapp.SetChainID(rn.Provider.ChainID))
	roundTrip(t, ccvtesting.ProviderApp(rn.Provider), freshApp{
		fresh.InitChain,
		exportModule(t, fresh.ModuleManager, fresh.AppCodec(), fresh.NewContextLegacy, rn.Provider.ChainID),
	},
		rn.Provider, providertypes.ModuleName, `"rewards_allocation":{"rewards":[{"denom":"`+rn.voucher(a)+`","amount":"5000.`)

	ctx := fresh.NewContextLegacy(false, cmtproto.Header{ChainID: rn.Provider.ChainID})
	alloc, err := fresh.ProviderKeeper.ConsumerRewardsAllocation.Get(ctx, a.ID)
	require.NoError(t, err)
	require.Equal(t, math.LegacyNewDec(5000), alloc.Rewards.AmountOf(rn.voucher(a)))
	denoms, err := fresh.ProviderKeeper.GetRegisteredRewardDenoms(ctx)
	require.NoError(t, err)
	require.Equal(t, []string{"stake"}, denoms)
}

func collectionsJoin(consumerID string, consAddr []byte) collections.Pair[string, []byte] {
	return collections.Join(consumerID, consAddr)
}
