package ccvtesting

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	consumerkeeper "github.com/rampart-ics/rampart/x/consumer/keeper"
	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
)

// consumerKind is what differs between kinds of consumer chains (plain,
// democracy) in a network: the app, where its consumer keeper is, and what
// the chain team adds to its genesis.
type consumerKind struct {
	newApp func() (ibctesting.TestingApp, map[string]json.RawMessage)
	keeper func(*ibctesting.TestChain) *consumerkeeper.Keeper
	// edit, if set, adjusts the genesis after the accounts and the
	// provider's consumer genesis are in.
	edit func(cdc codec.JSONCodec, state map[string]json.RawMessage)
}

// plainConsumer is app/consumer's chain.
var plainConsumer = consumerKind{
	newApp: func() (ibctesting.TestingApp, map[string]json.RawMessage) { return newConsumerApp() },
	keeper: func(c *ibctesting.TestChain) *consumerkeeper.Keeper { return ConsumerApp(c).ConsumerKeeper },
}

// newConsumerChain starts a consumer chain the way an operator does: the
// provider's consumer genesis is pasted into app_state.ccvconsumer, and the
// chain is run by the provider's validators with their provider keys.
func newConsumerChain(
	tb testing.TB,
	coord *ibctesting.Coordinator,
	chainID string,
	valSet *cmttypes.ValidatorSet,
	signers map[string]cmttypes.PrivValidator,
	genesis ccv.ConsumerGenesisState,
	kind consumerKind,
) *ibctesting.TestChain {
	tb.Helper()
	app, state := kind.newApp()
	senders, genAccs, balances := fundedSenders(tb)
	cdc := app.AppCodec()
	state[authtypes.ModuleName] = cdc.MustMarshalJSON(authtypes.NewGenesisState(authtypes.DefaultParams(), genAccs))
	state[banktypes.ModuleName] = cdc.MustMarshalJSON(banktypes.NewGenesisState(banktypes.DefaultParams(), balances, nil, nil, nil))
	state[consumertypes.ModuleName] = ccv.ModuleCdc.MustMarshalJSON(&genesis)
	if kind.edit != nil {
		kind.edit(cdc, state)
	}
	stateBytes, err := json.Marshal(state)
	require.NoError(tb, err)

	baseapp.SetChainID(chainID)(app.GetBaseApp())
	_, err = app.InitChain(&abci.RequestInitChain{
		ChainId:         chainID,
		Time:            coord.CurrentTime.UTC(),
		AppStateBytes:   stateBytes,
		ConsensusParams: simtestutil.DefaultConsensusParams,
	})
	require.NoError(tb, err)

	chain := &ibctesting.TestChain{
		TB:                tb,
		Coordinator:       coord,
		ChainID:           chainID,
		App:               app,
		ProposedHeader:    cmtproto.Header{ChainID: chainID, Height: 1, Time: coord.CurrentTime.UTC()},
		TxConfig:          app.GetTxConfig(),
		Codec:             cdc,
		Vals:              valSet,
		NextVals:          valSet,
		Signers:           signers,
		TrustedValidators: make(map[uint64]*cmttypes.ValidatorSet),
		SenderPrivKey:     senders[0].SenderPrivKey,
		SenderAccount:     senders[0].SenderAccount,
		SenderAccounts:    senders,
	}
	coord.Chains[chainID] = chain
	chain.NextBlock()
	return chain
}

// fundedSenders makes the accounts ibctesting signs transactions with.
func fundedSenders(tb testing.TB) ([]ibctesting.SenderAccount, []authtypes.GenesisAccount, []banktypes.Balance) {
	tb.Helper()
	amount, ok := sdkmath.NewIntFromString(ibctesting.DefaultGenesisAccBalance)
	require.True(tb, ok)
	var (
		senders  []ibctesting.SenderAccount
		accounts []authtypes.GenesisAccount
		balances []banktypes.Balance
	)
	for i := range ibctesting.MaxAccounts {
		key := secp256k1.GenPrivKey()
		acc := authtypes.NewBaseAccount(key.PubKey().Address().Bytes(), key.PubKey(), uint64(i), 0)
		senders = append(senders, ibctesting.SenderAccount{SenderPrivKey: key, SenderAccount: acc})
		accounts = append(accounts, acc)
		balances = append(balances, banktypes.Balance{
			Address: acc.GetAddress().String(),
			Coins:   sdk.NewCoins(sdk.NewCoin(sdk.DefaultBondDenom, amount)),
		})
	}
	return senders, accounts, balances
}
