package types

import (
	"fmt"

	"cosmossdk.io/math"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
)

// DefaultGenesisState is the genesis of a provider with no consumers.
func DefaultGenesisState() *GenesisState {
	return &GenesisState{
		ValsetUpdateId: ccv.DefaultValsetUpdateID,
		Params:         DefaultParams(),
	}
}

// Validate checks a provider genesis.
func (gs GenesisState) Validate() error {
	if gs.ValsetUpdateId == 0 {
		return fmt.Errorf("valset update id cannot be zero")
	}
	if err := gs.Params.Validate(); err != nil {
		return fmt.Errorf("params: %w", err)
	}
	seen := make(map[string]bool, len(gs.ConsumerStates))
	for i, cs := range gs.ConsumerStates {
		if seen[cs.ChainId] {
			return fmt.Errorf("consumer state %d: consumer id %s appears twice", i, cs.ChainId)
		}
		seen[cs.ChainId] = true
		if err := cs.Validate(); err != nil {
			return fmt.Errorf("consumer %s: %w", cs.ChainId, err)
		}
	}
	if err := gs.validateKeyAssignments(); err != nil {
		return err
	}
	for _, m := range gs.ValsetUpdateIdToHeight {
		if m.ValsetUpdateId == 0 || m.ValsetUpdateId >= gs.ValsetUpdateId {
			return fmt.Errorf("valset update id %d is not below the next id %d", m.ValsetUpdateId, gs.ValsetUpdateId)
		}
	}
	if err := gs.validateRewards(); err != nil {
		return err
	}
	return gs.validateSlashing()
}

// validateSlashing checks the slash meter and the punishment record.
func (gs GenesisState) validateSlashing() error {
	if gs.SlashMeter != "" {
		if _, ok := math.NewIntFromString(gs.SlashMeter); !ok {
			return fmt.Errorf("slash meter %q is not an integer", gs.SlashMeter)
		}
	}
	seen := make(map[uint64]bool, len(gs.Punishments))
	for _, p := range gs.Punishments {
		if p.Sequence == 0 || seen[p.Sequence] {
			return fmt.Errorf("punishment sequence %d is zero or appears twice", p.Sequence)
		}
		seen[p.Sequence] = true
	}
	return nil
}

// Validate checks one consumer's state.
func (cs ConsumerState) Validate() error {
	if err := ccv.ValidateConsumerID(cs.ChainId); err != nil {
		return err
	}
	if cs.Phase == CONSUMER_PHASE_UNSPECIFIED {
		return fmt.Errorf("phase is unspecified")
	}
	if _, ok := ConsumerPhase_name[int32(cs.Phase)]; !ok {
		return fmt.Errorf("unknown phase %d", cs.Phase)
	}
	if cs.Phase == CONSUMER_PHASE_LAUNCHED && cs.ClientId == "" {
		return fmt.Errorf("a launched consumer needs a client id")
	}
	if cs.ChannelId != "" && cs.ClientId == "" {
		return fmt.Errorf("a consumer with a channel needs a client id")
	}
	if cs.InitializationParameters != nil {
		if err := cs.InitializationParameters.Validate(); err != nil {
			return err
		}
	}
	if cs.PowerShapingParameters != nil {
		if err := cs.PowerShapingParameters.Validate(); err != nil {
			return err
		}
	}
	if cs.InfractionParameters != nil {
		if err := cs.InfractionParameters.Validate(); err != nil {
			return err
		}
	}
	if err := cs.validateValidatorChoices(); err != nil {
		return err
	}
	if cs.MinPowerInTopN < 0 {
		return fmt.Errorf("min power in top N cannot be negative, got %d", cs.MinPowerInTopN)
	}
	if q := cs.QueuedInfractionParameters; q != nil {
		if q.Parameters == nil {
			return fmt.Errorf("queued infraction parameters without parameters")
		}
		if err := q.Parameters.Validate(); err != nil {
			return fmt.Errorf("queued infraction parameters: %w", err)
		}
	}
	for _, vsc := range cs.PendingValsetChanges {
		if err := vsc.Validate(); err != nil {
			return fmt.Errorf("pending VSC packet: %w", err)
		}
	}
	if err := cs.validateRewardsAllocation(); err != nil {
		return err
	}
	return validateHandledEvidence(cs.HandledEvidenceHashes)
}
