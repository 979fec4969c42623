package types

import (
	"fmt"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/exttypes"
)

// validateRewards checks the global reward allowlist and the reward record.
func (gs GenesisState) validateRewards() error {
	seen := make(map[string]bool, len(gs.RegisteredConsumerRewardDenoms))
	for _, denom := range gs.RegisteredConsumerRewardDenoms {
		if err := validateRewardDenom(denom); err != nil {
			return fmt.Errorf("registered reward denom %q: %w", denom, err)
		}
		if seen[denom] {
			return fmt.Errorf("registered reward denom %s appears twice", denom)
		}
		seen[denom] = true
	}
	h := gs.RewardsHistory
	for _, e := range append(append([]exttypes.ConsumerRewardsEntry{}, h.ConsumerTotals...), h.ConsumerBuckets...) {
		if err := validateRewardEntry(e.ConsumerId, e.Denom); err != nil {
			return err
		}
	}
	for _, e := range append(append([]exttypes.ValidatorRewardsEntry{}, h.ValidatorTotals...), h.ValidatorBuckets...) {
		if len(e.ProviderConsAddr) == 0 {
			return fmt.Errorf("reward record of consumer %s: empty validator address", e.ConsumerId)
		}
		if err := validateRewardEntry(e.ConsumerId, e.Denom); err != nil {
			return err
		}
	}
	return nil
}

func validateRewardEntry(consumerID, denom string) error {
	if err := ccv.ValidateConsumerID(consumerID); err != nil {
		return fmt.Errorf("reward record: %w", err)
	}
	if denom == "" {
		return fmt.Errorf("reward record of consumer %s: empty denom", consumerID)
	}
	return nil
}

// validateRewardsAllocation checks a consumer's allocation record.
func (cs ConsumerState) validateRewardsAllocation() error {
	if cs.RewardsAllocation == nil {
		return nil
	}
	if err := cs.RewardsAllocation.Rewards.Validate(); err != nil {
		return fmt.Errorf("rewards allocation: %w", err)
	}
	return nil
}
