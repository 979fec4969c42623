package keeper

import (
	"fmt"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// initSlashingGenesis loads the slash meter and the punishment record. A
// genesis without a meter (a new chain, or an incumbent export) starts
// with a full one.
func (k *Keeper) initSlashingGenesis(ctx sdk.Context, gs *types.GenesisState) error {
	if gs.SlashMeter == "" {
		if err := k.InitializeSlashMeter(ctx); err != nil {
			return fmt.Errorf("slash meter: %w", err)
		}
	} else {
		meter, ok := math.NewIntFromString(gs.SlashMeter)
		if !ok {
			return fmt.Errorf("slash meter %q is not an integer", gs.SlashMeter)
		}
		if err := k.setSlashMeter(ctx, meter); err != nil {
			return err
		}
		if err := k.SlashMeterReplenishCandidate.Set(ctx, gs.SlashMeterReplenishTimeCandidate); err != nil {
			return err
		}
	}
	var last uint64
	for _, p := range gs.Punishments {
		if err := k.Punishments.Set(ctx, p.Sequence, p); err != nil {
			return err
		}
		last = max(last, p.Sequence)
	}
	return k.PunishmentSeq.Set(ctx, last)
}

// importConsumerSlashing loads a consumer's pending slash acks and queued
// infraction parameters.
func (k *Keeper) importConsumerSlashing(ctx sdk.Context, cs types.ConsumerState) error {
	if len(cs.SlashDowntimeAck) > 0 {
		if err := k.SlashAcks.Set(ctx, cs.ChainId, types.SlashAcks{Addresses: cs.SlashDowntimeAck}); err != nil {
			return err
		}
	}
	if cs.QueuedInfractionParameters != nil {
		return k.setQueuedInfractionParameters(ctx, cs.ChainId, *cs.QueuedInfractionParameters)
	}
	return nil
}

// exportSlashingGenesis writes out the slash meter and the punishment
// record.
func (k *Keeper) exportSlashingGenesis(ctx sdk.Context, gs *types.GenesisState) error {
	has, err := k.SlashMeter.Has(ctx)
	if err != nil {
		return err
	}
	if has {
		meter, err := k.SlashMeter.Get(ctx)
		if err != nil {
			return err
		}
		gs.SlashMeter = meter.String()
		if gs.SlashMeterReplenishTimeCandidate, err = k.GetSlashMeterReplenishCandidate(ctx); err != nil {
			return err
		}
	}
	return k.Punishments.Walk(ctx, nil, func(_ uint64, p exttypes.Punishment) (bool, error) {
		gs.Punishments = append(gs.Punishments, p)
		return false, nil
	})
}

// exportConsumerSlashing writes out a consumer's pending slash acks and
// queued infraction parameters.
func (k *Keeper) exportConsumerSlashing(ctx sdk.Context, cs *types.ConsumerState) error {
	acks, err := getOptional(ctx, k.SlashAcks, cs.ChainId)
	if err != nil {
		return err
	}
	cs.SlashDowntimeAck = acks.Addresses
	return exportOptional(ctx, k.QueuedInfractionParams, cs.ChainId, &cs.QueuedInfractionParameters)
}
