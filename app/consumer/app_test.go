package consumer_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/baseapp"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	consumerapp "github.com/rampart-ics/rampart/app/consumer"
	consumertestutil "github.com/rampart-ics/rampart/x/consumer/testutil"
	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
)

var _ ibctesting.TestingApp = (*consumerapp.ConsumerApp)(nil)

const chainID = "consumer-1"

// startedApp returns a consumer app initialised from a provider-generated
// genesis with valset, after its first block.
func startedApp(t *testing.T, valset ...abci.ValidatorUpdate) (*consumerapp.ConsumerApp, *abci.ResponseInitChain) {
	t.Helper()
	app, genesis := consumerapp.SetupTestingApp()
	baseapp.SetChainID(chainID)(app.GetBaseApp())
	genesis[consumertypes.ModuleName] = app.AppCodec().MustMarshalJSON(consumertestutil.NewChainGenesis(valset...))
	state, err := json.Marshal(genesis)
	require.NoError(t, err)

	res, err := app.InitChain(&abci.RequestInitChain{
		ChainId:         chainID,
		Time:            time.Unix(1_700_000_100, 0).UTC(),
		AppStateBytes:   state,
		ConsensusParams: simtestutil.DefaultConsensusParams,
		InitialHeight:   1,
	})
	require.NoError(t, err)
	_, err = app.FinalizeBlock(&abci.RequestFinalizeBlock{Height: 1, Time: time.Unix(1_700_000_105, 0).UTC()})
	require.NoError(t, err)
	_, err = app.Commit()
	require.NoError(t, err)
	return app, res
}

// The provider's initial validator set is what CometBFT gets at genesis.
func TestInitChainReturnsProviderValset(t *testing.T) {
	valset := []abci.ValidatorUpdate{consumertestutil.Validator(1, 10), consumertestutil.Validator(2, 20)}
	_, res := startedApp(t, valset...)
	require.ElementsMatch(t, valset, res.Validators)
}

// A genesis whose ccvconsumer section is disabled gives CometBFT no
// validators, and InitChain refuses it.
func TestInitChainRefusesDisabledConsumer(t *testing.T) {
	app, genesis := consumerapp.SetupTestingApp()
	baseapp.SetChainID(chainID)(app.GetBaseApp())
	state, err := json.Marshal(genesis)
	require.NoError(t, err)
	_, err = app.InitChain(&abci.RequestInitChain{
		ChainId: chainID, AppStateBytes: state, ConsensusParams: simtestutil.DefaultConsensusParams, InitialHeight: 1,
	})
	require.ErrorContains(t, err, "validator set is empty")
}

// Until the CCV channel is established the ante handler refuses any tx with
// a non-IBC message and lets IBC core messages through to the usual checks.
func TestAnteIBCOnlyUntilChannelEstablished(t *testing.T) {
	app, _ := startedApp(t, consumertestutil.Validator(1, 10))
	ctx := app.NewNextBlockContext(cmtproto.Header{ChainID: chainID, Height: 2, Time: time.Unix(1_700_000_110, 0).UTC()})
	addr := sdk.AccAddress([]byte("a-consumer-account--"))

	build := func(msg sdk.Msg) sdk.Tx {
		b := app.TxConfig().NewTxBuilder()
		require.NoError(t, b.SetMsgs(msg))
		b.SetGasLimit(200_000)
		return b.GetTx()
	}

	send := banktypes.NewMsgSend(addr, addr, sdk.NewCoins(sdk.NewCoin("ucon", sdkmath.NewInt(1))))
	_, err := app.AnteHandler()(ctx, build(send), false)
	require.ErrorIs(t, err, consumertypes.ErrChannelNotEstablished)

	update := &clienttypes.MsgUpdateClient{ClientId: "07-tendermint-0", Signer: addr.String()}
	_, err = app.AnteHandler()(ctx, build(update), false)
	require.Error(t, err)
	require.NotErrorIs(t, err, consumertypes.ErrChannelNotEstablished)
}

// Export yields the consumer's state and the CCV validator set.
func TestExportAppStateAndValidators(t *testing.T) {
	app, _ := startedApp(t, consumertestutil.Validator(1, 10))
	exported, err := app.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	require.Len(t, exported.Validators, 1)
	require.Equal(t, int64(10), exported.Validators[0].Power)

	var state map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(exported.AppState, &state))
	var gs consumertypes.GenesisState
	require.NoError(t, app.AppCodec().UnmarshalJSON(state[consumertypes.ModuleName], &gs))
	require.NotEmpty(t, gs.ProviderClientId)
	require.True(t, gs.Params.Enabled)
}

// No module account may receive plain sends, except the one reward
// transfers are sent from: ICS-20 refuses to send from or refund to a
// blocked address.
func TestBlockedAddresses(t *testing.T) {
	blocked := consumerapp.BlockedAddresses()
	perms := consumerapp.GetMaccPerms()
	for name := range perms {
		addr := authtypes.NewModuleAddress(name).String()
		if name == consumertypes.ConsumerToSendToProviderName {
			require.NotContains(t, blocked, addr)
			continue
		}
		require.Contains(t, blocked, addr, name)
	}
	require.Contains(t, perms, consumertypes.ConsumerRedistributeName)
	require.Contains(t, perms, consumertypes.ConsumerToSendToProviderName)
	require.Empty(t, perms[consumertypes.ConsumerRedistributeName], "no minting or burning")
	require.Empty(t, perms[consumertypes.ConsumerToSendToProviderName], "no minting or burning")
}
