package types

import (
	"fmt"

	"cosmossdk.io/math"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
)

// validateKeyAssignments checks the key-assignment sections of a genesis
// (fields 9, 10 and 14): consumer ids, addresses and ed25519 keys.
func (gs GenesisState) validateKeyAssignments() error {
	for i, a := range gs.ValidatorConsumerPubkeys {
		if err := ccv.ValidateConsumerID(a.ChainId); err != nil {
			return fmt.Errorf("validator consumer key %d: %w", i, err)
		}
		if len(a.ProviderAddr) == 0 {
			return fmt.Errorf("validator consumer key %d: empty provider address", i)
		}
		if a.ConsumerKey == nil || a.ConsumerKey.GetEd25519() == nil {
			return fmt.Errorf("validator consumer key %d: expected an ed25519 key", i)
		}
		if _, err := ConsumerKeyAddr(*a.ConsumerKey); err != nil {
			return fmt.Errorf("validator consumer key %d: %w", i, err)
		}
	}
	for i, m := range gs.ValidatorsByConsumerAddr {
		if err := ccv.ValidateConsumerID(m.ChainId); err != nil {
			return fmt.Errorf("validator by consumer address %d: %w", i, err)
		}
		if len(m.ConsumerAddr) == 0 || len(m.ProviderAddr) == 0 {
			return fmt.Errorf("validator by consumer address %d: empty address", i)
		}
	}
	for i, p := range gs.ConsumerAddrsToPruneV2 {
		if err := ccv.ValidateConsumerID(p.ChainId); err != nil {
			return fmt.Errorf("consumer addresses to prune %d: %w", i, err)
		}
		if p.ConsumerAddrs == nil || len(p.ConsumerAddrs.Addresses) == 0 {
			return fmt.Errorf("consumer addresses to prune %d: no addresses", i)
		}
	}
	return nil
}

// validateValidatorChoices checks a consumer's opt-ins and commission
// rates.
func (cs ConsumerState) validateValidatorChoices() error {
	for i, addr := range cs.OptedInValidators {
		if len(addr) == 0 {
			return fmt.Errorf("opted-in validator %d: empty address", i)
		}
	}
	for i, r := range cs.CommissionRates {
		if len(r.ProviderConsAddr) == 0 {
			return fmt.Errorf("commission rate %d: empty provider address", i)
		}
		if r.Rate.IsNil() || r.Rate.IsNegative() || r.Rate.GT(math.LegacyOneDec()) {
			return fmt.Errorf("commission rate %d: expected a value in [0, 1], got %s", i, r.Rate)
		}
	}
	return nil
}
