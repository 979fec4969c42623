package keeper

import (
	"errors"
	"fmt"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// Infraction is one validator's misbehaviour on a consumer, resolved to its
// provider validator, with the punishment the consumer's parameters set.
type Infraction struct {
	ConsumerID   string
	ProviderAddr sdk.ConsAddress
	ConsumerAddr sdk.ConsAddress
	Kind         exttypes.InfractionKind
	// InfractionHeight is the provider height the slash is dated at: stake
	// that unbonded after it is slashed too.
	InfractionHeight int64
	// Power is the power the slash fraction applies to.
	Power  int64
	Params types.SlashJailParameters
}

// PunishResult says what Punish did.
type PunishResult struct {
	// Punished is false when the validator was beyond reach (tombstoned or
	// unbonded) and nothing happened.
	Punished bool
	Record   exttypes.Punishment
}

// Punish slashes, jails and, if the parameters say so, tombstones the
// validator of an infraction, then records the punishment and emits an
// event. A validator that is tombstoned or fully unbonded is left alone: it
// has already answered for a double sign, or has no stake left to answer
// with.
func (k *Keeper) Punish(ctx sdk.Context, inf Infraction) (PunishResult, error) {
	val, err := k.stakingKeeper.GetValidatorByConsAddr(ctx, inf.ProviderAddr)
	if errors.Is(err, stakingtypes.ErrNoValidatorFound) {
		return PunishResult{}, errorsmod.Wrapf(types.ErrUnknownConsumerValidator, "no provider validator with consensus address %s", inf.ProviderAddr)
	}
	if err != nil {
		return PunishResult{}, err
	}
	if val.IsUnbonded() || k.slashingKeeper.IsTombstoned(ctx, inf.ProviderAddr) {
		return PunishResult{}, nil
	}
	fraction := inf.Params.SlashFraction
	if fraction.IsNil() {
		fraction = math.LegacyZeroDec()
	}
	burned := math.ZeroInt()
	if fraction.IsPositive() {
		burned, err = k.stakingKeeper.SlashWithInfractionReason(ctx, inf.ProviderAddr, inf.InfractionHeight, inf.Power,
			fraction, stakingInfraction(inf.Kind))
		if err != nil {
			return PunishResult{}, fmt.Errorf("slashing %s: %w", inf.ProviderAddr, err)
		}
	}
	if !val.IsJailed() {
		if err := k.stakingKeeper.Jail(ctx, inf.ProviderAddr); err != nil {
			return PunishResult{}, fmt.Errorf("jailing %s: %w", inf.ProviderAddr, err)
		}
	}
	jailedUntil := ctx.BlockTime().Add(inf.Params.JailDuration)
	if err := k.slashingKeeper.JailUntil(ctx, inf.ProviderAddr, jailedUntil); err != nil {
		return PunishResult{}, fmt.Errorf("setting jail time of %s: %w", inf.ProviderAddr, err)
	}
	tombstone := inf.Params.Tombstone && inf.Kind != exttypes.INFRACTION_KIND_DOWNTIME
	if tombstone {
		if err := k.slashingKeeper.Tombstone(ctx, inf.ProviderAddr); err != nil {
			return PunishResult{}, fmt.Errorf("tombstoning %s: %w", inf.ProviderAddr, err)
		}
	}
	chainID, _ := k.GetConsumerChainID(ctx, inf.ConsumerID) // only for the record
	record := exttypes.Punishment{
		ConsumerId:       inf.ConsumerID,
		ConsumerChainId:  chainID,
		ProviderAddress:  inf.ProviderAddr.String(),
		ConsumerAddress:  inf.ConsumerAddr.String(),
		OperatorAddress:  val.GetOperator(),
		Infraction:       inf.Kind,
		InfractionHeight: inf.InfractionHeight,
		Height:           ctx.BlockHeight(),
		Time:             ctx.BlockTime(),
		SlashFraction:    fraction,
		SlashedTokens:    burned,
		Jailed:           true,
		JailedUntil:      jailedUntil,
		Tombstoned:       tombstone,
	}
	if record, err = k.recordPunishment(ctx, record); err != nil {
		return PunishResult{}, err
	}
	emitEvent(ctx, EventPunishment{Record: record})
	return PunishResult{Punished: true, Record: record}, nil
}

// recordPunishment appends a punishment to the record under the next
// sequence number.
func (k *Keeper) recordPunishment(ctx sdk.Context, p exttypes.Punishment) (exttypes.Punishment, error) {
	seq, err := k.PunishmentSeq.Next(ctx)
	if err != nil {
		return p, err
	}
	p.Sequence = seq + 1
	return p, k.Punishments.Set(ctx, p.Sequence, p)
}

func stakingInfraction(kind exttypes.InfractionKind) stakingtypes.Infraction {
	if kind == exttypes.INFRACTION_KIND_DOWNTIME {
		return stakingtypes.Infraction_INFRACTION_DOWNTIME
	}
	return stakingtypes.Infraction_INFRACTION_DOUBLE_SIGN
}
