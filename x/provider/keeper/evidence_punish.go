package keeper

import (
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// requireEvidenceClient returns the client of a consumer that evidence may
// be submitted for: one that has a light client on the provider, that is a
// launched consumer or a stopped one not yet deleted. The client is what
// verifies light-client attacks, and its lifetime is the window in which
// the consumer's validators still answer for what they signed.
func (k *Keeper) requireEvidenceClient(ctx sdk.Context, consumerID string) (string, error) {
	phase, err := k.requireConsumer(ctx, consumerID)
	if err != nil {
		return "", err
	}
	clientID, err := k.ConsumerClientID.Get(ctx, consumerID)
	if errors.Is(err, collections.ErrNotFound) {
		return "", errorsmod.Wrapf(types.ErrNoConsumerClient, "consumer %s is %s", consumerID, phase)
	}
	return clientID, err
}

// requireMinEvidenceHeight refuses evidence from before the consumer's
// minimum evidence height: blocks before it were not signed under the
// provider's security.
func (k *Keeper) requireMinEvidenceHeight(ctx sdk.Context, consumerID string, height uint64) error {
	minHeight, err := getOptional(ctx, k.EquivocationEvidenceMinHeight, consumerID)
	if err != nil {
		return err
	}
	if height < minHeight {
		return errorsmod.Wrapf(types.ErrEvidenceBelowMinHeight, "infraction height %d, consumer %s accepts evidence from height %d",
			height, consumerID, minHeight)
	}
	return nil
}

// requireNotHandled refuses evidence whose offence was already punished.
func (k *Keeper) requireNotHandled(ctx sdk.Context, consumerID string, key []byte) error {
	handled, err := k.HandledEvidence.Has(ctx, collections.Join(consumerID, key))
	if err != nil {
		return err
	}
	if handled {
		return errorsmod.Wrapf(types.ErrEvidenceAlreadyHandled, "consumer %s, evidence %X", consumerID, key)
	}
	return nil
}

// equivocationParams returns the consumer's double-sign punishment, or the
// provider's default one when the consumer has none recorded.
func (k *Keeper) equivocationParams(ctx sdk.Context, consumerID string) (types.SlashJailParameters, error) {
	params, err := getOptional(ctx, k.ConsumerInfractionParams, consumerID)
	if err != nil {
		return types.SlashJailParameters{}, err
	}
	if params.DoubleSign != nil {
		return *params.DoubleSign, nil
	}
	defaults, err := k.DefaultInfractionParameters(ctx)
	if err != nil {
		return types.SlashJailParameters{}, err
	}
	return *defaults.DoubleSign, nil
}

// punishEquivocation punishes the provider validator behind a consumer
// address for equivocating on the consumer. The slash is dated at height 0
// and applied to the validator's power plus the power of the stake that is
// leaving it (ADR-013): staking then slashes every unbonding and
// redelegation entry still in its unbonding period, and the validator's own
// tokens by the full fraction.
func (k *Keeper) punishEquivocation(ctx sdk.Context, consumerID string, consumerAddr sdk.ConsAddress,
	kind exttypes.InfractionKind, params types.SlashJailParameters,
) (PunishResult, error) {
	providerAddr, err := k.ProviderAddrFromConsumerAddr(ctx, consumerID, consumerAddr)
	if err != nil {
		return PunishResult{}, err
	}
	val, err := k.stakingKeeper.GetValidatorByConsAddr(ctx, providerAddr)
	if errors.Is(err, stakingtypes.ErrNoValidatorFound) {
		return PunishResult{}, errorsmod.Wrapf(types.ErrUnknownConsumerValidator,
			"consumer address %s maps to provider address %s, which is no validator", consumerAddr, providerAddr)
	}
	if err != nil {
		return PunishResult{}, err
	}
	power, err := k.equivocationPower(ctx, val)
	if err != nil {
		return PunishResult{}, err
	}
	return k.Punish(ctx, Infraction{
		ConsumerID:       consumerID,
		ProviderAddr:     providerAddr,
		ConsumerAddr:     consumerAddr,
		Kind:             kind,
		InfractionHeight: 0,
		Power:            power,
		Params:           params,
	})
}

// equivocationPower is the power a double-sign slash applies to: the
// validator's tokens plus the initial balance of every unbonding and
// redelegation entry that staking will slash (those not yet mature), in
// power units. The tokens count whatever the validator's status, so that a
// validator jailed before the evidence arrives still loses the fraction.
func (k *Keeper) equivocationPower(ctx sdk.Context, val stakingtypes.Validator) (int64, error) {
	valAddr, err := k.stakingKeeper.ValidatorAddressCodec().StringToBytes(val.GetOperator())
	if err != nil {
		return 0, err
	}
	now := ctx.BlockHeader().Time
	tokens := val.GetTokens()
	ubds, err := k.stakingKeeper.GetUnbondingDelegationsFromValidator(ctx, valAddr)
	if err != nil {
		return 0, err
	}
	for _, ubd := range ubds {
		for _, e := range ubd.Entries {
			if !e.IsMature(now) || e.OnHold() {
				tokens = tokens.Add(e.InitialBalance)
			}
		}
	}
	reds, err := k.stakingKeeper.GetRedelegationsFromSrcValidator(ctx, valAddr)
	if err != nil {
		return 0, err
	}
	for _, red := range reds {
		for _, e := range red.Entries {
			if !e.IsMature(now) || e.OnHold() {
				tokens = tokens.Add(e.InitialBalance)
			}
		}
	}
	return sdk.TokensToConsensusPower(tokens, k.stakingKeeper.PowerReduction(ctx)), nil
}

// markHandled records an offence as punished.
func (k *Keeper) markHandled(ctx sdk.Context, consumerID string, key []byte) error {
	return k.HandledEvidence.Set(ctx, collections.Join(consumerID, key))
}
