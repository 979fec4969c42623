package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	cmted25519 "github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/cometbft/cometbft/crypto/tmhash"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmtprotoversion "github.com/cometbft/cometbft/proto/tendermint/version"
	cmttypes "github.com/cometbft/cometbft/types"
	cmtversion "github.com/cometbft/cometbft/version"

	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

const consumerClientID = "07-tendermint-0"

// valKeys are four consumer validators of equal power, in the order of
// their validator set.
func valKeys(tb testing.TB) ([]cmted25519.PrivKey, *cmttypes.ValidatorSet) {
	tb.Helper()
	var vals []*cmttypes.Validator
	byAddr := map[string]cmted25519.PrivKey{}
	for seed := byte(1); seed <= 4; seed++ {
		k := consumerPrivKey(seed)
		byAddr[k.PubKey().Address().String()] = k
		vals = append(vals, cmttypes.NewValidator(k.PubKey(), 10))
	}
	set := cmttypes.NewValidatorSet(vals)
	keys := make([]cmted25519.PrivKey, set.Size())
	for i, v := range set.Validators {
		keys[i] = byAddr[v.Address.String()]
	}
	return keys, set
}

// testHeader is a consumer header at height committed in round by the
// validators at the given indexes.
func testHeader(tb testing.TB, chainID string, height int64, when time.Time, appHash []byte, round int32, signers ...int) *ibctm.Header {
	tb.Helper()
	keys, vals := valKeys(tb)
	filler := tmhash.Sum([]byte("filler"))
	h := cmttypes.Header{
		Version: cmtprotoversion.Consensus{Block: cmtversion.BlockProtocol, App: 2},
		ChainID: chainID, Height: height, Time: when,
		LastBlockID:    cmttypes.BlockID{Hash: filler, PartSetHeader: cmttypes.PartSetHeader{Total: 1, Hash: filler}},
		LastCommitHash: filler, DataHash: filler, ConsensusHash: filler, LastResultsHash: filler, EvidenceHash: filler,
		ValidatorsHash: vals.Hash(), NextValidatorsHash: vals.Hash(), AppHash: appHash,
		ProposerAddress: vals.Validators[0].Address,
	}
	blockID := cmttypes.BlockID{Hash: h.Hash(), PartSetHeader: cmttypes.PartSetHeader{Total: 1, Hash: filler}}
	commit := &cmttypes.Commit{Height: height, Round: round, BlockID: blockID, Signatures: make([]cmttypes.CommitSig, vals.Size())}
	for i := range commit.Signatures {
		commit.Signatures[i] = cmttypes.NewCommitSigAbsent()
	}
	for _, i := range signers {
		commit.Signatures[i] = cmttypes.CommitSig{BlockIDFlag: cmttypes.BlockIDFlagCommit, ValidatorAddress: vals.Validators[i].Address, Timestamp: when}
		sig, err := keys[i].Sign(commit.VoteSignBytes(chainID, int32(i)))
		require.NoError(tb, err)
		commit.Signatures[i].Signature = sig
	}
	set, err := vals.ToProto()
	require.NoError(tb, err)
	return &ibctm.Header{
		SignedHeader:      &cmtproto.SignedHeader{Header: h.ToProto(), Commit: commit.ToProto()},
		ValidatorSet:      set,
		TrustedHeight:     clienttypes.NewHeight(1, uint64(height-1)),
		TrustedValidators: set,
	}
}

// attack is a light-client attack at height 10: validators 0 and 1 sign
// both forks, 2 and 3 one each.
func attack(tb testing.TB) *ibctm.Misbehaviour {
	tb.Helper()
	return &ibctm.Misbehaviour{
		ClientId: consumerClientID,
		Header1:  testHeader(tb, consumerChainID, 10, genesisTime, []byte("fork-one"), 0, 0, 1, 2),
		Header2:  testHeader(tb, consumerChainID, 10, genesisTime, []byte("fork-two"), 0, 0, 1, 3),
	}
}

func TestCheckLightClientAttack(t *testing.T) {
	m := attack(t)
	require.NoError(t, types.ValidateMisbehaviour(m))
	lca, err := keeper.CheckLightClientAttack(consumerChainID, consumerClientID, m)
	require.NoError(t, err)
	require.False(t, lca.Amnesia)
	require.Equal(t, int64(10), lca.Height)
	_, vals := valKeys(t)
	want := []sdk.ConsAddress{sdk.ConsAddress(vals.Validators[0].Address), sdk.ConsAddress(vals.Validators[1].Address)}
	if string(want[0]) > string(want[1]) {
		want[0], want[1] = want[1], want[0]
	}
	require.Equal(t, want, lca.Byzantine, "the signers of both headers, in address order")

	swapped := &ibctm.Misbehaviour{ClientId: m.ClientId, Header1: m.Header2, Header2: m.Header1}
	again, err := keeper.CheckLightClientAttack(consumerChainID, consumerClientID, swapped)
	require.NoError(t, err)
	require.Equal(t, lca.Key, again.Key, "the same attack whichever header comes first")
}

func TestCheckLightClientAttackSkipsBadSignatures(t *testing.T) {
	m := attack(t)
	// Validator 1's signature on header 2 is garbage; the light client
	// would not notice once it has enough power, but it punishes nobody.
	m.Header2.Commit.Signatures[1].Signature[0] ^= 0xff
	lca, err := keeper.CheckLightClientAttack(consumerChainID, consumerClientID, m)
	require.NoError(t, err)
	_, vals := valKeys(t)
	require.Equal(t, []sdk.ConsAddress{sdk.ConsAddress(vals.Validators[0].Address)}, lca.Byzantine)
}

func TestCheckLightClientAttackAmnesia(t *testing.T) {
	same := []byte("same-app-hash")
	m := &ibctm.Misbehaviour{
		ClientId: consumerClientID,
		Header1:  testHeader(t, consumerChainID, 10, genesisTime, same, 0, 0, 1, 2),
		Header2:  testHeader(t, consumerChainID, 10, genesisTime.Add(time.Second), same, 1, 0, 1, 2),
	}
	require.NoError(t, types.ValidateMisbehaviour(m))
	lca, err := keeper.CheckLightClientAttack(consumerChainID, consumerClientID, m)
	require.NoError(t, err)
	require.True(t, lca.Amnesia)
	require.Empty(t, lca.Byzantine)

	// The same round is an equivocation, not amnesia.
	m.Header2 = testHeader(t, consumerChainID, 10, genesisTime.Add(time.Second), same, 0, 0, 1, 2)
	lca, err = keeper.CheckLightClientAttack(consumerChainID, consumerClientID, m)
	require.NoError(t, err)
	require.False(t, lca.Amnesia)
	require.Len(t, lca.Byzantine, 3)
}

func TestCheckLightClientAttackRefusals(t *testing.T) {
	tests := []struct {
		name     string
		malleate func(m *ibctm.Misbehaviour)
	}{
		{"another chain's headers", func(m *ibctm.Misbehaviour) {
			m.Header1 = testHeader(t, "other-1", 10, genesisTime, []byte("a"), 0, 0, 1, 2)
			m.Header2 = testHeader(t, "other-1", 10, genesisTime, []byte("b"), 0, 0, 1, 3)
		}},
		{"another client", func(m *ibctm.Misbehaviour) { m.ClientId = "07-tendermint-7" }},
		{"different heights", func(m *ibctm.Misbehaviour) {
			m.Header1 = testHeader(t, consumerChainID, 11, genesisTime, []byte("a"), 0, 0, 1, 2)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := attack(t)
			tc.malleate(m)
			require.NoError(t, types.ValidateMisbehaviour(m))
			_, err := keeper.CheckLightClientAttack(consumerChainID, consumerClientID, m)
			require.ErrorIs(t, err, types.ErrInvalidMisbehaviour)
		})
	}
}

func TestMisbehaviourRefusedBeforeLightClient(t *testing.T) {
	f, l, id := evidenceFixture(t)
	submit := func(m *ibctm.Misbehaviour) error {
		_, err := f.msgServer().SubmitConsumerMisbehaviour(f.ctx, &types.MsgSubmitConsumerMisbehaviour{
			Submitter: otherAddr, ConsumerId: id, Misbehaviour: m,
		})
		return err
	}
	m := attack(t)
	m.Header2 = nil
	require.ErrorIs(t, submit(m), types.ErrInvalidMisbehaviour)
	require.NoError(t, f.k.EquivocationEvidenceMinHeight.Set(f.ctx, id, 11))
	require.ErrorIs(t, submit(attack(t)), types.ErrEvidenceBelowMinHeight)
	require.Empty(t, l.slashes)
}
