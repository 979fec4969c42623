package provider_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	providerapp "github.com/rampart-ics/rampart/app/provider"
	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
)

var _ ibctesting.TestingApp = (*providerapp.ProviderApp)(nil)

func appCreator() (ibctesting.TestingApp, map[string]json.RawMessage) {
	return providerapp.SetupTestingApp()
}

// Two provider chains under ibctesting: genesis yields the provider module's
// validator set, blocks are produced, and an ICS-20 transfer crosses the
// "transfer" route and comes back as a voucher.
func TestProviderAppTransferRoundTrip(t *testing.T) {
	coord := ibctesting.NewCustomAppCoordinator(t, 2, appCreator)
	chainA := coord.GetChain(ibctesting.GetChainID(1))
	chainB := coord.GetChain(ibctesting.GetChainID(2))

	path := ibctesting.NewTransferPath(chainA, chainB)
	path.Setup()

	appA := chainA.App.(*providerapp.ProviderApp)
	appB := chainB.App.(*providerapp.ProviderApp)
	denom := sdk.DefaultBondDenom
	amount := sdkmath.NewInt(1000)
	sender, receiver := chainA.SenderAccount.GetAddress(), chainB.SenderAccount.GetAddress()

	msg := transfertypes.NewMsgTransfer(path.EndpointA.ChannelConfig.PortID, path.EndpointA.ChannelID,
		sdk.NewCoin(denom, amount), sender.String(), receiver.String(), clienttypes.NewHeight(1, 1000), 0, "")
	res, err := chainA.SendMsgs(msg)
	require.NoError(t, err)
	packet, err := ibctesting.ParseV1PacketFromEvents(res.Events)
	require.NoError(t, err)
	require.NoError(t, path.RelayPacket(packet))

	voucher := transfertypes.NewDenom(denom, transfertypes.NewHop(path.EndpointB.ChannelConfig.PortID, path.EndpointB.ChannelID))
	got := appB.BankKeeper.GetBalance(chainB.GetContext(), receiver, voucher.IBCDenom())
	require.Equal(t, amount, got.Amount)

	escrow := transfertypes.GetEscrowAddress(path.EndpointA.ChannelConfig.PortID, path.EndpointA.ChannelID)
	require.Equal(t, amount, appA.BankKeeper.GetBalance(chainA.GetContext(), escrow, denom).Amount)
}

// The consumer rewards pool exists, has no permissions, and may receive
// funds by plain sends (consumers send rewards to it over ICS-20).
func TestConsumerRewardsPool(t *testing.T) {
	require.Contains(t, providerapp.GetMaccPerms(), ccvtypes.ConsumerRewardsPool)
	require.Empty(t, providerapp.GetMaccPerms()[ccvtypes.ConsumerRewardsPool])
	blocked := providerapp.BlockedAddresses()
	require.NotContains(t, blocked, authtypes.NewModuleAddress(ccvtypes.ConsumerRewardsPool).String())
	require.Contains(t, blocked, authtypes.NewModuleAddress(transfertypes.ModuleName).String())
}

// Export after a few blocks yields a genesis with the modules' state and the
// current validator set, for a normal and a zero-height export.
func TestExportAppStateAndValidators(t *testing.T) {
	coord := ibctesting.NewCustomAppCoordinator(t, 1, appCreator)
	chain := coord.GetChain(ibctesting.GetChainID(1))
	coord.CommitNBlocks(chain, 3)
	app := chain.App.(*providerapp.ProviderApp)

	for _, zero := range []bool{false, true} {
		exported, err := app.ExportAppStateAndValidators(zero, nil, nil)
		require.NoError(t, err)
		var state map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(exported.AppState, &state))
		for _, name := range []string{"auth", "bank", "staking", "slashing", "distribution", "gov", "ibc", "transfer", "provider"} {
			require.Contains(t, state, name)
		}
		require.Len(t, exported.Validators, len(chain.Vals.Validators))
		if zero {
			require.Zero(t, exported.Height)
		} else {
			require.Equal(t, app.LastBlockHeight()+1, exported.Height)
		}
	}
}

// CometBFT gets the provider module's validator set, not x/staking's: with
// max_provider_consensus_validators below the number of bonded validators,
// the others leave CometBFT's set while staying bonded, and export agrees.
func TestProviderConsensusSetCap(t *testing.T) {
	coord := ibctesting.NewCustomAppCoordinator(t, 1, appCreator)
	chain := coord.GetChain(ibctesting.GetChainID(1))
	app := chain.App.(*providerapp.ProviderApp)
	require.Greater(t, len(chain.Vals.Validators), 1)

	params, err := app.ProviderKeeper.Params.Get(chain.GetContext())
	require.NoError(t, err)
	params.MaxProviderConsensusValidators = 1
	require.NoError(t, app.ProviderKeeper.Params.Set(chain.GetContext(), params))
	coord.CommitNBlocks(chain, 2)

	require.Len(t, chain.Vals.Validators, 1)
	bonded, err := app.StakingKeeper.GetBondedValidatorsByPower(chain.GetContext())
	require.NoError(t, err)
	require.Greater(t, len(bonded), 1)

	exported, err := app.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	require.Len(t, exported.Validators, 1)
	require.Equal(t, chain.Vals.Validators[0].Address, exported.Validators[0].Address)
}
