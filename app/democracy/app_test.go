package democracy_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	democracyapp "github.com/rampart-ics/rampart/app/democracy"
	"github.com/rampart-ics/rampart/testutil/ccvtesting"
	consumertestutil "github.com/rampart-ics/rampart/x/consumer/testutil"
	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
	"github.com/rampart-ics/rampart/x/democracy/governance"
)

var _ ibctesting.TestingApp = (*democracyapp.DemocracyApp)(nil)

const chainID = "democracy-1"

var (
	genesisTime = time.Unix(1_700_000_100, 0).UTC()
	holder      = sdk.AccAddress([]byte("a-token-holder------"))
	repA        = sdk.AccAddress([]byte("representative-a----"))
	repB        = sdk.AccAddress([]byte("representative-b----"))
	providerSet = []abci.ValidatorUpdate{consumertestutil.Validator(1, 10), consumertestutil.Validator(2, 20)}
)

// chain is a democracy consumer started from the provider's consumer
// genesis, with two bonded representatives (3 and 1 stake units) in its
// staking section, and a funded holder.
type chain struct {
	t      *testing.T
	app    *democracyapp.DemocracyApp
	height int64
}

func startChain(t *testing.T) (*chain, *abci.ResponseInitChain) {
	t.Helper()
	app, genesis := democracyapp.SetupTestingApp()
	baseapp.SetChainID(chainID)(app.GetBaseApp())
	cdc := app.AppCodec()
	genesis[consumertypes.ModuleName] = cdc.MustMarshalJSON(consumertestutil.NewChainGenesis(providerSet...))
	var accounts []authtypes.GenesisAccount
	var balances []banktypes.Balance
	for _, addr := range []sdk.AccAddress{holder, repA, repB} {
		accounts = append(accounts, authtypes.NewBaseAccountWithAddress(addr))
		balances = append(balances, banktypes.Balance{
			Address: addr.String(),
			Coins:   sdk.NewCoins(sdk.NewInt64Coin(sdk.DefaultBondDenom, 100_000_000), sdk.NewInt64Coin("ufee", 1_000_000)),
		})
	}
	genesis[authtypes.ModuleName] = cdc.MustMarshalJSON(authtypes.NewGenesisState(authtypes.DefaultParams(), accounts))
	genesis[banktypes.ModuleName] = cdc.MustMarshalJSON(banktypes.NewGenesisState(banktypes.DefaultParams(), balances, nil, nil, nil))
	ccvtesting.AddRepresentatives(t, cdc, genesis,
		ccvtesting.Representative{Operator: repA, Tokens: sdkmath.NewInt(3_000_000), Commission: sdkmath.LegacyNewDecWithPrec(1, 1)},
		ccvtesting.Representative{Operator: repB, Tokens: sdkmath.NewInt(1_000_000), Commission: sdkmath.LegacyZeroDec()},
	)
	state, err := json.Marshal(genesis)
	require.NoError(t, err)

	res, err := app.InitChain(&abci.RequestInitChain{
		ChainId: chainID, Time: genesisTime, AppStateBytes: state,
		ConsensusParams: simtestutil.DefaultConsensusParams, InitialHeight: 1,
	})
	require.NoError(t, err)
	c := &chain{t: t, app: app}
	c.nextBlock()
	return c, res
}

// nextBlock finalizes and commits the next block, and returns the
// validator updates it gave CometBFT.
func (c *chain) nextBlock() []abci.ValidatorUpdate {
	c.t.Helper()
	c.height++
	res, err := c.app.FinalizeBlock(&abci.RequestFinalizeBlock{
		Height: c.height, Time: genesisTime.Add(time.Duration(c.height) * 5 * time.Second),
	})
	require.NoError(c.t, err)
	_, err = c.app.Commit()
	require.NoError(c.t, err)
	return res.ValidatorUpdates
}

// ctx is a context on the committed state, whose writes the next block sees.
func (c *chain) ctx() sdk.Context {
	//nolint:staticcheck // writes must land in the committed store directly, which only this context does
	return c.app.NewUncachedContext(false, cmtproto.Header{ChainID: chainID, Height: c.height, Time: genesisTime})
}

// CometBFT's first set is the provider's: the bonded representatives of the
// staking section are not in it, and blocks run.
func TestGenesisValidatorsAreTheProviders(t *testing.T) {
	c, res := startChain(t)
	require.ElementsMatch(t, providerSet, res.Validators)
	for range 3 {
		require.Empty(t, c.nextBlock())
	}
	reps, err := c.app.StakingKeeper.GetBondedValidatorsByPower(c.ctx())
	require.NoError(t, err)
	require.Len(t, reps, 2, "the representatives are bonded in x/staking")
}

// Staking changes (a new representative, a delegation) change x/staking's
// bonded set and powers, but EndBlock hands CometBFT none of it.
func TestStakingChangesNeverReachCometBFT(t *testing.T) {
	c, _ := startChain(t)
	ctx := c.ctx()
	msgs := stakingkeeper.NewMsgServerImpl(c.app.StakingKeeper)
	create, err := stakingtypes.NewMsgCreateValidator(sdk.ValAddress(holder).String(), ed25519.GenPrivKey().PubKey(),
		sdk.NewInt64Coin(sdk.DefaultBondDenom, 5_000_000), stakingtypes.Description{Moniker: "newcomer"},
		stakingtypes.NewCommissionRates(sdkmath.LegacyZeroDec(), sdkmath.LegacyOneDec(), sdkmath.LegacyZeroDec()),
		sdkmath.OneInt())
	require.NoError(t, err)
	_, err = msgs.CreateValidator(ctx, create)
	require.NoError(t, err)
	_, err = msgs.Delegate(ctx, stakingtypes.NewMsgDelegate(holder.String(), sdk.ValAddress(repB).String(),
		sdk.NewInt64Coin(sdk.DefaultBondDenom, 2_000_000)))
	require.NoError(t, err)

	require.Empty(t, c.nextBlock(), "no validator update from x/staking")
	ctx = c.ctx()
	reps, err := c.app.StakingKeeper.GetBondedValidatorsByPower(ctx)
	require.NoError(t, err)
	require.Len(t, reps, 3, "x/staking bonded the newcomer")
	power, err := c.app.StakingKeeper.GetLastValidatorPower(ctx, sdk.ValAddress(repB))
	require.NoError(t, err)
	require.Equal(t, int64(3), power, "x/staking recorded the new power")
}

// The consumer's share of the fees (what reaches cons_redistribute) is paid
// at the next block: 2% community tax, the rest to the representatives by
// stake (3:1), commission first, no proposer reward.
func TestConsumerShareGoesToRepresentatives(t *testing.T) {
	c, _ := startChain(t)
	require.NoError(t, c.app.BankKeeper.SendCoinsFromAccountToModule(c.ctx(), holder,
		consumertypes.ConsumerRedistributeName, sdk.NewCoins(sdk.NewInt64Coin("ufee", 1001))))
	c.nextBlock()

	ctx := c.ctx()
	dec := func(amount string) sdk.DecCoins {
		return sdk.NewDecCoins(sdk.NewDecCoinFromDec("ufee", sdkmath.LegacyMustNewDecFromStr(amount)))
	}
	ufee := func(coins sdk.DecCoins) sdk.DecCoins {
		return sdk.NewDecCoins(sdk.NewDecCoinFromDec("ufee", coins.AmountOf("ufee")))
	}
	// 1001 × 0.98 = 980.98 to the representatives: 735.735 and 245.245.
	outstanding, err := c.app.DistrKeeper.GetValidatorOutstandingRewardsCoins(ctx, sdk.ValAddress(repA))
	require.NoError(t, err)
	require.Equal(t, dec("735.735"), ufee(outstanding))
	commission, err := c.app.DistrKeeper.GetValidatorAccumulatedCommission(ctx, sdk.ValAddress(repA))
	require.NoError(t, err)
	require.Equal(t, dec("73.5735"), ufee(commission.Commission), "repA's 10% commission")
	outstanding, err = c.app.DistrKeeper.GetValidatorOutstandingRewardsCoins(ctx, sdk.ValAddress(repB))
	require.NoError(t, err)
	require.Equal(t, dec("245.245"), ufee(outstanding))
	pool, err := c.app.DistrKeeper.FeePool.Get(ctx)
	require.NoError(t, err)
	require.Equal(t, dec("20.02"), ufee(pool.CommunityPool))
	require.True(t, c.app.BankKeeper.GetBalance(ctx, authtypes.NewModuleAddress(consumertypes.ConsumerRedistributeName), "ufee").IsZero())
	require.Equal(t, int64(1001), c.app.BankKeeper.GetBalance(ctx, authtypes.NewModuleAddress(distrtypes.ModuleName), "ufee").Amount.Int64())
}

// Governance may change the reward denoms but no parameter the provider
// set: the gate refuses the proposal when it is submitted, and the Msg
// service refuses the message when a proposal executes it.
func TestGovernanceCannotChangeProviderParams(t *testing.T) {
	c, _ := startChain(t)
	ctx := c.ctx()
	params, err := c.app.ConsumerKeeper.GetConsumerParams(ctx)
	require.NoError(t, err)
	authority := authtypes.NewModuleAddress(govtypes.ModuleName).String()
	handler := c.app.MsgServiceRouter().Handler(&consumertypes.MsgUpdateParams{})

	allowed := params
	allowed.RewardDenoms = []string{"ufee"}
	_, err = handler(ctx, &consumertypes.MsgUpdateParams{Authority: authority, Params: allowed})
	require.NoError(t, err)
	got, err := c.app.ConsumerKeeper.GetConsumerParams(ctx)
	require.NoError(t, err)
	require.Equal(t, []string{"ufee"}, got.RewardDenoms)

	grab := got
	grab.ConsumerRedistributionFraction = "1.0"
	msg := &consumertypes.MsgUpdateParams{Authority: authority, Params: grab}
	_, err = handler(ctx, msg)
	require.ErrorIs(t, err, governance.ErrProviderControlled)
	require.ErrorContains(t, err, "consumer_redistribution_fraction")

	proposal, err := govv1.NewMsgSubmitProposal([]sdk.Msg{msg}, sdk.NewCoins(), holder.String(), "", "grab", "all fees", false)
	require.NoError(t, err)
	tx := c.app.TxConfig().NewTxBuilder()
	require.NoError(t, tx.SetMsgs(proposal))
	next := func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) { return ctx, nil }
	_, err = governance.NewProposalGate(c.app.ConsumerKeeper).AnteHandle(ctx, tx.GetTx(), false, next)
	require.ErrorIs(t, err, governance.ErrProviderControlled)
}

// Only cons_to_send_to_provider receives plain sends, as on a plain
// consumer; the new module accounts are blocked.
func TestBlockedAddresses(t *testing.T) {
	blocked := democracyapp.BlockedAddresses()
	for name := range democracyapp.GetMaccPerms() {
		addr := authtypes.NewModuleAddress(name).String()
		if name == consumertypes.ConsumerToSendToProviderName {
			require.NotContains(t, blocked, addr)
			continue
		}
		require.Contains(t, blocked, addr, name)
	}
	for _, name := range []string{distrtypes.ModuleName, govtypes.ModuleName, stakingtypes.BondedPoolName, consumertypes.ConsumerRedistributeName} {
		require.Contains(t, democracyapp.GetMaccPerms(), name)
	}
}

// Export carries the CCV set as validators, never the representatives.
func TestExportValidatorsAreTheCCVSet(t *testing.T) {
	c, _ := startChain(t)
	exported, err := c.app.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	require.Len(t, exported.Validators, len(providerSet))
	_, err = c.app.ExportAppStateAndValidators(true, nil, nil)
	require.NoError(t, err, "zero-height export settles the representatives' rewards")
}
