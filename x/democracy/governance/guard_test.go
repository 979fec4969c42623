package governance_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/democracy/governance"
)

func TestCheckParamsUpdate(t *testing.T) {
	current := ccvtypes.DefaultConsumerParams()
	current.Enabled = true
	current.ConsumerId = "3"
	current.ProviderFeePoolAddrStr = "cosmos1pool"
	current.DistributionTransmissionChannel = "channel-1"

	cases := []struct {
		name  string
		edit  func(*ccvtypes.ConsumerParams)
		field string // empty: allowed
	}{
		{"no change", func(*ccvtypes.ConsumerParams) {}, ""},
		{"reward denoms", func(p *ccvtypes.ConsumerParams) { p.RewardDenoms = []string{"ucoin"} }, ""},
		{"provider reward denoms", func(p *ccvtypes.ConsumerParams) { p.ProviderRewardDenoms = []string{"uatom"} }, ""},
		{"redistribution fraction", func(p *ccvtypes.ConsumerParams) { p.ConsumerRedistributionFraction = "1.0" }, "consumer_redistribution_fraction"},
		{"fee pool address", func(p *ccvtypes.ConsumerParams) { p.ProviderFeePoolAddrStr = "cosmos1thief" }, "provider_fee_pool_addr_str"},
		{"distribution channel", func(p *ccvtypes.ConsumerParams) { p.DistributionTransmissionChannel = "channel-9" }, "distribution_transmission_channel"},
		{"transmission interval", func(p *ccvtypes.ConsumerParams) { p.BlocksPerDistributionTransmission = 1 << 40 }, "blocks_per_distribution_transmission"},
		{"disable", func(p *ccvtypes.ConsumerParams) { p.Enabled = false }, "enabled"},
		{"unbonding period", func(p *ccvtypes.ConsumerParams) { p.UnbondingPeriod = time.Hour }, "unbonding_period"},
		{"ccv timeout", func(p *ccvtypes.ConsumerParams) { p.CcvTimeoutPeriod = time.Hour }, "ccv_timeout_period"},
		{"retry delay", func(p *ccvtypes.ConsumerParams) { p.RetryDelayPeriod = 1000 * time.Hour }, "retry_delay_period"},
		{"consumer id", func(p *ccvtypes.ConsumerParams) { p.ConsumerId = "4" }, "consumer_id"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			proposed := current
			proposed.RewardDenoms = append([]string(nil), current.RewardDenoms...)
			tc.edit(&proposed)
			err := governance.CheckParamsUpdate(current, proposed)
			if tc.field == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, governance.ErrProviderControlled)
			require.ErrorContains(t, err, "ccvconsumer parameter "+tc.field+":")
			require.ErrorContains(t, err, "only provider_reward_denoms and reward_denoms may change")
		})
	}
}
