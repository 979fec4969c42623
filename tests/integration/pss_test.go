package integration_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	cmttypes "github.com/cometbft/cometbft/types"

	"github.com/rampart-ics/rampart/testutil/ccvtesting"
	providerkeeper "github.com/rampart-ics/rampart/x/provider/keeper"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// pssNetwork is a provider whose four validators have powers 4, 3, 2 and 1
// (vals, strongest first) and two consumers: an opt-in chain that the two
// weakest joined, and a governance-owned top-50% chain.
type pssNetwork struct {
	*ccvtesting.Network
	vals        []stakingtypes.Validator
	optIn, topN *ccvtesting.Consumer
}

func newPSSNetwork(t *testing.T) *pssNetwork {
	t.Helper()
	n := &pssNetwork{Network: ccvtesting.NewNetwork(t)}
	app := ccvtesting.ProviderApp(n.Provider)
	vals, err := app.StakingKeeper.GetBondedValidatorsByPower(n.Provider.GetContext())
	require.NoError(t, err)
	require.Len(t, vals, 4)
	n.vals = vals
	// Every validator starts with power 1; add 3, 2 and 1.
	delegator := n.Provider.SenderAccount.GetAddress().String()
	var msgs []sdk.Msg
	for i, extra := range []int64{3, 2, 1} {
		amount := sdk.TokensFromConsensusPower(extra, sdk.DefaultPowerReduction)
		msgs = append(msgs, stakingtypes.NewMsgDelegate(delegator, vals[i].GetOperator(), sdk.NewCoin(sdk.DefaultBondDenom, amount)))
	}
	_, err = n.Provider.SendMsgs(msgs...)
	require.NoError(t, err)
	for i, want := range []int64{4, 3, 2, 1} {
		require.Equal(t, want, n.power(t, i))
	}

	n.optIn = n.LaunchConsumerWith("optin-1", func(id string) {
		n.setOptedIn(t, id, 2)
		n.setOptedIn(t, id, 3)
	})
	n.Handshake(n.optIn)
	n.topN = n.LaunchConsumerWith("topn-1", func(id string) {
		// The owner hands the chain to governance, which makes it top N.
		_, err := n.Provider.SendMsgs(&providertypes.MsgUpdateConsumer{
			Owner: delegator, ConsumerId: id, NewOwnerAddress: govAddress(t, n),
		})
		require.NoError(t, err)
		_, err = n.msgServer().UpdateConsumer(n.Provider.GetContext(), &providertypes.MsgUpdateConsumer{
			Owner: govAddress(t, n), ConsumerId: id, PowerShapingParameters: &providertypes.PowerShapingParameters{Top_N: 50},
		})
		require.NoError(t, err)
	})
	n.Handshake(n.topN)
	return n
}

func govAddress(t *testing.T, n *pssNetwork) string {
	t.Helper()
	gov := authtypes.NewModuleAddress(govtypes.ModuleName).String()
	require.Equal(t, gov, ccvtesting.ProviderApp(n.Provider).ProviderKeeper.GetAuthority())
	return gov
}

func (n *pssNetwork) msgServer() providertypes.MsgServer {
	return providerkeeper.NewMsgServerImpl(ccvtesting.ProviderApp(n.Provider).ProviderKeeper)
}

func (n *pssNetwork) power(t *testing.T, i int) int64 {
	t.Helper()
	app := ccvtesting.ProviderApp(n.Provider)
	valAddr, err := sdk.ValAddressFromBech32(n.vals[i].GetOperator())
	require.NoError(t, err)
	power, err := app.StakingKeeper.GetLastValidatorPower(n.Provider.GetContext(), valAddr)
	require.NoError(t, err)
	return power
}

func (n *pssNetwork) consAddr(t *testing.T, i int) []byte {
	t.Helper()
	addr, err := n.vals[i].GetConsAddr()
	require.NoError(t, err)
	return addr
}

// setOptedIn opts validator i in, as MsgOptIn will.
func (n *pssNetwork) setOptedIn(t *testing.T, consumerID string, i int) {
	t.Helper()
	pk := ccvtesting.ProviderApp(n.Provider).ProviderKeeper
	require.NoError(t, pk.SetOptedIn(n.Provider.GetContext(), consumerID, n.consAddr(t, i)))
}

func (n *pssNetwork) optOut(consumerID string, i int) error {
	op := n.vals[i].GetOperator()
	valAddr, err := sdk.ValAddressFromBech32(op)
	if err != nil {
		return err
	}
	_, err = n.msgServer().OptOut(n.Provider.GetContext(), &providertypes.MsgOptOut{
		ProviderAddr: op, Signer: sdk.AccAddress(valAddr).String(), ConsumerId: consumerID,
	})
	return err
}

// requireCometSet checks a consumer chain's next CometBFT set: exactly the
// given validators (by index) with the given powers.
func (n *pssNetwork) requireCometSet(t *testing.T, set *cmttypes.ValidatorSet, powers map[int]int64) {
	t.Helper()
	require.Equal(t, len(powers), set.Size(), "set size")
	for i, want := range powers {
		_, v := set.GetByAddress(n.consAddr(t, i))
		require.NotNil(t, v, "validator %d is in the set", i)
		require.Equal(t, want, v.VotingPower, "power of validator %d", i)
	}
}

func TestPSSConsumersStartWithTheirOwnSets(t *testing.T) {
	n := newPSSNetwork(t)
	n.requireCometSet(t, n.optIn.Chain.Vals, map[int]int64{2: 2, 3: 1})
	// 4 is 40% of 10, 4 + 3 is 70%: the top 50% are the first two.
	n.requireCometSet(t, n.topN.Chain.Vals, map[int]int64{0: 4, 1: 3})

	q := providerkeeper.NewQueryServer(ccvtesting.ProviderApp(n.Provider).ProviderKeeper)
	res, err := q.QueryConsumerChains(n.Provider.GetContext(), &providertypes.QueryConsumerChainsRequest{})
	require.NoError(t, err)
	minPowers := map[string]int64{}
	for _, c := range res.Chains {
		minPowers[c.ConsumerId] = c.MinPowerInTop_N
	}
	require.Equal(t, map[string]int64{n.optIn.ID: -1, n.topN.ID: 3}, minPowers)
}

func TestOptInAndOptOutReachTheConsumerAtTheNextEpoch(t *testing.T) {
	n := newPSSNetwork(t)
	n.setOptedIn(t, n.optIn.ID, 0)
	require.NoError(t, n.optOut(n.optIn.ID, 3))
	// Opting out of a top-N chain is refused to its top N.
	require.ErrorIs(t, n.optOut(n.topN.ID, 0), providertypes.ErrCannotOptOutFromTopN)

	// Nothing moves before the epoch ends.
	require.Empty(t, n.RelayVSCPackets(n.optIn))
	n.EndEpoch()
	packets := n.RelayVSCPackets(n.optIn)
	require.Len(t, packets, 1)
	n.requireCometSet(t, n.optIn.Chain.NextVals, map[int]int64{0: 4, 2: 2})
	require.Empty(t, n.RelayVSCPackets(n.topN), "the top-N chain did not change")

	// The consumer keeps producing blocks with its new set.
	n.Coord.CommitNBlocks(n.optIn.Chain, 3)
	n.requireCometSet(t, n.optIn.Chain.Vals, map[int]int64{0: 4, 2: 2})
}

func TestTopNChainFollowsTheTopN(t *testing.T) {
	n := newPSSNetwork(t)
	// The weakest validator becomes the strongest: 6 of 15. The top 50% is
	// now it and the 4; the 3 dropped out of the top N but stays opted in.
	amount := sdk.TokensFromConsensusPower(5, sdk.DefaultPowerReduction)
	_, err := n.Provider.SendMsgs(stakingtypes.NewMsgDelegate(n.Provider.SenderAccount.GetAddress().String(),
		n.vals[3].GetOperator(), sdk.NewCoin(sdk.DefaultBondDenom, amount)))
	require.NoError(t, err)

	n.EndEpoch()
	require.Len(t, n.RelayVSCPackets(n.topN), 1)
	n.requireCometSet(t, n.topN.Chain.NextVals, map[int]int64{0: 4, 1: 3, 3: 6})
	minPower, found, err := ccvtesting.ProviderApp(n.Provider).ProviderKeeper.GetMinPowerInTopN(n.Provider.GetContext(), n.topN.ID)
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, int64(4), minPower)

	// The 3 may now leave; the 6 may not.
	require.NoError(t, n.optOut(n.topN.ID, 1))
	require.ErrorIs(t, n.optOut(n.topN.ID, 3), providertypes.ErrCannotOptOutFromTopN)
	n.EndEpoch()
	require.Len(t, n.RelayVSCPackets(n.topN), 1)
	n.requireCometSet(t, n.topN.Chain.NextVals, map[int]int64{0: 4, 3: 6})
}

func TestOptInChainNobodyJoinedDoesNotLaunch(t *testing.T) {
	n := ccvtesting.NewNetwork(t)
	pk := ccvtesting.ProviderApp(n.Provider).ProviderKeeper
	id := n.CreateOptInConsumer("lonely-1", time.Time{})
	n.ScheduleLaunch(id)
	require.Equal(t, providertypes.CONSUMER_PHASE_INITIALIZED, pk.MustGetConsumerPhase(n.Provider.GetContext(), id))

	// The block's BeginBlock, with its events kept.
	ctx := n.Provider.GetContext().WithEventManager(sdk.NewEventManager())
	require.NoError(t, pk.BeginBlock(ctx))
	var failed sdk.Event
	for _, e := range ctx.EventManager().Events() {
		if e.Type == providerkeeper.EventTypeConsumerLaunchFailed {
			failed = e
		}
	}
	require.Equal(t, providerkeeper.EventTypeConsumerLaunchFailed, failed.Type)
	attrs := map[string]string{}
	for _, a := range failed.Attributes {
		attrs[a.Key] = a.Value
	}
	require.Equal(t, id, attrs[providerkeeper.AttributeConsumerID])
	require.Contains(t, attrs[providerkeeper.AttributeReason], providertypes.ErrEmptyValidatorSet.Error())

	n.Coord.CommitBlock(n.Provider)
	ctx = n.Provider.GetContext()
	require.Equal(t, providertypes.CONSUMER_PHASE_REGISTERED, pk.MustGetConsumerPhase(ctx, id))
	init, err := pk.ConsumerInitParams.Get(ctx, id)
	require.NoError(t, err)
	require.True(t, init.SpawnTime.IsZero(), "the owner must schedule the launch again")
	_, err = pk.ConsumerClientID.Get(ctx, id)
	require.Error(t, err, "no client was created")
}
