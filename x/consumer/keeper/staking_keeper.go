package keeper

import (
	"context"
	"math"

	"cosmossdk.io/core/address"
	sdkmath "cosmossdk.io/math"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	sdk "github.com/cosmos/cosmos-sdk/types"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/rampart-ics/rampart/x/consumer/types"
)

// The consumer keeper stands in for x/staking towards x/slashing and
// x/evidence, which run unchanged on a consumer (see "Slashing, for
// validator operators" in x/consumer/README.md). The consumer has no
// stake, so punishment is a request to the provider (slashing.go), jailing
// is the provider's business, and a validator counts as jailed while its
// downtime request is outstanding.
var (
	_ slashingtypes.StakingKeeper = (*Keeper)(nil)
	_ evidencetypes.StakingKeeper = (*Keeper)(nil)
)

// ValidatorAddressCodec returns the chain's operator address codec. Consumer
// validators have no operator address; x/slashing decodes one only for
// MsgUnjail, which Validator and Unjail then refuse with a clear error.
func (k *Keeper) ValidatorAddressCodec() address.Codec {
	return addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32ValidatorAddrPrefix())
}

// ConsensusAddressCodec returns the chain's consensus address codec.
func (k *Keeper) ConsensusAddressCodec() address.Codec { return k.consensusAddrCodec }

// IsValidatorJailed reports whether a downtime request for the validator is
// outstanding: x/slashing then stops counting its missed blocks, so one
// request is sent per validator until the provider acknowledges it.
func (k *Keeper) IsValidatorJailed(ctx context.Context, addr sdk.ConsAddress) (bool, error) {
	return k.OutstandingDowntime.Has(ctx, addr)
}

// ValidatorByConsAddr returns a bonded, operator-less view of a current CCV
// validator, and nil (without error) for any other address: x/slashing and
// x/evidence then skip the address instead of failing the block.
func (k *Keeper) ValidatorByConsAddr(ctx context.Context, addr sdk.ConsAddress) (stakingtypes.ValidatorI, error) {
	v, found, err := getOptionalMap(ctx, k.CrossChainValidators, addr.Bytes())
	if err != nil || !found {
		return nil, err
	}
	view, err := k.validatorView(ctx, v)
	if err != nil {
		return nil, err
	}
	return view, nil
}

// Validator is refused: consumer validators have no operator address.
func (k *Keeper) Validator(context.Context, sdk.ValAddress) (stakingtypes.ValidatorI, error) {
	return nil, types.ErrNotOnConsumer.Wrap("consumer validators have no operator address")
}

// IterateValidators walks the current CCV validators in consensus-address
// order; x/slashing's InitGenesis uses it to register their public keys.
func (k *Keeper) IterateValidators(ctx context.Context, fn func(index int64, validator stakingtypes.ValidatorI) (stop bool)) error {
	var index int64
	return k.CrossChainValidators.Walk(ctx, nil, func(_ []byte, v types.CrossChainValidator) (bool, error) {
		view, err := k.validatorView(ctx, v)
		if err != nil {
			return true, err
		}
		stop := fn(index, view)
		index++
		return stop, nil
	})
}

// GetAllValidators returns views of the current CCV validators.
func (k *Keeper) GetAllValidators(ctx context.Context) ([]stakingtypes.Validator, error) {
	var all []stakingtypes.Validator
	err := k.IterateValidators(ctx, func(_ int64, v stakingtypes.ValidatorI) bool {
		all = append(all, v.(stakingtypes.Validator))
		return false
	})
	return all, err
}

// MaxValidators returns the size of the current set: the provider decides
// how many validators a consumer has.
func (k *Keeper) MaxValidators(ctx context.Context) (uint32, error) {
	var n uint32
	err := k.CrossChainValidators.Walk(ctx, nil, func([]byte, types.CrossChainValidator) (bool, error) {
		n++
		return n == math.MaxUint32, nil
	})
	return n, err
}

// GetParams returns staking parameters for x/evidence, whose interface asks
// for them: the defaults, with the consumer's unbonding period.
func (k *Keeper) GetParams(ctx context.Context) (stakingtypes.Params, error) {
	params, err := k.GetConsumerParams(sdk.UnwrapSDKContext(ctx))
	if err != nil {
		return stakingtypes.Params{}, err
	}
	staking := stakingtypes.DefaultParams()
	staking.UnbondingTime = params.UnbondingPeriod
	return staking, nil
}

// Jail does nothing: the provider jails, on the consumer's request.
func (k *Keeper) Jail(context.Context, sdk.ConsAddress) error { return nil }

// Unjail is refused: validators unjail on the provider.
func (k *Keeper) Unjail(context.Context, sdk.ConsAddress) error {
	return types.ErrNotOnConsumer.Wrap("unjail on the provider chain")
}

// Delegation is refused: delegations live on the provider.
func (k *Keeper) Delegation(context.Context, sdk.AccAddress, sdk.ValAddress) (stakingtypes.DelegationI, error) {
	return nil, types.ErrNotOnConsumer.Wrap("delegations live on the provider chain")
}

// validatorView presents a CCV validator the way x/slashing and x/evidence
// expect a staking validator: bonded, with its consensus key, jailed while a
// downtime request is outstanding, and tokens worth its consensus power.
// The operator address stays empty, which tells x/evidence not to look up
// an operator's key.
func (k *Keeper) validatorView(ctx context.Context, v types.CrossChainValidator) (stakingtypes.Validator, error) {
	jailed, err := k.OutstandingDowntime.Has(ctx, sdk.ConsAddress(v.Address))
	if err != nil {
		return stakingtypes.Validator{}, err
	}
	tokens := sdk.TokensFromConsensusPower(v.Power, sdk.DefaultPowerReduction)
	return stakingtypes.Validator{
		ConsensusPubkey:   v.Pubkey,
		Jailed:            jailed,
		Status:            stakingtypes.Bonded,
		Tokens:            tokens,
		DelegatorShares:   sdkmath.LegacyNewDecFromInt(tokens),
		MinSelfDelegation: sdkmath.ZeroInt(),
	}, nil
}
