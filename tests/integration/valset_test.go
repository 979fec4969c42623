package integration_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtcrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"

	"github.com/rampart-ics/rampart/testutil/ccvtesting"
	ccv "github.com/rampart-ics/rampart/x/ccv/types"
)

// TestDelegationAndUnbondingReachConsumers checks that provider stake
// changes reach each consumer's CometBFT set at the next epoch, as exactly
// the matching updates.
func TestDelegationAndUnbondingReachConsumers(t *testing.T) {
	n := newNetwork(t)
	app := ccvtesting.ProviderApp(n.Provider)
	ctx := n.Provider.GetContext()
	vals, err := app.StakingKeeper.GetBondedValidatorsByPower(ctx)
	require.NoError(t, err)
	require.Len(t, vals, 4)
	grow, leave := vals[0], vals[3]
	growKey, err := grow.CmtConsPublicKey()
	require.NoError(t, err)
	leaveKey, err := leave.CmtConsPublicKey()
	require.NoError(t, err)

	// The sender account holds every genesis delegation. Delegate two more
	// consensus units to one validator and undelegate all of another's.
	delegator := n.Provider.SenderAccount.GetAddress().String()
	unit := sdk.TokensFromConsensusPower(1, sdk.DefaultPowerReduction)
	_, err = n.Provider.SendMsgs(
		stakingtypes.NewMsgDelegate(delegator, grow.GetOperator(), sdk.NewCoin(sdk.DefaultBondDenom, unit.Mul(sdkmath.NewInt(2)))),
		stakingtypes.NewMsgUndelegate(delegator, leave.GetOperator(), sdk.NewCoin(sdk.DefaultBondDenom, unit)),
	)
	require.NoError(t, err)

	n.EndEpoch()
	want := []abci.ValidatorUpdate{{PubKey: growKey, Power: 3}, {PubKey: leaveKey, Power: 0}}
	for _, c := range n.Consumers {
		packets := n.RelayVSCPackets(c)
		require.Len(t, packets, 1, "one VSC packet per epoch with changes")
		vsc, err := ccv.UnmarshalValidatorSetChangePacketData(packets[0].Data)
		require.NoError(t, err)
		require.ElementsMatch(t, want, vsc.ValidatorUpdates)

		// The consumer hands the updates to CometBFT at the end of the
		// block that received the packet: its next set is the provider's.
		_, grown := c.Chain.NextVals.GetByAddress(consAddr(t, growKey))
		require.Equal(t, int64(3), grown.VotingPower)
		_, gone := c.Chain.NextVals.GetByAddress(consAddr(t, leaveKey))
		require.Nil(t, gone, "the unbonded validator left the consumer's set")
		require.Equal(t, n.Provider.NextVals.Hash(), c.Chain.NextVals.Hash(), "consumer %s follows the provider's set", c.ID)
		require.Equal(t, 3, c.Chain.NextVals.Size())
	}

	// Nothing changes in the next epoch, so no packet is sent.
	n.EndEpoch()
	for _, c := range n.Consumers {
		require.Empty(t, n.RelayVSCPackets(c))
	}
}

func consAddr(t *testing.T, key cmtcrypto.PublicKey) []byte {
	t.Helper()
	pk, err := cryptocodec.FromCmtProtoPublicKey(key)
	require.NoError(t, err)
	return pk.Address()
}

// delegateOneUnit adds one consensus unit to the strongest validator.
func delegateOneUnit(t *testing.T, n *ccvtesting.Network) {
	t.Helper()
	app := ccvtesting.ProviderApp(n.Provider)
	vals, err := app.StakingKeeper.GetBondedValidatorsByPower(n.Provider.GetContext())
	require.NoError(t, err)
	unit := sdk.TokensFromConsensusPower(1, sdk.DefaultPowerReduction)
	_, err = n.Provider.SendMsgs(stakingtypes.NewMsgDelegate(n.Provider.SenderAccount.GetAddress().String(),
		vals[0].GetOperator(), sdk.NewCoin(sdk.DefaultBondDenom, unit)))
	require.NoError(t, err)
}
