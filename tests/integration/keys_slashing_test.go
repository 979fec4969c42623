package integration_test

import (
	"encoding/base64"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/rampart-ics/rampart/testutil/ccvtesting"
	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	providerkeeper "github.com/rampart-ics/rampart/x/provider/keeper"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// TestDowntimeWithAssignedKeyJailsTheProviderValidator: a consumer reports
// downtime under the key a validator assigned there; the provider resolves
// it to that validator and jails it, and the record names both addresses.
func TestDowntimeWithAssignedKeyJailsTheProviderValidator(t *testing.T) {
	n := newSlashingNetwork(t)
	a := n.Consumers[0]
	val := n.vals[0]
	providerKey, err := val.CmtConsPublicKey()
	require.NoError(t, err)
	power, err := n.providerApp().StakingKeeper.GetLastValidatorPower(n.Provider.GetContext(), mustValAddr(t, val))
	require.NoError(t, err)

	signer := newConsumerSigner(t, "downtime-key")
	n.AddConsumerSigner(signer.pv)
	require.NoError(t, assignKey(t, n.Network, val, a.ID, signer.json))
	n.EndEpoch()
	requireRotation(t, n.Network, a, providerKey, signer.key, power)

	consumerAddr := sdk.ConsAddress(consAddr(t, signer.key))
	require.NotEqual(t, n.consAddr(0), consumerAddr)
	ctx := a.Chain.GetContext()
	_, err = ccvtesting.ConsumerApp(a.Chain).ConsumerKeeper.SlashWithInfractionReason(ctx, consumerAddr, ctx.BlockHeight()-1, power,
		math.LegacyZeroDec(), stakingtypes.Infraction_INFRACTION_DOWNTIME)
	require.NoError(t, err)
	n.Coord.CommitBlock(a.Chain)

	result, _ := n.relaySlash(a)
	require.Equal(t, ccv.SlashPacketHandledResult[0], result)
	require.True(t, n.jailed(0), "the validator behind the assigned key is jailed")
	for i := 1; i < len(n.vals); i++ {
		require.False(t, n.jailed(i), "validator %d", i)
	}
	records := n.punishments()
	require.Len(t, records, 1)
	require.Equal(t, n.consAddr(0).String(), records[0].ProviderAddress)
	require.Equal(t, consumerAddr.String(), records[0].ConsumerAddress)
}

// TestRejectedKeyAssignmentsSayWhy: each refused assignment on a running
// network returns its own error and changes nothing.
func TestRejectedKeyAssignmentsSayWhy(t *testing.T) {
	n := newNetwork(t)
	a := n.Consumers[0]
	pk := ccvtesting.ProviderApp(n.Provider).ProviderKeeper
	vals, err := ccvtesting.ProviderApp(n.Provider).StakingKeeper.GetBondedValidatorsByPower(n.Provider.GetContext())
	require.NoError(t, err)
	v0, v1 := vals[0], vals[1]
	keyJSON := func(val stakingtypes.Validator) string {
		key, err := val.CmtConsPublicKey()
		require.NoError(t, err)
		js, err := providertypes.ConsumerKeyJSON(key)
		require.NoError(t, err)
		return js
	}
	taken := newConsumerSigner(t, "taken-key")
	require.NoError(t, assignKey(t, n, v1, a.ID, taken.json))
	secp := secp256k1.GenPrivKeyFromSecret([]byte("secp")).PubKey().Bytes()

	cases := []struct {
		name string
		key  string
		want error
	}{
		{"not JSON", "ed25519:abc", providertypes.ErrInvalidConsumerKey},
		{
			"not ed25519", fmt.Sprintf(`{"@type":"/cosmos.crypto.secp256k1.PubKey","key":"%s"}`, base64.StdEncoding.EncodeToString(secp)),
			providertypes.ErrInvalidConsumerKey,
		},
		{"short ed25519 key", `{"@type":"/cosmos.crypto.ed25519.PubKey","key":"AA=="}`, providertypes.ErrInvalidConsumerKey},
		{"another validator's provider key", keyJSON(v1), providertypes.ErrKeyIsProviderKey},
		{"its own provider key before any other", keyJSON(v0), providertypes.ErrCannotAssignDefaultKeyAssignment},
		{"a key another validator uses on the consumer", taken.json, providertypes.ErrConsumerKeyInUse},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorIs(t, assignKey(t, n, v0, a.ID, tc.key), tc.want)
		})
	}

	unknown := sdk.ValAddress([]byte("not_a_validator_____"))
	_, err = providerkeeper.NewMsgServerImpl(pk).AssignConsumerKey(n.Provider.GetContext(), &providertypes.MsgAssignConsumerKey{
		ProviderAddr: unknown.String(), ConsumerKey: newConsumerSigner(t, "free-key").json,
		Signer: sdk.AccAddress(unknown).String(), ConsumerId: a.ID,
	})
	require.ErrorIs(t, err, providertypes.ErrNoValidatorProviderAddress)

	res, err := providerkeeper.NewQueryServer(pk).QueryAllPairsValConsAddrByConsumer(n.Provider.GetContext(),
		&providertypes.QueryAllPairsValConsAddrByConsumerRequest{ConsumerId: a.ID})
	require.NoError(t, err)
	require.Len(t, res.PairValConAddr, 1, "only the accepted assignment exists")
	requireKeyMapsInverse(t, n)
}
