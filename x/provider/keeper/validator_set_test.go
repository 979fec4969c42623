package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtcrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"

	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

func key(b byte) *cmtcrypto.PublicKey {
	return &cmtcrypto.PublicKey{Sum: &cmtcrypto.PublicKey_Ed25519{Ed25519: []byte{b}}}
}

func val(b byte, power int64) types.ConsensusValidator {
	return types.ConsensusValidator{ProviderConsAddr: []byte{b}, PublicKey: key(b), Power: power}
}

func upd(b byte, power int64) abci.ValidatorUpdate {
	return abci.ValidatorUpdate{PubKey: *key(b), Power: power}
}

func TestDiffValidators(t *testing.T) {
	tests := []struct {
		name          string
		current, next []types.ConsensusValidator
		want          []abci.ValidatorUpdate
	}{
		{"no change", []types.ConsensusValidator{val(1, 10)}, []types.ConsensusValidator{val(1, 10)}, []abci.ValidatorUpdate{}},
		{"from nothing", nil, []types.ConsensusValidator{val(1, 10), val(2, 5)}, []abci.ValidatorUpdate{upd(1, 10), upd(2, 5)}},
		{"to nothing", []types.ConsensusValidator{val(1, 10), val(2, 5)}, nil, []abci.ValidatorUpdate{upd(1, 0), upd(2, 0)}},
		{"power change", []types.ConsensusValidator{val(1, 10), val(2, 5)}, []types.ConsensusValidator{val(1, 10), val(2, 7)}, []abci.ValidatorUpdate{upd(2, 7)}},
		{
			"changes and removals first, in current order, then additions in next order",
			[]types.ConsensusValidator{val(1, 10), val(2, 5), val(3, 1)},
			[]types.ConsensusValidator{val(5, 8), val(3, 2), val(4, 9), val(1, 10)},
			[]abci.ValidatorUpdate{upd(2, 0), upd(3, 2), upd(5, 8), upd(4, 9)},
		},
		{
			"a key rotation is the old key at 0 and the new key with power",
			[]types.ConsensusValidator{{ProviderConsAddr: []byte{1}, PublicKey: key(1), Power: 10}},
			[]types.ConsensusValidator{{ProviderConsAddr: []byte{1}, PublicKey: key(9), Power: 10}},
			[]abci.ValidatorUpdate{upd(1, 0), upd(9, 10)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, keeper.DiffValidators(tc.current, tc.next))
		})
	}
}

func TestProviderValidatorUpdatesRespectMaxValidators(t *testing.T) {
	f := newFixture(t, 30, 20, 10)
	params, err := f.k.Params.Get(f.ctx)
	require.NoError(t, err)
	params.MaxProviderConsensusValidators = 2
	require.NoError(t, f.k.Params.Set(f.ctx, params))

	updates, err := f.k.ProviderValidatorUpdates(f.ctx)
	require.NoError(t, err)
	require.Len(t, updates, 1, "the third validator leaves the provider's set")
	require.Equal(t, int64(0), updates[0].Power)

	f.validators[2].power = 40 // the third overtakes the others
	updates, err = f.k.ProviderValidatorUpdates(f.ctx)
	require.NoError(t, err)
	require.Len(t, updates, 2)
	require.ElementsMatch(t, []int64{0, 40}, []int64{updates[0].Power, updates[1].Power})
}
