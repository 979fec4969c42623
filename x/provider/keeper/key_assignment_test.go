package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// keyScene is a provider with three validators, a registered consumer, a
// launched one and a stopped one. On the launched consumer validator 0
// holds "held" and validator 1 replaced "old" by "new".
type keyScene struct {
	f                             *fixture
	registered, launched, stopped string
}

func newKeyScene(t *testing.T) keyScene {
	t.Helper()
	f := newKeysFixture(t, 30, 20, 10)
	s := keyScene{f: f, registered: f.createConsumer(time.Time{})}
	s.launched = f.launchedConsumer("07-tendermint-0")
	s.stopped = f.stopConsumer("07-tendermint-1")
	_, held := consumerKey(f, "held")
	_, old := consumerKey(f, "old")
	_, replacement := consumerKey(f, "new")
	require.NoError(t, f.assign(f.validators[0], s.launched, held))
	require.NoError(t, f.assign(f.validators[1], s.launched, old))
	require.NoError(t, f.assign(f.validators[1], s.launched, replacement))
	require.NoError(t, f.k.CheckKeyAssignmentInvariant(f.ctx))
	return s
}

func TestAssignConsumerKeyRules(t *testing.T) {
	secp, err := cryptocodec.ToCmtProtoPublicKey(secp256k1.GenPrivKeyFromSecret([]byte("s")).PubKey())
	require.NoError(t, err)
	strangerKey := ed25519.GenPrivKeyFromSecret([]byte("stranger")).PubKey()
	stranger := sdk.ValAddress(strangerKey.Address())

	tests := []struct {
		name   string
		msg    func(s keyScene) *types.MsgAssignConsumerKey
		expErr error
	}{
		{"key is not JSON", func(s keyScene) *types.MsgAssignConsumerKey {
			return assignMsg(s.f.validators[2], s.launched, "ed25519:AAAA")
		}, types.ErrInvalidConsumerKey},
		{"secp256k1 key", func(s keyScene) *types.MsgAssignConsumerKey {
			js, err := types.ConsumerKeyJSON(secp)
			require.NoError(t, err)
			return assignMsg(s.f.validators[2], s.launched, js)
		}, types.ErrInvalidConsumerKey},
		{"deprecated chain id set", func(s keyScene) *types.MsgAssignConsumerKey {
			_, js := consumerKey(s.f, "fresh")
			msg := assignMsg(s.f.validators[2], s.launched, js)
			msg.ChainId = "consumer-1" //nolint:staticcheck // the deprecated field must be rejected when set
			return msg
		}, types.ErrInvalidDeprecatedField},
		{"signer is not the validator's account", func(s keyScene) *types.MsgAssignConsumerKey {
			_, js := consumerKey(s.f, "fresh")
			msg := assignMsg(s.f.validators[2], s.launched, js)
			msg.Signer = accountOf(s.f.validators[1])
			return msg
		}, types.ErrUnauthorized},
		{"unknown validator", func(s keyScene) *types.MsgAssignConsumerKey {
			_, js := consumerKey(s.f, "fresh")
			return &types.MsgAssignConsumerKey{
				ProviderAddr: stranger.String(), ConsumerKey: js,
				Signer: sdk.AccAddress(stranger).String(), ConsumerId: s.launched,
			}
		}, types.ErrNoValidatorProviderAddress},
		{"unknown consumer", func(s keyScene) *types.MsgAssignConsumerKey {
			_, js := consumerKey(s.f, "fresh")
			return assignMsg(s.f.validators[2], "99", js)
		}, types.ErrUnknownConsumerID},
		{"stopped consumer", func(s keyScene) *types.MsgAssignConsumerKey {
			_, js := consumerKey(s.f, "fresh")
			return assignMsg(s.f.validators[2], s.stopped, js)
		}, types.ErrInvalidPhase},
		{"another validator's provider key", func(s keyScene) *types.MsgAssignConsumerKey {
			return assignMsg(s.f.validators[2], s.launched, providerKeyJSON(s.f, s.f.validators[0]))
		}, types.ErrKeyIsProviderKey},
		{"own provider key before any assignment", func(s keyScene) *types.MsgAssignConsumerKey {
			return assignMsg(s.f.validators[2], s.launched, providerKeyJSON(s.f, s.f.validators[2]))
		}, types.ErrCannotAssignDefaultKeyAssignment},
		{"key another validator holds", func(s keyScene) *types.MsgAssignConsumerKey {
			_, js := consumerKey(s.f, "held")
			return assignMsg(s.f.validators[2], s.launched, js)
		}, types.ErrConsumerKeyInUse},
		{"key the validator holds already", func(s keyScene) *types.MsgAssignConsumerKey {
			_, js := consumerKey(s.f, "held")
			return assignMsg(s.f.validators[0], s.launched, js)
		}, types.ErrConsumerKeyInUse},
		{"key the validator replaced within the prune window", func(s keyScene) *types.MsgAssignConsumerKey {
			_, js := consumerKey(s.f, "old")
			return assignMsg(s.f.validators[1], s.launched, js)
		}, types.ErrConsumerKeyInUse},
		{"key another validator replaced within the prune window", func(s keyScene) *types.MsgAssignConsumerKey {
			_, js := consumerKey(s.f, "old")
			return assignMsg(s.f.validators[2], s.launched, js)
		}, types.ErrConsumerKeyInUse},
		{"fresh key", func(s keyScene) *types.MsgAssignConsumerKey {
			_, js := consumerKey(s.f, "fresh")
			return assignMsg(s.f.validators[2], s.launched, js)
		}, nil},
		{"key held elsewhere, on another consumer", func(s keyScene) *types.MsgAssignConsumerKey {
			_, js := consumerKey(s.f, "held")
			return assignMsg(s.f.validators[2], s.registered, js)
		}, nil},
		{"back to the own provider key", func(s keyScene) *types.MsgAssignConsumerKey {
			return assignMsg(s.f.validators[0], s.launched, providerKeyJSON(s.f, s.f.validators[0]))
		}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newKeyScene(t)
			before, err := s.f.k.ExportGenesis(s.f.ctx)
			require.NoError(t, err)
			msg := tc.msg(s)
			_, err = s.f.msgServer().AssignConsumerKey(s.f.ctx, msg)
			require.NoError(t, s.f.k.CheckKeyAssignmentInvariant(s.f.ctx))
			after, exportErr := s.f.k.ExportGenesis(s.f.ctx)
			require.NoError(t, exportErr)
			if tc.expErr != nil {
				require.ErrorIs(t, err, tc.expErr)
				require.Equal(t, before, after, "a refused assignment changes nothing")
				return
			}
			require.NoError(t, err)
			key, err := types.ParseConsumerKey(msg.ConsumerKey)
			require.NoError(t, err)
			val := validatorByOperator(s.f, msg.ProviderAddr)
			got, has, err := s.f.k.GetValidatorConsumerKey(s.f.ctx, msg.ConsumerId, val.consAddr)
			require.NoError(t, err)
			require.True(t, has)
			require.Equal(t, key, got)
			require.Contains(t, eventTypes(s.f), keeper.EventTypeAssignConsumerKey)
		})
	}
}

func validatorByOperator(f *fixture, valoper string) *testValidator {
	for _, v := range f.validators {
		if v.val.GetOperator() == valoper {
			return v
		}
	}
	f.t.Fatalf("no validator %s", valoper)
	return nil
}

// TestReplacedKeyBeforeLaunchIsFreedAtOnce: a consumer that has not
// launched cannot have seen the old key, so it is forgotten at once.
func TestReplacedKeyBeforeLaunchIsFreedAtOnce(t *testing.T) {
	f := newKeysFixture(t, 30, 20)
	id := f.createConsumer(time.Time{})
	v := f.validators[0]
	oldKey, oldJS := consumerKey(f, "old")
	_, newJS := consumerKey(f, "new")
	require.NoError(t, f.assign(v, id, oldJS))
	require.NoError(t, f.assign(v, id, newJS))

	has, err := f.k.ValidatorsByConsumerAddr.Has(f.ctx, collections.Join(id, []byte(keyAddr(f, oldKey))))
	require.NoError(t, err)
	require.False(t, has)
	require.NoError(t, f.k.CheckKeyAssignmentInvariant(f.ctx))
	// Another validator may take the freed key.
	require.NoError(t, f.assign(f.validators[1], id, oldJS))
}

// TestReplacedKeyAfterLaunchIsPrunedAfterUnbonding: a launched consumer may
// still report infractions signed with the old key for one unbonding
// period; the old address resolves until then and is pruned in EndBlock.
func TestReplacedKeyAfterLaunchIsPrunedAfterUnbonding(t *testing.T) {
	f := newKeysFixture(t, 30, 20)
	id := f.launchedConsumer("07-tendermint-0")
	v := f.validators[0]
	oldKey, oldJS := consumerKey(f, "old")
	_, newJS := consumerKey(f, "new")
	require.NoError(t, f.assign(v, id, oldJS))
	replacedAt := f.ctx.BlockTime()
	require.NoError(t, f.assign(v, id, newJS))
	oldAddr := keyAddr(f, oldKey)

	resolve := func() sdk.ConsAddress {
		addr, err := f.k.ProviderAddrFromConsumerAddr(f.ctx, id, oldAddr)
		require.NoError(t, err)
		return addr
	}
	f.ctx = f.ctx.WithBlockTime(replacedAt.Add(unbondingPeriod - time.Second))
	_, err := f.k.EndBlock(f.ctx)
	require.NoError(t, err)
	require.Equal(t, v.consAddr, resolve(), "the old key still resolves within the unbonding period")
	require.ErrorIs(t, f.assign(f.validators[1], id, oldJS), types.ErrConsumerKeyInUse)

	f.ctx = f.ctx.WithBlockTime(replacedAt.Add(unbondingPeriod))
	_, err = f.k.EndBlock(f.ctx)
	require.NoError(t, err)
	require.Equal(t, oldAddr, resolve(), "once pruned, the old address is nobody's assignment")
	pending, err := f.k.ConsumerAddrsToPrune.Iterate(f.ctx, nil)
	require.NoError(t, err)
	keys, err := pending.Keys()
	require.NoError(t, err)
	require.Empty(t, keys)
	require.NoError(t, f.k.CheckKeyAssignmentInvariant(f.ctx))

	// The current key is untouched, and the old one is free again.
	newKey, _ := consumerKey(f, "new")
	require.Equal(t, v.consAddr, mustResolve(f, id, keyAddr(f, newKey)))
	require.NoError(t, f.assign(f.validators[1], id, oldJS))
}

func mustResolve(f *fixture, consumerID string, addr sdk.ConsAddress) sdk.ConsAddress {
	f.t.Helper()
	out, err := f.k.ProviderAddrFromConsumerAddr(f.ctx, consumerID, addr)
	require.NoError(f.t, err)
	return out
}

// TestAssignedKeyIsUsedInConsumerSets: a key assigned before launch is in
// the consumer genesis; one assigned after launch replaces the old key at
// the next epoch, as (old key, 0) and (new key, power).
func TestAssignedKeyIsUsedInConsumerSets(t *testing.T) {
	f := newKeysFixture(t, 30, 20)
	id := f.createConsumer(f.ctx.BlockTime())
	v := f.validators[0]
	first, firstJS := consumerKey(f, "first")
	require.NoError(t, f.assign(v, id, firstJS))
	f.launchWithClient(id, "07-tendermint-0")

	genesis, err := f.k.ConsumerGenesis.Get(f.ctx, id)
	require.NoError(t, err)
	providerKey1, err := f.validators[1].val.CmtConsPublicKey()
	require.NoError(t, err)
	var genesisKeys []string
	for _, u := range genesis.Provider.InitialValSet {
		genesisKeys = append(genesisKeys, u.PubKey.String())
	}
	require.ElementsMatch(t, []string{first.String(), providerKey1.String()}, genesisKeys)

	second, secondJS := consumerKey(f, "second")
	require.NoError(t, f.assign(v, id, secondJS))
	current, err := f.k.GetConsumerValSet(f.ctx, id)
	require.NoError(t, err)
	next, err := f.k.ComputeConsumerNextValSet(f.ctx, id)
	require.NoError(t, err)
	updates := keeper.DiffValidators(current, next)
	require.Len(t, updates, 2)
	require.Equal(t, first, updates[0].PubKey)
	require.Equal(t, int64(0), updates[0].Power)
	require.Equal(t, second, updates[1].PubKey)
	require.Equal(t, v.power, updates[1].Power)
}

func TestProviderAddrFromConsumerAddrFallsBackToIdentity(t *testing.T) {
	f := newKeysFixture(t, 30)
	id := f.createConsumer(time.Time{})
	v := f.validators[0]
	require.Equal(t, v.consAddr, mustResolve(f, id, v.consAddr), "no key assigned: the provider key signs")
	key, js := consumerKey(f, "k")
	require.NoError(t, f.assign(v, id, js))
	require.Equal(t, v.consAddr, mustResolve(f, id, keyAddr(f, key)))
}

func TestDeleteConsumerRemovesKeyAssignmentsAndRates(t *testing.T) {
	f := newKeysFixture(t, 30, 20)
	id := f.launchedConsumer("07-tendermint-0")
	other := f.createConsumer(time.Time{})
	_, js1 := consumerKey(f, "one")
	_, js2 := consumerKey(f, "two")
	require.NoError(t, f.assign(f.validators[0], id, js1))
	require.NoError(t, f.assign(f.validators[0], id, js2)) // leaves a prune entry
	require.NoError(t, f.assign(f.validators[0], other, js1))
	require.NoError(t, f.k.SetConsumerCommissionRate(f.ctx, id, f.validators[0].consAddr, minCommissionRate))

	require.NoError(t, f.k.DeleteConsumer(f.ctx, id))

	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	for _, a := range gs.ValidatorConsumerPubkeys {
		require.Equal(t, other, a.ChainId)
	}
	for _, m := range gs.ValidatorsByConsumerAddr {
		require.Equal(t, other, m.ChainId)
	}
	require.Empty(t, gs.ConsumerAddrsToPruneV2)
	require.Len(t, gs.ValidatorConsumerPubkeys, 1, "the other consumer keeps its assignment")
	has, err := f.k.ConsumerCommissionRate.Has(f.ctx, collections.Join(id, []byte(f.validators[0].consAddr)))
	require.NoError(t, err)
	require.False(t, has)
}
