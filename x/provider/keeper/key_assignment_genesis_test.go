package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// TestGenesisRoundTripWithKeyAssignments: assignments, address mappings,
// prune entries, opt-ins and commission rates survive export and import,
// and pruning still happens on time after the import.
func TestGenesisRoundTripWithKeyAssignments(t *testing.T) {
	f := newKeysFixture(t, 30, 20)
	registered := f.createConsumer(time.Time{})
	launched := f.launchedConsumer("07-tendermint-0")
	v0, v1 := f.validators[0], f.validators[1]
	oldKey, oldJS := consumerKey(f, "old")
	_, newJS := consumerKey(f, "new")
	_, regJS := consumerKey(f, "reg")
	require.NoError(t, f.assign(v0, launched, oldJS))
	require.NoError(t, f.assign(v0, launched, newJS))
	require.NoError(t, f.assign(v1, registered, regJS))
	for _, id := range []string{registered, launched} {
		_, err := f.msgServer().OptIn(f.ctx, &types.MsgOptIn{ProviderAddr: v1.val.GetOperator(), Signer: accountOf(v1), ConsumerId: id})
		require.NoError(t, err)
	}
	require.NoError(t, f.k.SetConsumerCommissionRate(f.ctx, launched, v0.consAddr, math.LegacyNewDecWithPrec(15, 2)))

	exported, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	require.Len(t, exported.ValidatorConsumerPubkeys, 2)
	require.Len(t, exported.ValidatorsByConsumerAddr, 3, "two current keys and one replaced key")
	require.Len(t, exported.ConsumerAddrsToPruneV2, 1)
	for _, cs := range exported.ConsumerStates {
		require.Len(t, cs.OptedInValidators, 2, "both validators are opted in to consumer %s", cs.ChainId)
	}

	g := newKeysFixture(t, 30, 20)
	g.ctx = g.ctx.WithBlockHeight(f.ctx.BlockHeight()).WithBlockTime(f.ctx.BlockTime())
	g.k.InitGenesis(g.ctx, exported)
	reexported, err := g.k.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, exported, reexported)
	require.NoError(t, g.k.CheckKeyAssignmentInvariant(g.ctx))

	rate, err := g.k.ConsumerCommissionRateOf(g.ctx, launched, v0.consAddr)
	require.NoError(t, err)
	require.Equal(t, math.LegacyNewDecWithPrec(15, 2), rate)
	require.Equal(t, v0.consAddr, mustResolve(g, launched, keyAddr(g, oldKey)))
	g.ctx = g.ctx.WithBlockTime(f.ctx.BlockTime().Add(unbondingPeriod))
	require.NoError(t, g.k.PruneKeyAssignments(g.ctx))
	require.Equal(t, keyAddr(g, oldKey), mustResolve(g, launched, keyAddr(g, oldKey)), "the imported prune entry is honoured")
}

func TestGenesisValidateKeyAssignments(t *testing.T) {
	f := newKeysFixture(t, 30)
	key, _ := consumerKey(f, "k")
	addr := []byte(keyAddr(f, key))
	provider := []byte(f.validators[0].consAddr)
	tests := []struct {
		name     string
		malleate func(*types.GenesisState)
		valid    bool
	}{
		{"complete", func(gs *types.GenesisState) {
			gs.ValidatorConsumerPubkeys = []types.ValidatorConsumerPubKey{{ChainId: "0", ProviderAddr: provider, ConsumerKey: &key}}
			gs.ValidatorsByConsumerAddr = []types.ValidatorByConsumerAddr{{ChainId: "0", ConsumerAddr: addr, ProviderAddr: provider}}
			gs.ConsumerAddrsToPruneV2 = []types.ConsumerAddrsToPruneV2{{
				ChainId: "0", PruneTs: genesisTime,
				ConsumerAddrs: &types.AddressList{Addresses: [][]byte{addr}},
			}}
		}, true},
		{"assignment without key", func(gs *types.GenesisState) {
			gs.ValidatorConsumerPubkeys = []types.ValidatorConsumerPubKey{{ChainId: "0", ProviderAddr: provider}}
		}, false},
		{"assignment to a bad consumer id", func(gs *types.GenesisState) {
			gs.ValidatorConsumerPubkeys = []types.ValidatorConsumerPubKey{{ChainId: "chain-1", ProviderAddr: provider, ConsumerKey: &key}}
		}, false},
		{"mapping without provider address", func(gs *types.GenesisState) {
			gs.ValidatorsByConsumerAddr = []types.ValidatorByConsumerAddr{{ChainId: "0", ConsumerAddr: addr}}
		}, false},
		{"prune entry without addresses", func(gs *types.GenesisState) {
			gs.ConsumerAddrsToPruneV2 = []types.ConsumerAddrsToPruneV2{{ChainId: "0", PruneTs: genesisTime}}
		}, false},
		{"commission rate above one", func(gs *types.GenesisState) {
			gs.ConsumerStates = []types.ConsumerState{{
				ChainId: "0", Phase: types.CONSUMER_PHASE_REGISTERED,
				CommissionRates: []types.ConsumerCommissionRate{{ProviderConsAddr: provider, Rate: math.LegacyNewDec(2)}},
			}}
		}, false},
		{"opted-in validator without address", func(gs *types.GenesisState) {
			gs.ConsumerStates = []types.ConsumerState{{ChainId: "0", Phase: types.CONSUMER_PHASE_REGISTERED, OptedInValidators: [][]byte{nil}}}
		}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gs := types.DefaultGenesisState()
			tc.malleate(gs)
			err := gs.Validate()
			if tc.valid {
				require.NoError(t, err)
			} else {
				require.Error(t, err)
			}
		})
	}
}
