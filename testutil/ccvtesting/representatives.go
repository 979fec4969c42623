package ccvtesting

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// Representative is an x/staking validator of a democracy consumer's
// genesis: bonded, self-delegated by Operator with Tokens of the bond
// denom, and signing no blocks.
type Representative struct {
	Operator   sdk.AccAddress
	Tokens     sdkmath.Int
	Commission sdkmath.LegacyDec
}

// AddRepresentatives writes reps into a democracy genesis as bonded
// validators, as a chain team would: x/staking validators and
// self-delegations, and the bonded pool's balance. Each has a fresh
// consensus key that no CometBFT node holds.
func AddRepresentatives(tb testing.TB, cdc codec.JSONCodec, state map[string]json.RawMessage, reps ...Representative) {
	tb.Helper()
	var staking stakingtypes.GenesisState
	cdc.MustUnmarshalJSON(state[stakingtypes.ModuleName], &staking)
	var bank banktypes.GenesisState
	cdc.MustUnmarshalJSON(state[banktypes.ModuleName], &bank)

	bonded := sdkmath.ZeroInt()
	for i, rep := range reps {
		valAddr := sdk.ValAddress(rep.Operator)
		val, err := stakingtypes.NewValidator(valAddr.String(), ed25519.GenPrivKey().PubKey(),
			stakingtypes.Description{Moniker: "representative-" + string(rune('a'+i))})
		require.NoError(tb, err)
		val.Status = stakingtypes.Bonded
		val.Tokens = rep.Tokens
		val.DelegatorShares = sdkmath.LegacyNewDecFromInt(rep.Tokens)
		val.MinSelfDelegation = sdkmath.OneInt()
		val.Commission = stakingtypes.NewCommission(rep.Commission, sdkmath.LegacyOneDec(), sdkmath.LegacyZeroDec())
		staking.Validators = append(staking.Validators, val)
		staking.Delegations = append(staking.Delegations,
			stakingtypes.NewDelegation(rep.Operator.String(), valAddr.String(), val.DelegatorShares))
		bonded = bonded.Add(rep.Tokens)
	}
	bank.Balances = append(bank.Balances, banktypes.Balance{
		Address: authtypes.NewModuleAddress(stakingtypes.BondedPoolName).String(),
		Coins:   sdk.NewCoins(sdk.NewCoin(staking.Params.BondDenom, bonded)),
	})
	bank.Supply = nil // recomputed from the balances at InitGenesis
	state[stakingtypes.ModuleName] = cdc.MustMarshalJSON(&staking)
	state[banktypes.ModuleName] = cdc.MustMarshalJSON(&bank)
}
