package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rampart-ics/rampart/x/provider/types"
)

func TestParamsValidate(t *testing.T) {
	tests := []struct {
		name     string
		malleate func(*types.Params)
		valid    bool
	}{
		{"defaults", func(*types.Params) {}, true},
		{"epochs are 10 blocks by default", func(p *types.Params) { require.Equal(t, int64(10), p.BlocksPerEpoch) }, true},
		{"no template client", func(p *types.Params) { p.TemplateClient = nil }, false},
		{"trust level out of range", func(p *types.Params) { p.TemplateClient.TrustLevel.Numerator = 0 }, false},
		{"zero trusting fraction", func(p *types.Params) { p.TrustingPeriodFraction = "0" }, false},
		{"trusting fraction above 1", func(p *types.Params) { p.TrustingPeriodFraction = "1.1" }, false},
		{"zero ccv timeout", func(p *types.Params) { p.CcvTimeoutPeriod = 0 }, false},
		{"bad replenish fraction", func(p *types.Params) { p.SlashMeterReplenishFraction = "x" }, false},
		{"zero blocks per epoch", func(p *types.Params) { p.BlocksPerEpoch = 0 }, false},
		{"zero max provider validators", func(p *types.Params) { p.MaxProviderConsensusValidators = 0 }, false},
		{"zero reward epochs", func(p *types.Params) { p.NumberOfEpochsToStartReceivingRewards = 0 }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.malleate(&p)
			err := p.Validate()
			if tc.valid {
				require.NoError(t, err)
			} else {
				require.Error(t, err)
			}
		})
	}
}
