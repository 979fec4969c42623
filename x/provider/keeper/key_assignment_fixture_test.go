package keeper_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	"cosmossdk.io/math"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/cosmos/ibc-go/v11/modules/core/exported"

	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// minCommissionRate is the staking minimum in the key-assignment tests.
var minCommissionRate = math.LegacyNewDecWithPrec(5, 2)

// newKeysFixture is a fixture whose staking mock also finds validators by
// operator and consensus address and knows the minimum commission.
func newKeysFixture(t *testing.T, powers ...int64) *fixture {
	t.Helper()
	f := newFixture(t, powers...)
	f.staking.EXPECT().GetValidator(gomock.Any(), gomock.Any()).DoAndReturn(
		func(_ context.Context, addr sdk.ValAddress) (stakingtypes.Validator, error) {
			for _, v := range f.validators {
				if bytes.Equal(v.valAddr, addr) {
					return v.val, nil
				}
			}
			return stakingtypes.Validator{}, stakingtypes.ErrNoValidatorFound
		}).AnyTimes()
	f.staking.EXPECT().GetValidatorByConsAddr(gomock.Any(), gomock.Any()).DoAndReturn(
		func(_ context.Context, addr sdk.ConsAddress) (stakingtypes.Validator, error) {
			for _, v := range f.validators {
				if bytes.Equal(v.consAddr, addr) {
					return v.val, nil
				}
			}
			return stakingtypes.Validator{}, stakingtypes.ErrNoValidatorFound
		}).AnyTimes()
	f.staking.EXPECT().MinCommissionRate(gomock.Any()).Return(minCommissionRate, nil).AnyTimes()
	return f
}

// consumerKey is a deterministic ed25519 key, in proto and JSON form.
func consumerKey(f *fixture, seed string) (cmtprotocrypto.PublicKey, string) {
	f.t.Helper()
	pk := ed25519.GenPrivKeyFromSecret([]byte(seed)).PubKey()
	key, err := cryptocodec.ToCmtProtoPublicKey(pk)
	require.NoError(f.t, err)
	js, err := types.ConsumerKeyJSON(key)
	require.NoError(f.t, err)
	return key, js
}

// providerKeyJSON is a validator's provider consensus key in JSON form.
func providerKeyJSON(f *fixture, v *testValidator) string {
	f.t.Helper()
	key, err := v.val.CmtConsPublicKey()
	require.NoError(f.t, err)
	js, err := types.ConsumerKeyJSON(key)
	require.NoError(f.t, err)
	return js
}

func accountOf(v *testValidator) string { return sdk.AccAddress(v.valAddr).String() }

func assignMsg(v *testValidator, consumerID, keyJSON string) *types.MsgAssignConsumerKey {
	return &types.MsgAssignConsumerKey{
		ProviderAddr: v.val.GetOperator(), ConsumerKey: keyJSON, Signer: accountOf(v), ConsumerId: consumerID,
	}
}

func (f *fixture) assign(v *testValidator, consumerID, keyJSON string) error {
	_, err := f.msgServer().AssignConsumerKey(f.ctx, assignMsg(v, consumerID, keyJSON))
	return err
}

func keyAddr(f *fixture, key cmtprotocrypto.PublicKey) sdk.ConsAddress {
	f.t.Helper()
	addr, err := types.ConsumerKeyAddr(key)
	require.NoError(f.t, err)
	return addr
}

// launchWithClient launches a consumer due now, its client getting
// clientID.
func (f *fixture) launchWithClient(id, clientID string) {
	f.t.Helper()
	f.clients.EXPECT().CreateClient(gomock.Any(), exported.Tendermint, gomock.Any(), gomock.Any()).Return(clientID, nil)
	require.NoError(f.t, f.k.BeginBlock(f.ctx))
	require.Equal(f.t, types.CONSUMER_PHASE_LAUNCHED, f.k.MustGetConsumerPhase(f.ctx, id))
}

// launchedConsumer creates a consumer and launches it.
func (f *fixture) launchedConsumer(clientID string) string {
	f.t.Helper()
	id := f.createConsumer(f.ctx.BlockTime())
	f.launchWithClient(id, clientID)
	return id
}

// stopConsumer launches a consumer and has its owner remove it.
func (f *fixture) stopConsumer(clientID string) string {
	f.t.Helper()
	id := f.launchedConsumer(clientID)
	_, err := f.msgServer().RemoveConsumer(f.ctx, &types.MsgRemoveConsumer{ConsumerId: id, Owner: ownerAddr})
	require.NoError(f.t, err)
	return id
}
