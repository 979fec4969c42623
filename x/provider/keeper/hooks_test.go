package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// seedKeyJSON is the consensus key addValidator(seed, ...) gives, as JSON.
func seedKeyJSON(f *fixture, seed byte) string {
	f.t.Helper()
	key, err := cryptocodec.ToCmtProtoPublicKey(ed25519.GenPrivKeyFromSecret([]byte{seed}).PubKey())
	require.NoError(f.t, err)
	js, err := types.ConsumerKeyJSON(key)
	require.NoError(f.t, err)
	return js
}

var _ stakingtypes.StakingHooks = keeper.Hooks{}

// TestAfterValidatorCreatedRefusesConsumerKeys: a new validator may not
// take a consensus key that another validator uses, or used within the
// prune window, as a consumer key.
func TestAfterValidatorCreatedRefusesConsumerKeys(t *testing.T) {
	f := newKeysFixture(t, 30, 20)
	launched := f.launchedConsumer("07-tendermint-0")
	registered := f.createConsumer(time.Time{})
	// Validators created later, with seeds 7 and 8, have these keys.
	require.NoError(t, f.assign(f.validators[0], registered, seedKeyJSON(f, 7)))
	require.NoError(t, f.assign(f.validators[1], launched, seedKeyJSON(f, 8)))
	_, js := consumerKey(f, "replacement")
	require.NoError(t, f.assign(f.validators[1], launched, js)) // seed 8's key is held until pruned
	newcomer := f.addValidator(7, 0)
	retiredOwner := f.addValidator(8, 0)

	hooks := f.k.Hooks()
	require.ErrorIs(t, hooks.AfterValidatorCreated(f.ctx, newcomer.valAddr), types.ErrConsumerKeyInUse)
	require.ErrorIs(t, hooks.AfterValidatorCreated(f.ctx, retiredOwner.valAddr), types.ErrConsumerKeyInUse)
	free := f.addValidator(9, 0)
	require.NoError(t, hooks.AfterValidatorCreated(f.ctx, free.valAddr))

	// Once the replaced key is pruned, its owner may create a validator.
	f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(unbondingPeriod))
	require.NoError(t, f.k.PruneKeyAssignments(f.ctx))
	require.NoError(t, hooks.AfterValidatorCreated(f.ctx, retiredOwner.valAddr))
}

// TestAfterValidatorRemovedForgetsItsChoices: a removed validator's keys
// and commission rates go; other validators keep theirs.
func TestAfterValidatorRemovedForgetsItsChoices(t *testing.T) {
	f := newKeysFixture(t, 30, 20)
	a, b := f.createConsumer(time.Time{}), f.createConsumer(time.Time{})
	gone, stays := f.validators[0], f.validators[1]
	for _, id := range []string{a, b} {
		_, js := consumerKey(f, "gone"+id)
		require.NoError(t, f.assign(gone, id, js))
		_, js = consumerKey(f, "stays"+id)
		require.NoError(t, f.assign(stays, id, js))
		require.NoError(t, f.k.SetConsumerCommissionRate(f.ctx, id, gone.consAddr, minCommissionRate))
		require.NoError(t, f.k.SetConsumerCommissionRate(f.ctx, id, stays.consAddr, minCommissionRate))
	}

	require.NoError(t, f.k.Hooks().AfterValidatorRemoved(f.ctx, gone.consAddr, gone.valAddr))
	require.NoError(t, f.k.CheckKeyAssignmentInvariant(f.ctx))
	for _, id := range []string{a, b} {
		_, has, err := f.k.GetValidatorConsumerKey(f.ctx, id, gone.consAddr)
		require.NoError(t, err)
		require.False(t, has)
		_, has, err = f.k.GetValidatorConsumerKey(f.ctx, id, stays.consAddr)
		require.NoError(t, err)
		require.True(t, has)
		hasRate, err := f.k.ConsumerCommissionRate.Has(f.ctx, collections.Join(id, []byte(gone.consAddr)))
		require.NoError(t, err)
		require.False(t, hasRate)
		hasRate, err = f.k.ConsumerCommissionRate.Has(f.ctx, collections.Join(id, []byte(stays.consAddr)))
		require.NoError(t, err)
		require.True(t, hasRate)
		// The removed validator's key is free for others.
		_, js := consumerKey(f, "gone"+id)
		require.NoError(t, f.assign(stays, id, js))
	}
}
