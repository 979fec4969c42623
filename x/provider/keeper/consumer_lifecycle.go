package keeper

import (
	"math"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// CreateConsumer registers a consumer owned by the message's submitter and
// returns its id. The message has passed ValidateBasic.
func (k *Keeper) CreateConsumer(ctx sdk.Context, msg *types.MsgCreateConsumer) (string, error) {
	consumerID, err := k.nextConsumerID(ctx)
	if err != nil {
		return "", err
	}
	initParams := types.DefaultConsumerInitializationParameters()
	// The default initial height follows the chain id's revision number.
	initParams.InitialHeight.RevisionNumber = clienttypes.ParseChainID(msg.ChainId)
	if msg.InitializationParameters != nil {
		initParams = *msg.InitializationParameters
	}
	powerShaping := types.PowerShapingParameters{}
	if msg.PowerShapingParameters != nil {
		powerShaping = *msg.PowerShapingParameters
	}
	if err := k.validatePowerShapingAddresses(powerShaping); err != nil {
		return "", err
	}
	infraction, err := k.DefaultInfractionParameters(ctx)
	if err != nil {
		return "", err
	}
	if msg.InfractionParameters != nil {
		infraction = overrideInfractionParameters(infraction, *msg.InfractionParameters)
	}
	rewardDenoms := types.AllowlistedRewardDenoms{}
	if msg.AllowlistedRewardDenoms != nil {
		rewardDenoms = *msg.AllowlistedRewardDenoms
	}

	writes := []func() error{
		func() error { return k.ConsumerChainID.Set(ctx, consumerID, msg.ChainId) },
		func() error { return k.ConsumerOwner.Set(ctx, consumerID, msg.Submitter) },
		func() error { return k.ConsumerMetadata.Set(ctx, consumerID, msg.Metadata) },
		func() error { return k.ConsumerInitParams.Set(ctx, consumerID, initParams) },
		func() error { return k.ConsumerPowerShapingParams.Set(ctx, consumerID, powerShaping) },
		func() error { return k.ConsumerInfractionParams.Set(ctx, consumerID, infraction) },
		func() error { return k.ConsumerRewardDenoms.Set(ctx, consumerID, rewardDenoms) },
		func() error { return k.setConsumerPhase(ctx, consumerID, types.CONSUMER_PHASE_REGISTERED) },
		func() error { return k.scheduleLaunch(ctx, consumerID, time.Time{}) },
	}
	for _, write := range writes {
		if err := write(); err != nil {
			return "", err
		}
	}
	emitEvent(ctx, EventCreateConsumer{ConsumerID: consumerID, ChainID: msg.ChainId, Owner: msg.Submitter, SpawnTime: initParams.SpawnTime})
	return consumerID, nil
}

// UpdateConsumer applies an owner's update. Only the parts present in the
// message change.
func (k *Keeper) UpdateConsumer(ctx sdk.Context, msg *types.MsgUpdateConsumer) error {
	phase, err := k.requireConsumer(ctx, msg.ConsumerId)
	if err != nil {
		return err
	}
	if !IsActive(phase) {
		return errorsmod.Wrapf(types.ErrInvalidPhase, "consumer %s is %s; only registered, initialized or launched consumers can be updated", msg.ConsumerId, phase)
	}
	if err := k.requireOwner(ctx, msg.ConsumerId, msg.Owner); err != nil {
		return err
	}
	prelaunched := IsPrelaunched(phase)
	oldInit, err := k.ConsumerInitParams.Get(ctx, msg.ConsumerId)
	if err != nil {
		return err
	}

	if msg.NewOwnerAddress != "" {
		if _, err := k.accountKeeper.AddressCodec().StringToBytes(msg.NewOwnerAddress); err != nil {
			return errorsmod.Wrapf(types.ErrInvalidAddress, "new owner %q: %s", msg.NewOwnerAddress, err)
		}
		if err := k.ConsumerOwner.Set(ctx, msg.ConsumerId, msg.NewOwnerAddress); err != nil {
			return err
		}
	}
	if msg.NewChainId != "" {
		if !prelaunched {
			return errorsmod.Wrapf(types.ErrInvalidPhase, "the chain id of consumer %s cannot change after launch", msg.ConsumerId)
		}
		if err := k.ConsumerChainID.Set(ctx, msg.ConsumerId, msg.NewChainId); err != nil {
			return err
		}
	}
	if msg.Metadata != nil {
		if err := k.ConsumerMetadata.Set(ctx, msg.ConsumerId, *msg.Metadata); err != nil {
			return err
		}
	}
	if msg.InitializationParameters != nil {
		if !prelaunched {
			return errorsmod.Wrapf(types.ErrInvalidPhase, "the initialization parameters of consumer %s cannot change after launch", msg.ConsumerId)
		}
		if err := k.ConsumerInitParams.Set(ctx, msg.ConsumerId, *msg.InitializationParameters); err != nil {
			return err
		}
	}
	if msg.PowerShapingParameters != nil {
		if err := k.applyPowerShaping(ctx, msg.ConsumerId, msg.Owner, *msg.PowerShapingParameters); err != nil {
			return err
		}
	}
	if msg.AllowlistedRewardDenoms != nil {
		if err := k.ConsumerRewardDenoms.Set(ctx, msg.ConsumerId, *msg.AllowlistedRewardDenoms); err != nil {
			return err
		}
	}
	if msg.InfractionParameters != nil {
		if err := k.updateInfractionParameters(ctx, msg.ConsumerId, prelaunched, *msg.InfractionParameters); err != nil {
			return err
		}
	}
	if err := k.requireGovOwnedTopN(ctx, msg.ConsumerId); err != nil {
		return err
	}
	if prelaunched {
		if err := k.scheduleLaunch(ctx, msg.ConsumerId, oldInit.SpawnTime); err != nil {
			return err
		}
	}
	phase, err = k.consumerPhase(ctx, msg.ConsumerId)
	if err != nil {
		return err
	}
	emitEvent(ctx, EventUpdateConsumer{ConsumerID: msg.ConsumerId, Phase: phase})
	return nil
}

// RemoveConsumer stops a launched consumer at its owner's request.
func (k *Keeper) RemoveConsumer(ctx sdk.Context, consumerID, owner string) error {
	phase, err := k.requireConsumer(ctx, consumerID)
	if err != nil {
		return err
	}
	if err := k.requireOwner(ctx, consumerID, owner); err != nil {
		return err
	}
	if phase != types.CONSUMER_PHASE_LAUNCHED {
		return errorsmod.Wrapf(types.ErrInvalidPhase, "consumer %s is %s; only a launched consumer can be removed", consumerID, phase)
	}
	if err := k.StopConsumer(ctx, consumerID); err != nil {
		return err
	}
	emitEvent(ctx, EventRemoveConsumer{ConsumerID: consumerID})
	return nil
}

func (k *Keeper) requireOwner(ctx sdk.Context, consumerID, sender string) error {
	owner, err := k.ConsumerOwner.Get(ctx, consumerID)
	if err != nil {
		return err
	}
	if owner != sender {
		return errorsmod.Wrapf(types.ErrUnauthorized, "%s is not the owner of consumer %s (the owner is %s)", sender, consumerID, owner)
	}
	return nil
}

// requireGovOwnedTopN refuses a top-N chain that governance does not own:
// only governance may oblige validators to secure a chain.
func (k *Keeper) requireGovOwnedTopN(ctx sdk.Context, consumerID string) error {
	ps, err := getOptional(ctx, k.ConsumerPowerShapingParams, consumerID)
	if err != nil || ps.Top_N == 0 {
		return err
	}
	owner, err := k.ConsumerOwner.Get(ctx, consumerID)
	if err != nil {
		return err
	}
	if owner != k.authority {
		return errorsmod.Wrapf(types.ErrInvalidTopN, "consumer %s has top_N %d but is owned by %s, not governance (%s)", consumerID, ps.Top_N, owner, k.authority)
	}
	return nil
}

// scheduleLaunch puts a pre-launch consumer in the phase its spawn time
// implies and moves its launch-queue entry from oldSpawnTime to the current
// one.
func (k *Keeper) scheduleLaunch(ctx sdk.Context, consumerID string, oldSpawnTime time.Time) error {
	if !oldSpawnTime.IsZero() {
		if err := k.SpawnTimeQueue.Remove(ctx, collections.Join(oldSpawnTime, consumerID)); err != nil {
			return err
		}
	}
	initParams, err := k.ConsumerInitParams.Get(ctx, consumerID)
	if err != nil {
		return err
	}
	chainID, err := k.GetConsumerChainID(ctx, consumerID)
	if err != nil {
		return err
	}
	// Catch now what would otherwise only fail at launch: a light client's
	// heights carry the revision number of its chain id.
	if rev := clienttypes.ParseChainID(chainID); initParams.InitialHeight.RevisionNumber != rev {
		return errorsmod.Wrapf(types.ErrInvalidInitParams, "initial height %s has revision %d but chain id %s has revision %d",
			initParams.InitialHeight, initParams.InitialHeight.RevisionNumber, chainID, rev)
	}
	if initParams.SpawnTime.IsZero() {
		return k.setConsumerPhase(ctx, consumerID, types.CONSUMER_PHASE_REGISTERED)
	}
	if err := k.SpawnTimeQueue.Set(ctx, collections.Join(initParams.SpawnTime, consumerID)); err != nil {
		return err
	}
	return k.setConsumerPhase(ctx, consumerID, types.CONSUMER_PHASE_INITIALIZED)
}

// DefaultInfractionParameters derives a consumer's punishments from the
// provider's slashing parameters: double signing slashes and jails forever
// with a tombstone; downtime jails for the downtime jail duration.
func (k *Keeper) DefaultInfractionParameters(ctx sdk.Context) (types.InfractionParameters, error) {
	doubleSignFraction, err := k.slashingKeeper.SlashFractionDoubleSign(ctx)
	if err != nil {
		return types.InfractionParameters{}, err
	}
	downtimeJail, err := k.slashingKeeper.DowntimeJailDuration(ctx)
	if err != nil {
		return types.InfractionParameters{}, err
	}
	return types.InfractionParameters{
		DoubleSign: &types.SlashJailParameters{
			SlashFraction: doubleSignFraction,
			JailDuration:  time.Duration(math.MaxInt64),
			Tombstone:     true,
		},
		Downtime: &types.SlashJailParameters{
			SlashFraction: sdkmath.LegacyZeroDec(),
			JailDuration:  downtimeJail,
		},
	}, nil
}

// overrideInfractionParameters replaces each kind of punishment that the
// update carries.
func overrideInfractionParameters(current, update types.InfractionParameters) types.InfractionParameters {
	if update.DoubleSign != nil {
		current.DoubleSign = update.DoubleSign
	}
	if update.Downtime != nil {
		current.Downtime = update.Downtime
	}
	return current
}
