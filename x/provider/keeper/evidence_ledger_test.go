package keeper_test

import (
	"context"
	"time"

	"go.uber.org/mock/gomock"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// evidenceSlashCall is one call to staking's slash.
type evidenceSlashCall struct {
	addr     sdk.ConsAddress
	height   int64
	power    int64
	fraction math.LegacyDec
	reason   stakingtypes.Infraction
}

// ledger stands in for staking and slashing: it keeps each validator's
// tokens, jail and tombstone, and applies slashes the way staking does to
// a validator's own tokens.
type ledger struct {
	f           *fixture
	tokens      map[string]math.Int
	jailed      map[string]bool
	tombstoned  map[string]bool
	jailedUntil map[string]time.Time
	unbondings  map[string][]stakingtypes.UnbondingDelegation
	slashes     []evidenceSlashCall
}

func (f *fixture) withLedger() *ledger {
	l := &ledger{
		f:           f,
		tokens:      map[string]math.Int{},
		jailed:      map[string]bool{},
		tombstoned:  map[string]bool{},
		jailedUntil: map[string]time.Time{},
		unbondings:  map[string][]stakingtypes.UnbondingDelegation{},
	}
	for _, v := range f.validators {
		l.tokens[v.consAddr.String()] = v.val.Tokens
	}
	f.staking.EXPECT().PowerReduction(gomock.Any()).Return(sdk.DefaultPowerReduction).AnyTimes()
	f.staking.EXPECT().GetValidatorByConsAddr(gomock.Any(), gomock.Any()).DoAndReturn(l.validator).AnyTimes()
	f.staking.EXPECT().GetUnbondingDelegationsFromValidator(gomock.Any(), gomock.Any()).DoAndReturn(
		func(_ context.Context, valAddr sdk.ValAddress) ([]stakingtypes.UnbondingDelegation, error) {
			return l.unbondings[valAddr.String()], nil
		}).AnyTimes()
	f.staking.EXPECT().GetRedelegationsFromSrcValidator(gomock.Any(), gomock.Any()).Return(nil, nil).AnyTimes()
	f.staking.EXPECT().SlashWithInfractionReason(gomock.Any(), gomock.Any(), gomock.Any(), gomock.Any(), gomock.Any(), gomock.Any()).
		DoAndReturn(l.slash).AnyTimes()
	f.staking.EXPECT().Jail(gomock.Any(), gomock.Any()).DoAndReturn(func(_ context.Context, addr sdk.ConsAddress) error {
		l.jailed[addr.String()] = true
		return nil
	}).AnyTimes()
	f.slashing.EXPECT().JailUntil(gomock.Any(), gomock.Any(), gomock.Any()).DoAndReturn(
		func(_ context.Context, addr sdk.ConsAddress, until time.Time) error {
			l.jailedUntil[addr.String()] = until
			return nil
		}).AnyTimes()
	f.slashing.EXPECT().Tombstone(gomock.Any(), gomock.Any()).DoAndReturn(func(_ context.Context, addr sdk.ConsAddress) error {
		l.tombstoned[addr.String()] = true
		return nil
	}).AnyTimes()
	f.slashing.EXPECT().IsTombstoned(gomock.Any(), gomock.Any()).DoAndReturn(func(_ context.Context, addr sdk.ConsAddress) bool {
		return l.tombstoned[addr.String()]
	}).AnyTimes()
	return l
}

func (l *ledger) validator(_ context.Context, addr sdk.ConsAddress) (stakingtypes.Validator, error) {
	for _, v := range l.f.validators {
		if v.consAddr.Equals(addr) {
			val := v.val
			val.Tokens = l.tokens[addr.String()]
			val.Jailed = l.jailed[addr.String()]
			return val, nil
		}
	}
	return stakingtypes.Validator{}, stakingtypes.ErrNoValidatorFound
}

// slash burns fraction × power from the validator's tokens, as staking
// does when no unbonding stake absorbs part of it.
func (l *ledger) slash(_ context.Context, addr sdk.ConsAddress, height, power int64, fraction math.LegacyDec,
	reason stakingtypes.Infraction,
) (math.Int, error) {
	l.slashes = append(l.slashes, evidenceSlashCall{addr: addr, height: height, power: power, fraction: fraction, reason: reason})
	amount := fraction.MulInt(sdk.TokensFromConsensusPower(power, sdk.DefaultPowerReduction)).TruncateInt()
	amount = math.MinInt(amount, l.tokens[addr.String()])
	l.tokens[addr.String()] = l.tokens[addr.String()].Sub(amount)
	return amount, nil
}

// unbond records an unbonding delegation entry from v that completes at
// the given time.
func (l *ledger) unbond(v *testValidator, power int64, completion time.Time) {
	tokens := sdk.TokensFromConsensusPower(power, sdk.DefaultPowerReduction)
	ubd := stakingtypes.UnbondingDelegation{
		DelegatorAddress: sdk.AccAddress("delegator___________").String(),
		ValidatorAddress: v.valAddr.String(),
		Entries: []stakingtypes.UnbondingDelegationEntry{{
			CreationHeight: 1, CompletionTime: completion, InitialBalance: tokens, Balance: tokens,
		}},
	}
	l.unbondings[v.valAddr.String()] = append(l.unbondings[v.valAddr.String()], ubd)
}
