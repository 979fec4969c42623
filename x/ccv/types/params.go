package types

import (
	"fmt"
	"strconv"
	"time"

	"cosmossdk.io/math"

	channelhost "github.com/cosmos/ibc-go/v11/modules/core/24-host"
)

// Defaults of the consumer parameters.
const (
	DefaultBlocksPerDistributionTransmission = int64(1000)
	DefaultTransferTimeoutPeriod             = time.Hour
	DefaultConsumerRedistributionFraction    = "0.75"
	DefaultHistoricalEntries                 = int64(10000)
	// DefaultConsumerUnbondingPeriod is the SDK's default unbonding period
	// (21 days) minus one day, so that consumers unbond before the provider.
	DefaultConsumerUnbondingPeriod = 20 * 24 * time.Hour
	DefaultRetryDelayPeriod        = time.Hour
	// softOptOutThreshold is deprecated but still emitted for compatibility.
	softOptOutThreshold = "0"
)

// DefaultConsumerParams returns the parameters of a disabled consumer module.
func DefaultConsumerParams() ConsumerParams {
	return ConsumerParams{
		Enabled:                           false,
		BlocksPerDistributionTransmission: DefaultBlocksPerDistributionTransmission,
		CcvTimeoutPeriod:                  DefaultCCVTimeoutPeriod,
		TransferTimeoutPeriod:             DefaultTransferTimeoutPeriod,
		ConsumerRedistributionFraction:    DefaultConsumerRedistributionFraction,
		HistoricalEntries:                 DefaultHistoricalEntries,
		UnbondingPeriod:                   DefaultConsumerUnbondingPeriod,
		SoftOptOutThreshold:               softOptOutThreshold,
		RewardDenoms:                      []string{},
		ProviderRewardDenoms:              []string{},
		RetryDelayPeriod:                  DefaultRetryDelayPeriod,
		ConsumerId:                        "0",
	}
}

// Validate checks every consumer parameter.
func (p ConsumerParams) Validate() error {
	checks := []struct {
		name string
		err  error
	}{
		{"blocks_per_distribution_transmission", positiveInt64(p.BlocksPerDistributionTransmission)},
		{"distribution_transmission_channel", optionalChannelID(p.DistributionTransmissionChannel)},
		{"ccv_timeout_period", positiveDuration(p.CcvTimeoutPeriod)},
		{"transfer_timeout_period", positiveDuration(p.TransferTimeoutPeriod)},
		{"consumer_redistribution_fraction", ValidateFraction(p.ConsumerRedistributionFraction)},
		{"historical_entries", positiveInt64(p.HistoricalEntries)},
		{"unbonding_period", positiveDuration(p.UnbondingPeriod)},
		{"retry_delay_period", positiveDuration(p.RetryDelayPeriod)},
		{"consumer_id", ValidateConsumerID(p.ConsumerId)},
	}
	for _, c := range checks {
		if c.err != nil {
			return fmt.Errorf("%s: %w", c.name, c.err)
		}
	}
	for _, denoms := range [][]string{p.RewardDenoms, p.ProviderRewardDenoms} {
		for _, d := range denoms {
			if d == "" {
				return fmt.Errorf("reward denoms: empty denom")
			}
		}
	}
	return nil
}

// ValidateConsumerID checks that id is a decimal uint64, the form of every
// consumer id the provider allocates.
func ValidateConsumerID(id string) error {
	if id == "" {
		return fmt.Errorf("consumer id cannot be empty")
	}
	if _, err := strconv.ParseUint(id, 10, 64); err != nil {
		return fmt.Errorf("consumer id %q is not a decimal uint64", id)
	}
	return nil
}

// ValidateFraction checks that s is a decimal in [0, 1].
func ValidateFraction(s string) error {
	d, err := math.LegacyNewDecFromStr(s)
	if err != nil {
		return fmt.Errorf("invalid decimal %q: %w", s, err)
	}
	if d.IsNegative() || d.GT(math.LegacyOneDec()) {
		return fmt.Errorf("%s is not in [0, 1]", s)
	}
	return nil
}

func positiveInt64(v int64) error {
	if v <= 0 {
		return fmt.Errorf("must be positive, got %d", v)
	}
	return nil
}

func positiveDuration(d time.Duration) error {
	if d <= 0 {
		return fmt.Errorf("must be positive, got %s", d)
	}
	return nil
}

func optionalChannelID(id string) error {
	if id == "" {
		return nil
	}
	return channelhost.ChannelIdentifierValidator(id)
}
