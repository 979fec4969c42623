package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// member is what a test expects of a set member: who, with which power.
type member struct {
	val   *testValidator
	power int64
}

func requireSet(t *testing.T, want []member, got []types.ConsensusValidator) {
	t.Helper()
	require.Len(t, got, len(want), "set size")
	for i, m := range want {
		require.Equal(t, []byte(m.val.consAddr), got[i].ProviderConsAddr, "member %d", i)
		require.Equal(t, m.power, got[i].Power, "power of member %d", i)
	}
}

func (f *fixture) consAddrString(v *testValidator) string {
	s, err := sdk.Bech32ifyAddressBytes("cosmosvalcons", v.consAddr)
	require.NoError(f.t, err)
	return s
}

func (f *fixture) setPowerShaping(id string, ps types.PowerShapingParameters) {
	f.t.Helper()
	require.NoError(f.t, f.k.ConsumerPowerShapingParams.Set(f.ctx, id, ps))
}

func (f *fixture) optIn(id string, vals ...*testValidator) {
	f.t.Helper()
	for _, v := range vals {
		require.NoError(f.t, f.k.SetOptedIn(f.ctx, id, v.consAddr))
	}
}

func TestComputeConsumerNextValSet(t *testing.T) {
	tests := []struct {
		name  string
		setup func(f *fixture, id string, a, b, c, d *testValidator)
		want  func(a, b, c, d *testValidator) []member
	}{
		{
			name:  "opt-in chain: only the opted-in validators, by power",
			setup: func(f *fixture, id string, a, _, c, _ *testValidator) { f.optIn(id, c, a) },
			want:  func(a, _, c, _ *testValidator) []member { return []member{{a, 40}, {c, 20}} },
		},
		{
			name:  "opt-in chain nobody joined: empty",
			setup: func(*fixture, string, *testValidator, *testValidator, *testValidator, *testValidator) {},
			want:  func(*testValidator, *testValidator, *testValidator, *testValidator) []member { return nil },
		},
		{
			name: "top 50%: the validators holding half the power (40+30 of 100)",
			setup: func(f *fixture, id string, _, _, _, _ *testValidator) {
				f.setPowerShaping(id, types.PowerShapingParameters{Top_N: 50})
			},
			want: func(a, b, _, _ *testValidator) []member { return []member{{a, 40}, {b, 30}} },
		},
		{
			name: "top N plus a validator that opted in below it",
			setup: func(f *fixture, id string, _, _, _, d *testValidator) {
				f.setPowerShaping(id, types.PowerShapingParameters{Top_N: 50})
				f.optIn(id, d)
			},
			want: func(a, b, _, d *testValidator) []member { return []member{{a, 40}, {b, 30}, {d, 10}} },
		},
		{
			name: "allowlist",
			setup: func(f *fixture, id string, a, b, c, d *testValidator) {
				f.optIn(id, a, b, c, d)
				f.setPowerShaping(id, types.PowerShapingParameters{Allowlist: []string{f.consAddrString(c), f.consAddrString(b)}})
			},
			want: func(_, b, c, _ *testValidator) []member { return []member{{b, 30}, {c, 20}} },
		},
		{
			name: "the denylist wins over the allowlist, and over the top N",
			setup: func(f *fixture, id string, a, b, c, _ *testValidator) {
				f.setPowerShaping(id, types.PowerShapingParameters{
					Top_N:     100,
					Allowlist: []string{f.consAddrString(a), f.consAddrString(b), f.consAddrString(c)},
					Denylist:  []string{f.consAddrString(a), f.consAddrString(c)},
				})
			},
			want: func(_, b, _, _ *testValidator) []member { return []member{{b, 30}} },
		},
		{
			name: "min stake",
			setup: func(f *fixture, id string, a, b, c, d *testValidator) {
				f.optIn(id, a, b, c, d)
				f.setPowerShaping(id, types.PowerShapingParameters{MinStake: sdk.TokensFromConsensusPower(25, sdk.DefaultPowerReduction).Uint64()})
			},
			want: func(a, b, _, _ *testValidator) []member { return []member{{a, 40}, {b, 30}} },
		},
		{
			name: "validators outside the provider's active set are left out",
			setup: func(f *fixture, id string, a, b, c, d *testValidator) {
				f.setMaxProviderValidators(3)
				f.optIn(id, a, b, c, d)
			},
			want: func(a, b, c, _ *testValidator) []member { return []member{{a, 40}, {b, 30}, {c, 20}} },
		},
		{
			name: "allow_inactive_vals lets them in",
			setup: func(f *fixture, id string, a, b, c, d *testValidator) {
				f.setMaxProviderValidators(3)
				f.optIn(id, a, b, c, d)
				f.setPowerShaping(id, types.PowerShapingParameters{AllowInactiveVals: true})
			},
			want: func(a, b, c, d *testValidator) []member { return []member{{a, 40}, {b, 30}, {c, 20}, {d, 10}} },
		},
		{
			name: "prioritylisted validators first, then the set cap",
			setup: func(f *fixture, id string, a, b, c, d *testValidator) {
				f.optIn(id, a, b, c, d)
				f.setPowerShaping(id, types.PowerShapingParameters{ValidatorSetCap: 2, Prioritylist: []string{f.consAddrString(d)}})
			},
			want: func(a, _, _, d *testValidator) []member { return []member{{d, 10}, {a, 40}} },
		},
		{
			name: "the set cap does not apply to a top-N chain",
			setup: func(f *fixture, id string, _, _, _, _ *testValidator) {
				f.setPowerShaping(id, types.PowerShapingParameters{Top_N: 100, ValidatorSetCap: 1})
			},
			want: func(a, b, c, d *testValidator) []member { return []member{{a, 40}, {b, 30}, {c, 20}, {d, 10}} },
		},
		{
			name: "power cap: 40 is cut to 30 and its excess lifts the next strongest",
			setup: func(f *fixture, id string, a, b, c, d *testValidator) {
				f.optIn(id, a, b, c, d)
				f.setPowerShaping(id, types.PowerShapingParameters{ValidatorsPowerCap: 30})
			},
			want: func(a, b, c, d *testValidator) []member { return []member{{a, 30}, {b, 30}, {c, 30}, {d, 10}} },
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, 40, 30, 20, 10)
			a, b, c, d := f.validators[0], f.validators[1], f.validators[2], f.validators[3]
			id := f.createOptInConsumer(time.Time{})
			tc.setup(f, id, a, b, c, d)
			got, err := f.k.ComputeConsumerNextValSet(f.ctx, id)
			require.NoError(t, err)
			requireSet(t, tc.want(a, b, c, d), got)
		})
	}
}

func (f *fixture) setMaxProviderValidators(n int64) {
	f.t.Helper()
	params, err := f.k.Params.Get(f.ctx)
	require.NoError(f.t, err)
	params.MaxProviderConsensusValidators = n
	require.NoError(f.t, f.k.Params.Set(f.ctx, params))
}

func TestTopNOptsInForGood(t *testing.T) {
	f := newFixture(t, 40, 30, 20, 10)
	a, b, _, d := f.validators[0], f.validators[1], f.validators[2], f.validators[3]
	id := f.createOptInConsumer(time.Time{})
	f.setPowerShaping(id, types.PowerShapingParameters{Top_N: 50})

	_, err := f.k.ComputeConsumerNextValSet(f.ctx, id)
	require.NoError(t, err)
	minPower, found, err := f.k.GetMinPowerInTopN(f.ctx, id)
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, int64(30), minPower)
	opted, err := f.k.GetOptedIn(f.ctx, id)
	require.NoError(t, err)
	require.ElementsMatch(t, [][]byte{a.consAddr, b.consAddr}, opted)

	// d grows to half the power: the top 50% is d alone, yet a and b stay.
	d.power = 100
	got, err := f.k.ComputeConsumerNextValSet(f.ctx, id)
	require.NoError(t, err)
	minPower, _, err = f.k.GetMinPowerInTopN(f.ctx, id)
	require.NoError(t, err)
	require.Equal(t, int64(100), minPower, "the minimum is recomputed")
	requireSet(t, []member{{d, 100}, {a, 40}, {b, 30}}, got)
}

func TestConsumerSetUsesAssignedKeysAndKeepsJoinHeights(t *testing.T) {
	f := newFixture(t, 40, 30)
	a, b := f.validators[0], f.validators[1]
	id := f.createOptInConsumer(genesisTime)
	f.optIn(id, a)
	assigned, err := cryptocodec.ToCmtProtoPublicKey(ed25519.GenPrivKeyFromSecret([]byte("assigned")).PubKey())
	require.NoError(t, err)
	require.NoError(t, f.k.ConsumerKeys.Set(f.ctx, collections.Join(id, []byte(a.consAddr)), assigned))
	f.launch(id)

	for range 4 {
		f.nextBlock()
	}
	f.optIn(id, b)
	got, err := f.k.ComputeConsumerNextValSet(f.ctx, id)
	require.NoError(t, err)
	require.Len(t, got, 2)
	require.Equal(t, assigned, *got[0].PublicKey, "the assigned consumer key")
	require.Equal(t, int64(1), got[0].JoinHeight, "a member keeps its join height")
	bKey, err := b.val.CmtConsPublicKey()
	require.NoError(t, err)
	require.Equal(t, bKey, *got[1].PublicKey, "no assignment: the provider key")
	require.Equal(t, f.ctx.BlockHeight(), got[1].JoinHeight, "a newcomer joins now")
}

func TestOptInChainNobodyJoinedDoesNotLaunch(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(f *fixture, id string)
		wantErr error
	}{
		{"nobody opted in", func(*fixture, string) {}, types.ErrEmptyValidatorSet},
		{"only a validator outside the active set opted in", func(f *fixture, id string) {
			f.setMaxProviderValidators(1)
			_, err := f.k.ProviderValidatorUpdates(f.ctx) // the provider's own set shrinks
			require.NoError(f.t, err)
			f.optIn(id, f.validators[1])
			f.setPowerShaping(id, types.PowerShapingParameters{AllowInactiveVals: true})
		}, types.ErrNoActiveValidator},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, 40, 30)
			id := f.createOptInConsumer(genesisTime)
			tc.setup(f, id)
			ctx := f.ctx.WithEventManager(sdk.NewEventManager())
			require.NoError(t, f.k.BeginBlock(ctx))

			require.Equal(t, types.CONSUMER_PHASE_REGISTERED, f.k.MustGetConsumerPhase(f.ctx, id))
			init, err := f.k.ConsumerInitParams.Get(f.ctx, id)
			require.NoError(t, err)
			require.True(t, init.SpawnTime.IsZero(), "the owner must schedule it again")
			reason := eventAttribute(ctx.EventManager().Events(), keeper.EventTypeConsumerLaunchFailed, "reason")
			require.Contains(t, reason, tc.wantErr.Error())
		})
	}
}

func eventAttribute(events sdk.Events, eventType, key string) string {
	for _, e := range events {
		if e.Type != eventType {
			continue
		}
		for _, a := range e.Attributes {
			if a.Key == key {
				return a.Value
			}
		}
	}
	return ""
}

func TestEpochNeverEmptiesALaunchedConsumer(t *testing.T) {
	f := newFixture(t, 30, 20)
	id := f.createConsumer(genesisTime)
	f.establish(id)
	f.channels.sent = nil
	before, err := f.k.GetConsumerValSet(f.ctx, id)
	require.NoError(t, err)

	for _, v := range f.validators {
		require.NoError(t, f.k.DeleteOptedIn(f.ctx, id, v.consAddr))
	}
	f.ctx = f.ctx.WithBlockHeight(10)
	_, err = f.k.EndBlock(f.ctx)
	require.NoError(t, err)
	require.Empty(t, f.channels.sent, "CometBFT would halt on an empty set")
	after, err := f.k.GetConsumerValSet(f.ctx, id)
	require.NoError(t, err)
	require.Equal(t, before, after)
	require.Equal(t, types.CONSUMER_PHASE_LAUNCHED, f.k.MustGetConsumerPhase(f.ctx, id))
}
