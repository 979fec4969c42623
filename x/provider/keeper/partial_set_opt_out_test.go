package keeper_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// expectValidatorLookups lets the staking mock find the fixture's
// validators by operator and by consensus address.
func (f *fixture) expectValidatorLookups() {
	f.staking.EXPECT().GetValidator(gomock.Any(), gomock.Any()).DoAndReturn(
		func(_ context.Context, addr sdk.ValAddress) (stakingtypes.Validator, error) {
			for _, v := range f.validators {
				if v.valAddr.Equals(addr) {
					return v.val, nil
				}
			}
			return stakingtypes.Validator{}, stakingtypes.ErrNoValidatorFound
		}).AnyTimes()
	f.staking.EXPECT().GetValidatorByConsAddr(gomock.Any(), gomock.Any()).DoAndReturn(
		func(_ context.Context, addr sdk.ConsAddress) (stakingtypes.Validator, error) {
			for _, v := range f.validators {
				if v.consAddr.Equals(addr) {
					return v.val, nil
				}
			}
			return stakingtypes.Validator{}, stakingtypes.ErrNoValidatorFound
		}).AnyTimes()
}

// optOutMsg is MsgOptOut signed by the validator's own account.
func optOutMsg(id string, v *testValidator) *types.MsgOptOut {
	return &types.MsgOptOut{ProviderAddr: v.valAddr.String(), Signer: sdk.AccAddress(v.valAddr).String(), ConsumerId: id}
}

// makeTopN hands a consumer to governance, which makes it top N.
func (f *fixture) makeTopN(id string, topN uint32) {
	f.t.Helper()
	_, err := f.msgServer().UpdateConsumer(f.ctx, &types.MsgUpdateConsumer{Owner: ownerAddr, ConsumerId: id, NewOwnerAddress: govAddr})
	require.NoError(f.t, err)
	_, err = f.msgServer().UpdateConsumer(f.ctx, &types.MsgUpdateConsumer{
		Owner: govAddr, ConsumerId: id, PowerShapingParameters: &types.PowerShapingParameters{Top_N: topN},
	})
	require.NoError(f.t, err)
}

func TestOptOutRefusals(t *testing.T) {
	tests := []struct {
		name    string
		msg     func(f *fixture, launched, registered, topN string) *types.MsgOptOut
		wantErr error
	}{
		{"the deprecated chain id must be empty", func(f *fixture, id, _, _ string) *types.MsgOptOut {
			m := optOutMsg(id, f.validators[3])
			m.ChainId = "consumer-1" //nolint:staticcheck // the deprecated field is what this case sends
			return m
		}, types.ErrInvalidDeprecatedField},
		{"the consumer id must be a number", func(f *fixture, _, _, _ string) *types.MsgOptOut {
			return optOutMsg("zero", f.validators[3])
		}, types.ErrInvalidConsumerID},
		{"the provider address must be an operator address", func(f *fixture, id, _, _ string) *types.MsgOptOut {
			m := optOutMsg(id, f.validators[3])
			m.ProviderAddr = m.Signer
			return m
		}, types.ErrInvalidAddress},
		{"only the validator's account may sign", func(f *fixture, id, _, _ string) *types.MsgOptOut {
			m := optOutMsg(id, f.validators[3])
			m.Signer = ownerAddr
			return m
		}, types.ErrUnauthorized},
		{"unknown validator", func(_ *fixture, id, _, _ string) *types.MsgOptOut {
			return optOutMsg(id, &testValidator{valAddr: sdk.ValAddress("nobody______________")})
		}, types.ErrNoValidatorProviderAddress},
		{"unknown consumer", func(f *fixture, _, _, _ string) *types.MsgOptOut {
			return optOutMsg("99", f.validators[3])
		}, types.ErrUnknownConsumerID},
		{"only from a launched consumer", func(f *fixture, _, registered, _ string) *types.MsgOptOut {
			return optOutMsg(registered, f.validators[3])
		}, types.ErrInvalidPhase},
		{"a validator in the top N must stay", func(f *fixture, _, _, topN string) *types.MsgOptOut {
			return optOutMsg(topN, f.validators[1]) // 30 ≥ the minimum 30
		}, types.ErrCannotOptOutFromTopN},
		{"a validator that is not opted in", func(f *fixture, _, _, topN string) *types.MsgOptOut {
			return optOutMsg(topN, f.validators[2])
		}, types.ErrNotOptedIn},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, 40, 30, 20, 10)
			f.expectValidatorLookups()
			launched := f.createConsumer(genesisTime)
			f.launch(launched)
			registered := f.createConsumer(time.Time{})
			topN := f.createOptInConsumer(time.Time{})
			f.makeTopN(topN, 50)
			// Launched as far as opting out is concerned.
			require.NoError(t, f.k.ConsumerPhase.Set(f.ctx, topN, int32(types.CONSUMER_PHASE_LAUNCHED)))

			_, err := f.msgServer().OptOut(f.ctx, tc.msg(f, launched, registered, topN))
			require.ErrorIs(t, err, tc.wantErr)
		})
	}
}

func TestOptOutTakesEffectAtTheNextEpoch(t *testing.T) {
	f := newFixture(t, 40, 30, 20, 10)
	f.expectValidatorLookups()
	id := f.createConsumer(genesisTime)
	f.establish(id)
	f.channels.sent = nil
	d := f.validators[3]

	ctx := f.ctx.WithEventManager(sdk.NewEventManager())
	_, err := f.msgServer().OptOut(ctx, optOutMsg(id, d))
	require.NoError(t, err)
	require.Equal(t, id, eventAttribute(ctx.EventManager().Events(), keeper.EventTypeOptOut, keeper.AttributeConsumerID))
	require.Equal(t, d.valAddr.String(), eventAttribute(ctx.EventManager().Events(), keeper.EventTypeOptOut, "provider_validator_address"))
	opted, err := f.k.IsOptedIn(f.ctx, id, d.consAddr)
	require.NoError(t, err)
	require.False(t, opted)
	set, err := f.k.GetConsumerValSet(f.ctx, id)
	require.NoError(t, err)
	require.Len(t, set, 4, "the current set is unchanged until the epoch ends")

	f.ctx = f.ctx.WithBlockHeight(10)
	_, err = f.k.EndBlock(f.ctx)
	require.NoError(t, err)
	require.Len(t, f.channels.sent, 1)
	vsc := decodeVSC(t, f.channels.sent[0].data)
	require.Len(t, vsc.ValidatorUpdates, 1)
	dKey, err := d.val.CmtConsPublicKey()
	require.NoError(t, err)
	require.Equal(t, dKey, vsc.ValidatorUpdates[0].PubKey)
	require.Equal(t, int64(0), vsc.ValidatorUpdates[0].Power, "d leaves the consumer")

	_, err = f.msgServer().OptOut(f.ctx, optOutMsg(id, d))
	require.ErrorIs(t, err, types.ErrNotOptedIn, "opting out twice")
}

func TestOptOutBelowTheTopN(t *testing.T) {
	f := newFixture(t, 40, 30, 20, 10)
	f.expectValidatorLookups()
	id := f.createOptInConsumer(genesisTime)
	f.makeTopN(id, 50)
	f.optIn(id, f.validators[3])
	f.launch(id)

	_, err := f.msgServer().OptOut(f.ctx, optOutMsg(id, f.validators[3]))
	require.NoError(t, err, "10 is below the top N's minimum of 30")
	_, err = f.msgServer().OptOut(f.ctx, optOutMsg(id, f.validators[0]))
	require.ErrorIs(t, err, types.ErrCannotOptOutFromTopN)
}

func TestMinPowerInTopNFollowsUpdates(t *testing.T) {
	f := newFixture(t, 40, 30, 20, 10)
	id := f.createOptInConsumer(time.Time{})
	q := keeper.NewQueryServer(f.k)
	listed := func() int64 {
		res, err := q.QueryConsumerChains(f.ctx, &types.QueryConsumerChainsRequest{})
		require.NoError(t, err)
		require.Len(t, res.Chains, 1)
		return res.Chains[0].MinPowerInTop_N
	}
	require.Equal(t, int64(-1), listed(), "not a top-N chain")

	f.makeTopN(id, 50)
	require.Equal(t, int64(30), listed())

	update := func(ps types.PowerShapingParameters) {
		_, err := f.msgServer().UpdateConsumer(f.ctx, &types.MsgUpdateConsumer{Owner: govAddr, ConsumerId: id, PowerShapingParameters: &ps})
		require.NoError(t, err)
	}
	update(types.PowerShapingParameters{Top_N: 100})
	require.Equal(t, int64(10), listed())

	update(types.PowerShapingParameters{})
	require.Equal(t, int64(-1), listed(), "back to opt-in")
	_, found, err := f.k.GetMinPowerInTopN(f.ctx, id)
	require.NoError(t, err)
	require.False(t, found)
}

func TestUpdateConsumerPowerShaping(t *testing.T) {
	f := newFixture(t, 40, 30)
	a, b := f.validators[0], f.validators[1]
	id := f.createConsumer(time.Time{})
	ps := types.PowerShapingParameters{
		ValidatorsPowerCap: 40,
		ValidatorSetCap:    5,
		Allowlist:          []string{f.consAddrString(a)},
		Denylist:           []string{f.consAddrString(b)},
		MinStake:           1000,
		AllowInactiveVals:  true,
		Prioritylist:       []string{f.consAddrString(a)},
	}
	_, err := f.msgServer().UpdateConsumer(f.ctx, &types.MsgUpdateConsumer{Owner: ownerAddr, ConsumerId: id, PowerShapingParameters: &ps})
	require.NoError(t, err)
	got, err := f.k.ConsumerPowerShapingParams.Get(f.ctx, id)
	require.NoError(t, err)
	require.Equal(t, ps, got, "every field is the owner's to set")

	// An update without power shaping keeps it.
	meta := types.ConsumerMetadata{Name: "n", Description: "d", Metadata: "m"}
	_, err = f.msgServer().UpdateConsumer(f.ctx, &types.MsgUpdateConsumer{Owner: ownerAddr, ConsumerId: id, Metadata: &meta})
	require.NoError(t, err)
	got, err = f.k.ConsumerPowerShapingParams.Get(f.ctx, id)
	require.NoError(t, err)
	require.Equal(t, ps, got)

	// And the computed set follows the parameters: only a (allowlisted).
	set, err := f.k.ComputeConsumerNextValSet(f.ctx, id)
	require.NoError(t, err)
	requireSet(t, []member{{a, 40}}, set)
}

func TestOptInQueries(t *testing.T) {
	f := newFixture(t, 40, 30, 20)
	f.expectValidatorLookups()
	a, b, c := f.validators[0], f.validators[1], f.validators[2]
	q := keeper.NewQueryServer(f.k)
	launched := f.createOptInConsumer(genesisTime)
	f.optIn(launched, a, b)
	f.launch(launched)
	pending := f.createOptInConsumer(time.Time{})
	f.optIn(pending, c)

	res, err := q.QueryConsumerChainOptedInValidators(f.ctx, &types.QueryConsumerChainOptedInValidatorsRequest{ConsumerId: launched})
	require.NoError(t, err)
	require.ElementsMatch(t, []string{f.consAddrString(a), f.consAddrString(b)}, res.ValidatorsProviderAddresses)
	_, err = q.QueryConsumerChainOptedInValidators(f.ctx, &types.QueryConsumerChainOptedInValidatorsRequest{ConsumerId: "9"})
	require.Error(t, err)

	hasToValidate := func(v *testValidator) []string {
		res, err := q.QueryConsumerChainsValidatorHasToValidate(f.ctx, &types.QueryConsumerChainsValidatorHasToValidateRequest{ProviderAddress: f.consAddrString(v)})
		require.NoError(t, err)
		return res.ConsumerIds
	}
	require.Equal(t, []string{launched}, hasToValidate(a))
	require.Equal(t, []string{pending}, hasToValidate(c), "c would validate the pending chain at launch")

	// b opts out: it still validates the current epoch, so it still has to.
	require.NoError(t, f.k.DeleteOptedIn(f.ctx, launched, b.consAddr))
	require.Equal(t, []string{launched}, hasToValidate(b))
	// c opts in to the launched chain: it will have to from the next epoch.
	f.optIn(launched, c)
	require.Equal(t, []string{launched, pending}, hasToValidate(c))

	_, err = q.QueryConsumerChainsValidatorHasToValidate(f.ctx, &types.QueryConsumerChainsValidatorHasToValidateRequest{ProviderAddress: "nonsense"})
	require.Error(t, err)

	// Before launch the consumer's validators are computed on the fly.
	vals, err := q.QueryConsumerValidators(f.ctx, &types.QueryConsumerValidatorsRequest{ConsumerId: pending})
	require.NoError(t, err)
	require.Len(t, vals.Validators, 1)
	require.Equal(t, f.consAddrString(c), vals.Validators[0].ProviderAddress)
	require.False(t, vals.Validators[0].ValidatesCurrentEpoch)
	// After launch they are the stored set, whatever opted in since.
	vals, err = q.QueryConsumerValidators(f.ctx, &types.QueryConsumerValidatorsRequest{ConsumerId: launched})
	require.NoError(t, err)
	require.Len(t, vals.Validators, 2)
}

func TestOptInStateInGenesisAndDeletion(t *testing.T) {
	f := newFixture(t, 40, 30, 20, 10)
	id := f.createOptInConsumer(genesisTime)
	f.makeTopN(id, 50)
	f.optIn(id, f.validators[3])
	f.launch(id)

	exported, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	cs := exported.ConsumerStates[0]
	require.Equal(t, int64(30), cs.MinPowerInTopN)
	require.Len(t, cs.OptedInValidators, 3, "the top N (a, b) and d")

	g := newFixture(t, 40, 30, 20, 10)
	g.k.InitGenesis(g.ctx, exported)
	reexported, err := g.k.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, exported, reexported)

	require.NoError(t, f.k.DeleteConsumer(f.ctx, id))
	opted, err := f.k.GetOptedIn(f.ctx, id)
	require.NoError(t, err)
	require.Empty(t, opted)
	_, found, err := f.k.GetMinPowerInTopN(f.ctx, id)
	require.NoError(t, err)
	require.False(t, found)
}
