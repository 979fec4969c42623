package keeper

import (
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/cosmos/ibc-go/v11/modules/core/exported"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// slashRequest is a validated slash packet resolved against provider state.
type slashRequest struct {
	consumerID       string
	data             ccv.SlashPacketData
	consumerAddr     sdk.ConsAddress
	providerAddr     sdk.ConsAddress
	infractionHeight int64
}

// OnRecvSlashPacket handles a consumer's request to punish a validator
// (ADR-008, throttle with retries). Bad input gets an error
// acknowledgement; a downtime request that cannot go through now because
// the slash meter is empty gets byte 3 and the consumer retries it; every
// other request gets byte 2 (byte 1 for double signing, which is punished
// only on evidence) and the consumer's address is acknowledged in the next
// VSC packet, which lets the consumer report that validator again.
//
// Spec tag: [CCV-PCF-RCVSLASH.1]
func (k *Keeper) OnRecvSlashPacket(ctx sdk.Context, consumerID string, data ccv.SlashPacketData) exported.Acknowledgement {
	req, err := k.resolveSlashRequest(ctx, consumerID, data)
	if err != nil {
		k.Logger(ctx).Error("slash packet refused", "consumer_id", consumerID, "error", err)
		return ccv.NewErrorAck(err)
	}
	if data.Infraction == stakingtypes.Infraction_INFRACTION_DOUBLE_SIGN {
		k.Logger(ctx).Info("double-sign slash packet received; double signing is punished only on evidence",
			"consumer_id", consumerID, "provider_address", req.providerAddr, "infraction_height", req.infractionHeight)
		emitEvent(ctx, EventSlashPacketIgnored{
			ConsumerID: consumerID, ConsumerAddr: k.slashAckAddr(req.consumerAddr), Infraction: data.Infraction.String(),
			Reason: "double signing is punished only on evidence",
		})
		return ccv.NewResultAck(ccv.V1Result)
	}
	ack, err := k.handleDowntimeRequest(ctx, req)
	if err != nil {
		// A store failure, or a bug in punishing: nothing the consumer did.
		// Bouncing keeps the request alive; the consumer sends it again.
		k.Logger(ctx).Error("slash packet could not be handled; bounced for a retry", "consumer_id", consumerID, "error", err)
		return ccv.NewResultAck(ccv.SlashPacketBouncedResult)
	}
	return ack
}

// resolveSlashRequest validates a slash packet and maps it to the provider:
// the infraction height from the valset update id, the provider validator
// from the consumer address.
func (k *Keeper) resolveSlashRequest(ctx sdk.Context, consumerID string, data ccv.SlashPacketData) (slashRequest, error) {
	if err := data.Validate(); err != nil {
		return slashRequest{}, err
	}
	if data.Validator.Power < 0 {
		return slashRequest{}, errorsmod.Wrapf(ccv.ErrInvalidPacketData, "validator power must be positive, got %d", data.Validator.Power)
	}
	height, err := k.slashInfractionHeight(ctx, consumerID, data.ValsetUpdateId)
	if err != nil {
		return slashRequest{}, err
	}
	consumerAddr := sdk.ConsAddress(data.Validator.Address)
	providerAddr, err := k.ProviderAddrFromConsumerAddr(ctx, consumerID, consumerAddr)
	if err != nil {
		return slashRequest{}, err
	}
	return slashRequest{
		consumerID:       consumerID,
		data:             data,
		consumerAddr:     consumerAddr,
		providerAddr:     providerAddr,
		infractionHeight: height,
	}, nil
}

// infractionHeight maps a valset update id to the provider height at which
// that set was current. Id 0 stands for the set the consumer started with:
// the height at which its channel was established.
func (k *Keeper) slashInfractionHeight(ctx sdk.Context, consumerID string, valsetUpdateID uint64) (int64, error) {
	var (
		height uint64
		err    error
	)
	if valsetUpdateID == 0 {
		height, err = k.InitChainHeight.Get(ctx, consumerID)
	} else {
		height, err = k.ValsetUpdateIDToHeight.Get(ctx, valsetUpdateID)
	}
	if errors.Is(err, collections.ErrNotFound) {
		return 0, errorsmod.Wrapf(types.ErrUnknownValsetUpdateID, "valset update id %d of consumer %s maps to no provider height", valsetUpdateID, consumerID)
	}
	if err != nil {
		return 0, err
	}
	// x/staking refuses to slash a future height. The id of the set in force
	// is dated at the next block, so cap it at this one.
	if now := ctx.BlockHeight(); height > uint64(now) {
		return now, nil
	}
	return int64(height), nil
}

// handleDowntimeRequest applies the throttle and, when the meter allows,
// the consumer's downtime punishment. Store failures are returned.
func (k *Keeper) handleDowntimeRequest(ctx sdk.Context, req slashRequest) (exported.Acknowledgement, error) {
	consumerAddr := k.slashAckAddr(req.consumerAddr)
	inSet, err := k.ConsumerValidators.Has(ctx, collections.Join(req.consumerID, []byte(req.providerAddr)))
	if err != nil {
		return nil, err
	}
	phase, err := k.consumerPhase(ctx, req.consumerID)
	if err != nil {
		return nil, err
	}
	if phase != types.CONSUMER_PHASE_LAUNCHED || !inSet {
		reason := "the validator is not in the consumer's current validator set"
		if phase != types.CONSUMER_PHASE_LAUNCHED {
			reason = "the consumer is " + phase.String()
		}
		emitEvent(ctx, EventSlashPacketIgnored{ConsumerID: req.consumerID, ConsumerAddr: consumerAddr, Infraction: req.data.Infraction.String(), Reason: reason})
		return ccv.NewResultAck(ccv.SlashPacketHandledResult), k.appendSlashAck(ctx, req.consumerID, consumerAddr)
	}
	meter, err := k.GetSlashMeter(ctx)
	if err != nil {
		return nil, err
	}
	if meter.IsNegative() {
		emitEvent(ctx, EventSlashPacketBounced{ConsumerID: req.consumerID, ConsumerAddr: consumerAddr, Meter: meter.String()})
		return ccv.NewResultAck(ccv.SlashPacketBouncedResult), nil
	}
	// The punishment runs isolated, so that a failure in x/staking or
	// x/slashing leaves nothing half done and the meter untouched.
	err = k.runIsolated(ctx, "downtime slash of "+req.providerAddr.String(), func(ctx sdk.Context) error {
		power, err := k.effectivePower(ctx, req.providerAddr)
		if err != nil {
			return err
		}
		if err := k.setSlashMeter(ctx, meter.Sub(power)); err != nil {
			return err
		}
		if err := k.punishDowntime(ctx, req); err != nil {
			return err
		}
		return k.appendSlashAck(ctx, req.consumerID, consumerAddr)
	})
	if err != nil {
		return nil, err
	}
	return ccv.NewResultAck(ccv.SlashPacketHandledResult), nil
}

// punishDowntime jails (and slashes by the consumer's downtime fraction) a
// validator that is not jailed yet. A jailed, tombstoned or unbonded
// validator has already answered, or cannot answer: the request is only
// acknowledged.
func (k *Keeper) punishDowntime(ctx sdk.Context, req slashRequest) error {
	consumerAddr := k.slashAckAddr(req.consumerAddr)
	ignore := func(reason string) error {
		k.Logger(ctx).Info("downtime slash packet acknowledged without punishment", "consumer_id", req.consumerID,
			"provider_address", req.providerAddr, "reason", reason)
		emitEvent(ctx, EventSlashPacketIgnored{ConsumerID: req.consumerID, ConsumerAddr: consumerAddr, Infraction: req.data.Infraction.String(), Reason: reason})
		return nil
	}
	val, err := k.stakingKeeper.GetValidatorByConsAddr(ctx, req.providerAddr)
	if errors.Is(err, stakingtypes.ErrNoValidatorFound) {
		return ignore("no provider validator with this address")
	}
	if err != nil {
		return err
	}
	switch {
	case val.IsJailed():
		return ignore("the validator is already jailed")
	case val.IsUnbonded():
		return ignore("the validator is unbonded")
	case k.slashingKeeper.IsTombstoned(ctx, req.providerAddr):
		return ignore("the validator is tombstoned")
	}
	params, err := k.ConsumerInfractionParams.Get(ctx, req.consumerID)
	if err != nil {
		return err
	}
	if params.Downtime == nil {
		return errorsmod.Wrapf(types.ErrInvalidInfractionParams, "consumer %s has no downtime parameters", req.consumerID)
	}
	res, err := k.Punish(ctx, Infraction{
		ConsumerID:       req.consumerID,
		ProviderAddr:     req.providerAddr,
		ConsumerAddr:     req.consumerAddr,
		Kind:             exttypes.INFRACTION_KIND_DOWNTIME,
		InfractionHeight: req.infractionHeight,
		Power:            req.data.Validator.Power,
		Params:           *params.Downtime,
	})
	if err != nil {
		return err
	}
	if res.Punished {
		emitEvent(ctx, EventExecuteConsumerChainSlash{
			ConsumerID: req.consumerID, ProviderAddr: req.providerAddr.String(), ConsumerAddr: consumerAddr,
			Infraction: req.data.Infraction.String(), InfractionHeight: req.infractionHeight, ValsetUpdateID: req.data.ValsetUpdateId,
		})
	}
	return nil
}

// effectivePower is the power jailing a validator takes off the provider:
// its last power, or none if it is jailed or unknown.
func (k *Keeper) effectivePower(ctx sdk.Context, providerAddr sdk.ConsAddress) (math.Int, error) {
	val, err := k.stakingKeeper.GetValidatorByConsAddr(ctx, providerAddr)
	if errors.Is(err, stakingtypes.ErrNoValidatorFound) {
		return math.ZeroInt(), nil
	}
	if err != nil {
		return math.Int{}, err
	}
	if val.IsJailed() {
		return math.ZeroInt(), nil
	}
	valAddr, err := k.stakingKeeper.ValidatorAddressCodec().StringToBytes(val.GetOperator())
	if err != nil {
		return math.Int{}, err
	}
	power, err := k.stakingKeeper.GetLastValidatorPower(ctx, valAddr)
	if err != nil {
		return math.Int{}, err
	}
	return math.NewInt(power), nil
}

// appendSlashAck queues a consumer address for the consumer's next VSC
// packet, once.
func (k *Keeper) appendSlashAck(ctx sdk.Context, consumerID, consumerAddr string) error {
	acks, err := getOptional(ctx, k.SlashAcks, consumerID)
	if err != nil {
		return err
	}
	for _, a := range acks.Addresses {
		if a == consumerAddr {
			return nil
		}
	}
	acks.Addresses = append(acks.Addresses, consumerAddr)
	return k.SlashAcks.Set(ctx, consumerID, acks)
}

// consAddrString renders a consensus address with the provider's prefix,
// which is how slash acks name consumer addresses.
func (k *Keeper) slashAckAddr(addr sdk.ConsAddress) string {
	s, err := k.stakingKeeper.ConsensusAddressCodec().BytesToString(addr)
	if err != nil {
		return addr.String()
	}
	return s
}
