package keeper

import (
	"context"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	abci "github.com/cometbft/cometbft/abci/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
)

// Slash is x/slashing's slash without a reason; a request without a reason
// cannot be sent to the provider, so it is only logged.
func (k *Keeper) Slash(ctx context.Context, addr sdk.ConsAddress, infractionHeight, power int64, fraction sdkmath.LegacyDec) (sdkmath.Int, error) {
	return k.SlashWithInfractionReason(ctx, addr, infractionHeight, power, fraction, stakingtypes.Infraction_INFRACTION_UNSPECIFIED)
}

// SlashWithInfractionReason turns x/slashing's downtime slash and
// x/evidence's double-sign slash into a slash request for the provider,
// which holds the stake. The fraction is the provider's to choose, and
// nothing is burnt here. Only a store failure is returned as an error:
// these calls come from BeginBlock, where an error halts the chain.
//
// Spec tag: [CCV-CCF-SNDSLASH.1]
func (k *Keeper) SlashWithInfractionReason(
	ctx context.Context, addr sdk.ConsAddress, infractionHeight, power int64, _ sdkmath.LegacyDec,
	infraction stakingtypes.Infraction,
) (sdkmath.Int, error) {
	return sdkmath.ZeroInt(), k.QueueSlashRequest(sdk.UnwrapSDKContext(ctx), addr, infractionHeight, power, infraction)
}

// QueueSlashRequest queues a slash packet naming the validator, its power
// and the valset update id in force at the infraction height. A downtime
// request flags the validator, and no other downtime request is queued for
// it until the provider's slash ack (in a VSC packet) clears the flag.
// Requests that cannot be honoured are logged and dropped.
func (k *Keeper) QueueSlashRequest(ctx sdk.Context, addr sdk.ConsAddress, infractionHeight, power int64, infraction stakingtypes.Infraction) error {
	logger := k.Logger(ctx).With("validator", addr.String(), "infraction", infraction, "infraction_height", infractionHeight)
	params, err := k.GetConsumerParams(ctx)
	if err != nil {
		return err
	}
	if !params.Enabled {
		logger.Info("slash request dropped: the consumer module is disabled")
		return nil
	}
	switch infraction {
	case stakingtypes.Infraction_INFRACTION_DOWNTIME:
		flagged, err := k.OutstandingDowntime.Has(ctx, addr)
		if err != nil || flagged {
			return err
		}
	case stakingtypes.Infraction_INFRACTION_DOUBLE_SIGN:
	default:
		logger.Error("slash request dropped: no infraction reason")
		return nil
	}
	vscID, known, err := k.ValsetUpdateIDAt(ctx, infractionHeight)
	if err != nil {
		return err
	}
	if !known {
		logger.Error("slash request dropped: the infraction is older than the valset update ids kept (one unbonding period)")
		return nil
	}
	data := ccvtypes.NewSlashPacketData(abci.Validator{Address: addr, Power: power}, vscID, infraction)
	if err := data.Validate(); err != nil {
		logger.Error("slash request dropped", "error", err)
		return nil
	}
	if err := k.AppendPendingPacket(ctx, ccvtypes.NewSlashPacket(data)); err != nil {
		return err
	}
	if infraction == stakingtypes.Infraction_INFRACTION_DOWNTIME {
		if err := k.OutstandingDowntime.Set(ctx, addr); err != nil {
			return err
		}
	}
	logger.Info("slash request queued for the provider", "vscID", vscID, "power", power)
	emitEvent(ctx, EventSlashRequest{
		ValidatorAddress: k.consAddrString(addr),
		ValsetUpdateID:   vscID,
		Infraction:       infraction,
		InfractionHeight: infractionHeight,
	})
	return nil
}

// consAddrString renders a consensus address with the chain's prefix; an
// address the codec cannot render (none in practice) falls back to hex.
func (k *Keeper) consAddrString(addr sdk.ConsAddress) string {
	s, err := k.consensusAddrCodec.BytesToString(addr)
	if err != nil {
		return addr.String()
	}
	return s
}
