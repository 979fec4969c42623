package integration_test

import (
	"encoding/json"
	"testing"
	"time"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/codec"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	democracyapp "github.com/rampart-ics/rampart/app/democracy"
	"github.com/rampart-ics/rampart/testutil/ccvtesting"
	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
	"github.com/rampart-ics/rampart/x/democracy/governance"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// Representatives of the democracy consumer in these tests: its first two
// sender accounts, self-bonded 3:1.
var (
	repATokens = sdkmath.NewInt(3_000_000)
	repBTokens = sdkmath.NewInt(1_000_000)
)

const votingPeriod = 30 * time.Second

// democracyGenesis is the chain team's part of the democracy consumer's
// genesis: two representatives (the first two funded accounts, 10% and 0%
// commission), a short voting period, and no inflation so that fee amounts
// can be asserted to the unit.
func democracyGenesis(tb testing.TB) func(codec.JSONCodec, map[string]json.RawMessage) {
	return func(cdc codec.JSONCodec, state map[string]json.RawMessage) {
		var auth authtypes.GenesisState
		cdc.MustUnmarshalJSON(state[authtypes.ModuleName], &auth)
		accounts, err := authtypes.UnpackAccounts(auth.Accounts)
		require.NoError(tb, err)
		ccvtesting.AddRepresentatives(tb, cdc, state,
			ccvtesting.Representative{Operator: accounts[0].GetAddress(), Tokens: repATokens, Commission: sdkmath.LegacyNewDecWithPrec(1, 1)},
			ccvtesting.Representative{Operator: accounts[1].GetAddress(), Tokens: repBTokens, Commission: sdkmath.LegacyZeroDec()},
		)

		var gov govv1.GenesisState
		cdc.MustUnmarshalJSON(state[govtypes.ModuleName], &gov)
		voting, expedited := votingPeriod, votingPeriod/2
		gov.Params.VotingPeriod, gov.Params.ExpeditedVotingPeriod = &voting, &expedited
		state[govtypes.ModuleName] = cdc.MustMarshalJSON(&gov)

		var mint minttypes.GenesisState
		cdc.MustUnmarshalJSON(state[minttypes.ModuleName], &mint)
		mint.Minter.Inflation = sdkmath.LegacyZeroDec()
		mint.Params.InflationMin, mint.Params.InflationMax = sdkmath.LegacyZeroDec(), sdkmath.LegacyZeroDec()
		mint.Params.InflationRateChange = sdkmath.LegacyZeroDec()
		state[minttypes.ModuleName] = cdc.MustMarshalJSON(&mint)
	}
}

// newDemocracyNetwork is a provider with a plain consumer and a democracy
// consumer beside it, both launched, neither handshaken.
func newDemocracyNetwork(t *testing.T) (n *ccvtesting.Network, plain, democracy *ccvtesting.Consumer) {
	t.Helper()
	n = ccvtesting.NewNetwork(t)
	n.EditInitParams = func(p *providertypes.ConsumerInitializationParameters) {
		p.BlocksPerDistributionTransmission = rewardInterval
	}
	plain = n.LaunchConsumer("consumer-1")
	democracy = n.LaunchDemocracyConsumer("democracy-1", democracyGenesis(t))
	return n, plain, democracy
}

// The democracy consumer's CometBFT set is the provider's, changed by VSC
// packets like the plain consumer's; delegating to a representative
// changes x/staking's powers but not the CometBFT set.
func TestDemocracyValidatorsComeFromTheProvider(t *testing.T) {
	n, plain, democracy := newDemocracyNetwork(t)
	require.Equal(t, n.Provider.Vals.Hash(), democracy.Chain.Vals.Hash(), "the genesis set is the provider's")
	n.Handshake(plain)
	n.Handshake(democracy)

	app := ccvtesting.DemocracyApp(democracy.Chain)
	repB := sdk.ValAddress(democracy.Chain.SenderAccounts[1].SenderAccount.GetAddress())
	before := democracy.Chain.NextVals.Hash()
	_, err := democracy.Chain.SendMsgs(stakingtypes.NewMsgDelegate(democracy.Chain.SenderAccount.GetAddress().String(),
		repB.String(), sdk.NewCoin(sdk.DefaultBondDenom, sdkmath.NewInt(5_000_000))))
	require.NoError(t, err)
	n.Coord.CommitBlock(democracy.Chain)
	power, err := app.StakingKeeper.GetLastValidatorPower(democracy.Chain.GetContext(), repB)
	require.NoError(t, err)
	require.Equal(t, int64(6), power, "x/staking took the delegation")
	require.Equal(t, before, democracy.Chain.NextVals.Hash(), "CometBFT's set did not change")
	for _, v := range democracy.Chain.NextVals.Validators {
		_, isProviders := n.Provider.NextVals.GetByAddress(v.Address)
		require.NotNil(t, isProviders, "only provider validators sign the democracy consumer's blocks")
	}

	delegateOneUnit(t, n)
	n.EndEpoch()
	for _, c := range []*ccvtesting.Consumer{plain, democracy} {
		require.Len(t, n.RelayVSCPackets(c), 1)
		require.Equal(t, n.Provider.NextVals.Hash(), c.Chain.NextVals.Hash(), "%s follows the provider's set", c.Chain.ChainID)
	}
	require.NotEqual(t, before, democracy.Chain.NextVals.Hash())
}

// Fees on the democracy consumer split three ways: the provider's share
// (0.25) reaches the provider over the reward channel exactly as from a
// plain consumer; the consumer's share (0.75) goes, at the next block, 2%
// to the community pool and the rest to the representatives by stake.
func TestDemocracyFeesSplitThreeWays(t *testing.T) {
	n, _, democracy := newDemocracyNetwork(t)
	r := withRewards(t, n, democracy)
	app := ccvtesting.DemocracyApp(democracy.Chain)
	repA := sdk.ValAddress(democracy.Chain.SenderAccounts[0].SenderAccount.GetAddress())
	repB := sdk.ValAddress(democracy.Chain.SenderAccounts[1].SenderAccount.GetAddress())
	ctx := democracy.Chain.GetContext()
	poolBefore, err := app.DistrKeeper.FeePool.Get(ctx)
	require.NoError(t, err)

	r.payFees(t, 1001)
	packet := r.nextRewardPacket(t)
	n.Coord.CommitBlock(n.Provider, democracy.Chain) // the block after the split pays the consumer's share

	// Provider: 1001 − trunc(0.75 × 1001) = 251, with the consumer's memo.
	require.NoError(t, r.transfer.RelayPacket(packet))
	require.Equal(t, int64(251), r.poolBalance())
	require.Zero(t, r.consumerBalance(consumertypes.ConsumerToSendToProviderName))
	require.Zero(t, r.consumerBalance(consumertypes.ConsumerRedistributeName))

	// Consumer: 750 → community tax 15, representatives 735 at 3:1.
	ctx = democracy.Chain.GetContext()
	stake := func(amount string) sdk.DecCoins {
		return sdk.NewDecCoins(sdk.NewDecCoinFromDec(sdk.DefaultBondDenom, sdkmath.LegacyMustNewDecFromStr(amount)))
	}
	outstanding, err := app.DistrKeeper.GetValidatorOutstandingRewardsCoins(ctx, repA)
	require.NoError(t, err)
	require.Equal(t, stake("551.25"), outstanding)
	commission, err := app.DistrKeeper.GetValidatorAccumulatedCommission(ctx, repA)
	require.NoError(t, err)
	require.Equal(t, stake("55.125"), commission.Commission)
	outstanding, err = app.DistrKeeper.GetValidatorOutstandingRewardsCoins(ctx, repB)
	require.NoError(t, err)
	require.Equal(t, stake("183.75"), outstanding)
	pool, err := app.DistrKeeper.FeePool.Get(ctx)
	require.NoError(t, err)
	require.Equal(t, stake("15"), pool.CommunityPool.Sub(poolBefore.CommunityPool))

	// A delegator withdraws whole tokens: repB's operator, its only
	// delegator, gets 183 of 183.75.
	balance := func() sdkmath.Int {
		return app.BankKeeper.GetBalance(democracy.Chain.GetContext(), sdk.AccAddress(repB), sdk.DefaultBondDenom).Amount
	}
	before := balance()
	_, err = democracy.Chain.SendMsgsWithSender(democracy.Chain.SenderAccounts[1],
		distrtypes.NewMsgWithdrawDelegatorReward(sdk.AccAddress(repB).String(), repB.String()))
	require.NoError(t, err)
	require.Equal(t, int64(183), balance().Sub(before).Int64())
}

// A proposal voted by the representatives' stake passes and changes the
// consumer's reward denoms; one that would change a provider-set parameter
// is refused when submitted.
func TestDemocracyGovernanceChangesConsumerParams(t *testing.T) {
	n, _, democracy := newDemocracyNetwork(t)
	n.Handshake(democracy)
	chain := democracy.Chain
	app := ccvtesting.DemocracyApp(chain)
	authority := authtypes.NewModuleAddress(govtypes.ModuleName).String()
	params, err := app.ConsumerKeeper.GetConsumerParams(chain.GetContext())
	require.NoError(t, err)
	require.Empty(t, params.RewardDenoms)
	govParams, err := app.GovKeeper.Params.Get(chain.GetContext())
	require.NoError(t, err)

	// Refused: the redistribution fraction is the provider's.
	grab := params
	grab.ConsumerRedistributionFraction = "1.0"
	refused, err := govv1.NewMsgSubmitProposal([]sdk.Msg{&consumertypes.MsgUpdateParams{Authority: authority, Params: grab}},
		govParams.MinDeposit, chain.SenderAccounts[2].SenderAccount.GetAddress().String(), "", "keep all fees", "all of them", false)
	require.NoError(t, err)
	_, err = chain.SendMsgsWithSender(chain.SenderAccounts[2], refused)
	require.ErrorContains(t, err, "consumer_redistribution_fraction")
	require.ErrorContains(t, err, governance.ErrProviderControlled.Error())

	// Passed: the reward denoms are the consumer's to choose.
	change := params
	change.RewardDenoms = []string{sdk.DefaultBondDenom}
	submit, err := govv1.NewMsgSubmitProposal([]sdk.Msg{&consumertypes.MsgUpdateParams{Authority: authority, Params: change}},
		govParams.MinDeposit, chain.SenderAccount.GetAddress().String(), "", "reward denoms", "send stake to the provider", false)
	require.NoError(t, err)
	_, err = chain.SendMsgs(submit)
	require.NoError(t, err)
	// The first sender is representative A (three quarters of the stake).
	_, err = chain.SendMsgs(govv1.NewMsgVote(chain.SenderAccount.GetAddress(), 1, govv1.OptionYes, ""))
	require.NoError(t, err)

	n.Coord.IncrementTimeBy(votingPeriod)
	n.Coord.CommitBlock(chain)
	proposal, err := app.GovKeeper.Proposals.Get(chain.GetContext(), 1)
	require.NoError(t, err)
	require.Equal(t, govv1.StatusPassed, proposal.Status, proposal.FailedReason)
	params, err = app.ConsumerKeeper.GetConsumerParams(chain.GetContext())
	require.NoError(t, err)
	require.Equal(t, []string{sdk.DefaultBondDenom}, params.RewardDenoms)
}

// A running democracy consumer's export imports into a fresh app and
// exports again unchanged: its CCV state and its own staking,
// distribution, governance and mint state.
func TestDemocracyGenesisRoundTrip(t *testing.T) {
	n, _, democracy := newDemocracyNetwork(t)
	r := withRewards(t, n, democracy)
	r.payFees(t, 1001)
	r.nextRewardPacket(t)
	n.Coord.CommitBlock(n.Provider, democracy.Chain)

	for module, mustContain := range map[string]string{
		consumertypes.ModuleName: `"provider_channel_id":"channel-`,
		stakingtypes.ModuleName:  `"status":"BOND_STATUS_BONDED"`,
		distrtypes.ModuleName:    `"outstanding_rewards":[{`,
		govtypes.ModuleName:      `"voting_period":"30s"`,
		minttypes.ModuleName:     `"inflation_max":"0.000000000000000000"`,
	} {
		t.Run(module, func(t *testing.T) {
			fresh := democracyapp.NewDemocracyApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.EmptyAppOptions{},
				baseapp.SetChainID(democracy.Chain.ChainID))
			roundTrip(t, ccvtesting.DemocracyApp(democracy.Chain), freshApp{
				fresh.InitChain,
				exportModule(t, fresh.ModuleManager, fresh.AppCodec(), fresh.NewContextLegacy, democracy.Chain.ChainID),
			},
				democracy.Chain, module, mustContain)
		})
	}
}
