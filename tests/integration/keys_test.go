package integration_test

import (
	"testing"
	"time"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	abci "github.com/cometbft/cometbft/abci/types"
	cmted25519 "github.com/cometbft/cometbft/crypto/ed25519"
	cmtcrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"
	cmttypes "github.com/cometbft/cometbft/types"

	providerapp "github.com/rampart-ics/rampart/app/provider"
	"github.com/rampart-ics/rampart/testutil/ccvtesting"
	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	providerkeeper "github.com/rampart-ics/rampart/x/provider/keeper"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// consumerSigner is a consensus key a validator runs its consumer node
// with, and the JSON form MsgAssignConsumerKey takes.
type consumerSigner struct {
	pv   cmttypes.PrivValidator
	key  cmtcrypto.PublicKey
	json string
}

func newConsumerSigner(t *testing.T, seed string) consumerSigner {
	t.Helper()
	pv := cmttypes.NewMockPVWithParams(cmted25519.GenPrivKeyFromSecret([]byte(seed)), false, false)
	pub, err := pv.GetPubKey()
	require.NoError(t, err)
	sdkPub, err := cryptocodec.FromCmtPubKeyInterface(pub)
	require.NoError(t, err)
	key, err := cryptocodec.ToCmtProtoPublicKey(sdkPub)
	require.NoError(t, err)
	js, err := providertypes.ConsumerKeyJSON(key)
	require.NoError(t, err)
	return consumerSigner{pv: pv, key: key, json: js}
}

// assignKey sends MsgAssignConsumerKey signed by the validator's account.
// ibctesting validators have no account keys (their operator address is
// derived from the consensus key), so the message goes straight to the Msg
// service in the block being built.
func assignKey(t *testing.T, n *ccvtesting.Network, val stakingtypes.Validator, consumerID, keyJSON string) error {
	t.Helper()
	valAddr, err := sdk.ValAddressFromBech32(val.GetOperator())
	require.NoError(t, err)
	msg := &providertypes.MsgAssignConsumerKey{
		ProviderAddr: val.GetOperator(), ConsumerKey: keyJSON, Signer: sdk.AccAddress(valAddr).String(), ConsumerId: consumerID,
	}
	_, err = providerkeeper.NewMsgServerImpl(ccvtesting.ProviderApp(n.Provider).ProviderKeeper).AssignConsumerKey(n.Provider.GetContext(), msg)
	return err
}

func strongestValidator(t *testing.T, n *ccvtesting.Network) stakingtypes.Validator {
	t.Helper()
	vals, err := ccvtesting.ProviderApp(n.Provider).StakingKeeper.GetBondedValidatorsByPower(n.Provider.GetContext())
	require.NoError(t, err)
	return vals[0]
}

func requireKeyMapsInverse(t *testing.T, n *ccvtesting.Network) {
	t.Helper()
	require.NoError(t, ccvtesting.ProviderApp(n.Provider).ProviderKeeper.CheckKeyAssignmentInvariant(n.Provider.GetContext()))
}

// TestKeyAssignedBeforeLaunchIsInConsumerGenesis: the consumer starts with
// the assigned key, and runs (its client on the provider updates) with it.
func TestKeyAssignedBeforeLaunchIsInConsumerGenesis(t *testing.T) {
	n := ccvtesting.NewNetwork(t)
	val := strongestValidator(t, n)
	providerKey, err := val.CmtConsPublicKey()
	require.NoError(t, err)
	signer := newConsumerSigner(t, "genesis-key")
	n.AddConsumerSigner(signer.pv)

	id := n.CreateConsumer("consumera-1", n.Provider.ProposedHeader.Time)
	require.NoError(t, assignKey(t, n, val, id, signer.json))
	c := n.LaunchCreatedConsumer(id, "consumera-1")
	n.Handshake(c)

	genesis, err := ccvtesting.ProviderApp(n.Provider).ProviderKeeper.ConsumerGenesis.Get(n.Provider.GetContext(), id)
	require.NoError(t, err)
	require.Contains(t, genesisKeys(genesis), signer.key.String())
	require.NotContains(t, genesisKeys(genesis), providerKey.String())
	_, member := c.Chain.Vals.GetByAddress(consAddr(t, signer.key))
	require.NotNil(t, member, "the consumer runs with the assigned key")
	require.NoError(t, c.Path.EndpointB.UpdateClient(), "the provider verifies consumer headers signed with it")
	requireKeyMapsInverse(t, n)
}

func genesisKeys(genesis ccv.ConsumerGenesisState) []string {
	var keys []string
	for _, u := range genesis.Provider.InitialValSet {
		keys = append(keys, u.PubKey.String())
	}
	return keys
}

// TestKeyAssignedAfterLaunchReachesConsumerAtNextEpoch: the consumer gets
// (old key, 0) and (new key, power) at the next epoch, and only the
// consumer the key was assigned on.
func TestKeyAssignedAfterLaunchReachesConsumerAtNextEpoch(t *testing.T) {
	n := newNetwork(t)
	a, b := n.Consumers[0], n.Consumers[1]
	val := strongestValidator(t, n)
	providerKey, err := val.CmtConsPublicKey()
	require.NoError(t, err)
	pk := ccvtesting.ProviderApp(n.Provider).ProviderKeeper
	power, err := ccvtesting.ProviderApp(n.Provider).StakingKeeper.GetLastValidatorPower(n.Provider.GetContext(), mustValAddr(t, val))
	require.NoError(t, err)

	first := newConsumerSigner(t, "first-key")
	n.AddConsumerSigner(first.pv)
	require.NoError(t, assignKey(t, n, val, a.ID, first.json))
	n.EndEpoch()
	requireRotation(t, n, a, providerKey, first.key, power)
	require.Empty(t, n.RelayVSCPackets(b), "the other consumer keeps the provider key")
	require.NoError(t, a.Path.EndpointB.UpdateClient(), "the consumer now signs with the assigned key")

	// Rotate again: the first key is replaced, and still resolves to the
	// validator until it is pruned.
	second := newConsumerSigner(t, "second-key")
	n.AddConsumerSigner(second.pv)
	require.NoError(t, assignKey(t, n, val, a.ID, second.json))
	n.EndEpoch()
	requireRotation(t, n, a, first.key, second.key, power)
	ctx := n.Provider.GetContext()
	providerAddr, err := val.GetConsAddr()
	require.NoError(t, err)
	for _, key := range []cmtcrypto.PublicKey{first.key, second.key} {
		got, err := pk.ProviderAddrFromConsumerAddr(ctx, a.ID, consAddr(t, key))
		require.NoError(t, err)
		require.Equal(t, sdk.ConsAddress(providerAddr), got)
	}
	require.ErrorIs(t, assignKey(t, n, val, a.ID, first.json), providertypes.ErrConsumerKeyInUse)
	requireKeyMapsInverse(t, n)

	res, err := providerkeeper.NewQueryServer(pk).QueryValidatorConsumerAddr(ctx, &providertypes.QueryValidatorConsumerAddrRequest{
		ConsumerId: a.ID, ProviderAddress: sdk.ConsAddress(providerAddr).String(),
	})
	require.NoError(t, err)
	require.Equal(t, sdk.ConsAddress(consAddr(t, second.key)).String(), res.ConsumerAddress)
}

// requireRotation relays c's VSC packet and checks it swaps oldKey for
// newKey, and that the consumer's next CometBFT set does too.
func requireRotation(t *testing.T, n *ccvtesting.Network, c *ccvtesting.Consumer, oldKey, newKey cmtcrypto.PublicKey, power int64) {
	t.Helper()
	packets := n.RelayVSCPackets(c)
	require.Len(t, packets, 1)
	vsc, err := ccv.UnmarshalValidatorSetChangePacketData(packets[0].Data)
	require.NoError(t, err)
	require.ElementsMatch(t, []abci.ValidatorUpdate{{PubKey: oldKey, Power: 0}, {PubKey: newKey, Power: power}}, vsc.ValidatorUpdates)
	_, gone := c.Chain.NextVals.GetByAddress(consAddr(t, oldKey))
	require.Nil(t, gone)
	_, added := c.Chain.NextVals.GetByAddress(consAddr(t, newKey))
	require.NotNil(t, added)
	require.Equal(t, power, added.VotingPower)
	n.Coord.CommitBlock(n.Provider, c.Chain) // the consumer's set changes
}

func mustValAddr(t *testing.T, val stakingtypes.Validator) sdk.ValAddress {
	t.Helper()
	addr, err := sdk.ValAddressFromBech32(val.GetOperator())
	require.NoError(t, err)
	return addr
}

// TestGenesisRoundTripKeepsKeyAssignments: a provider export with current
// and replaced keys imports into a fresh app and exports identically.
func TestGenesisRoundTripKeepsKeyAssignments(t *testing.T) {
	n := newNetwork(t)
	val := strongestValidator(t, n)
	for i, seed := range []string{"one", "two"} {
		s := newConsumerSigner(t, seed)
		n.AddConsumerSigner(s.pv)
		require.NoError(t, assignKey(t, n, val, n.Consumers[0].ID, s.json), "assignment %d", i)
	}
	n.CreateConsumer("registered-1", time.Time{})
	n.EndEpoch()
	n.RelayVSCPackets(n.Consumers[0])
	n.Coord.CommitBlock(n.Provider, n.Consumers[0].Chain, n.Consumers[1].Chain)
	requireKeyMapsInverse(t, n)

	fresh := providerapp.NewProviderApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.EmptyAppOptions{},
		baseapp.SetChainID(n.Provider.ChainID))
	roundTrip(t, ccvtesting.ProviderApp(n.Provider), freshApp{
		fresh.InitChain,
		exportModule(t, fresh.ModuleManager, fresh.AppCodec(), fresh.NewContextLegacy, n.Provider.ChainID),
	},
		n.Provider, providertypes.ModuleName, `"consumer_addrs_to_prune_v2":[{`)
}
