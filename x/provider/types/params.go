package types

import (
	"fmt"
	"time"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	commitmenttypes "github.com/cosmos/ibc-go/v11/modules/core/23-commitment/types"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
)

// Parameter defaults. They follow the incumbent except BlocksPerEpoch: a
// cheap epoch lets changes reach consumers within seconds, not an hour.
const (
	DefaultTrustingPeriodFraction                 = "0.66"
	DefaultMaxClockDrift                          = 10 * time.Second
	DefaultSlashMeterReplenishPeriod              = time.Hour
	DefaultSlashMeterReplenishFraction            = "0.05"
	DefaultBlocksPerEpoch                         = int64(10)
	DefaultNumberOfEpochsToStartReceivingRewards  = int64(24)
	DefaultMaxProviderConsensusValidators         = int64(180)
	defaultConsumerRewardDenomRegistrationFeeUnit = int64(10_000_000)
)

// DefaultTemplateClient is the light client every consumer client starts
// from; chain id, heights and periods are filled in per consumer.
func DefaultTemplateClient() *ibctm.ClientState {
	return ibctm.NewClientState(
		"",
		ibctm.DefaultTrustLevel,
		0, // trusting period: set per consumer
		0, // unbonding period: set per consumer
		DefaultMaxClockDrift,
		clienttypes.ZeroHeight(),
		commitmenttypes.GetSDKSpecs(),
		[]string{"upgrade", "upgradedIBCState"},
	)
}

// DefaultParams returns the provider's default parameters.
func DefaultParams() Params {
	return Params{
		TemplateClient:                        DefaultTemplateClient(),
		TrustingPeriodFraction:                DefaultTrustingPeriodFraction,
		CcvTimeoutPeriod:                      ccv.DefaultCCVTimeoutPeriod,
		SlashMeterReplenishPeriod:             DefaultSlashMeterReplenishPeriod,
		SlashMeterReplenishFraction:           DefaultSlashMeterReplenishFraction,
		ConsumerRewardDenomRegistrationFee:    sdk.NewInt64Coin(sdk.DefaultBondDenom, defaultConsumerRewardDenomRegistrationFeeUnit),
		BlocksPerEpoch:                        DefaultBlocksPerEpoch,
		NumberOfEpochsToStartReceivingRewards: DefaultNumberOfEpochsToStartReceivingRewards,
		MaxProviderConsensusValidators:        DefaultMaxProviderConsensusValidators,
	}
}

// Validate checks every parameter.
func (p Params) Validate() error {
	if p.TemplateClient == nil {
		return fmt.Errorf("template client is required")
	}
	if err := validateTemplateClient(*p.TemplateClient); err != nil {
		return fmt.Errorf("template client: %w", err)
	}
	if err := validatePositiveFraction(p.TrustingPeriodFraction); err != nil {
		return fmt.Errorf("trusting period fraction: %w", err)
	}
	if p.CcvTimeoutPeriod <= 0 {
		return fmt.Errorf("ccv timeout period must be positive")
	}
	if p.SlashMeterReplenishPeriod <= 0 {
		return fmt.Errorf("slash meter replenish period must be positive")
	}
	if err := validatePositiveFraction(p.SlashMeterReplenishFraction); err != nil {
		return fmt.Errorf("slash meter replenish fraction: %w", err)
	}
	if err := p.ConsumerRewardDenomRegistrationFee.Validate(); err != nil {
		return fmt.Errorf("consumer reward denom registration fee: %w", err)
	}
	if p.BlocksPerEpoch <= 0 {
		return fmt.Errorf("blocks per epoch must be positive")
	}
	if p.NumberOfEpochsToStartReceivingRewards <= 0 {
		return fmt.Errorf("number of epochs to start receiving rewards must be positive")
	}
	if p.MaxProviderConsensusValidators <= 0 {
		return fmt.Errorf("max provider consensus validators must be positive")
	}
	return nil
}

// validateTemplateClient checks the template once the per-consumer fields
// have placeholder values, so that a client built from it is valid.
func validateTemplateClient(cs ibctm.ClientState) error {
	cs.ChainId = "placeholder"
	cs.TrustingPeriod = 2 * time.Hour
	cs.UnbondingPeriod = 3 * time.Hour
	cs.LatestHeight = clienttypes.NewHeight(0, 1)
	return cs.Validate()
}

// validatePositiveFraction checks that s is a decimal in (0, 1].
func validatePositiveFraction(s string) error {
	d, err := math.LegacyNewDecFromStr(s)
	if err != nil {
		return fmt.Errorf("invalid decimal %q: %w", s, err)
	}
	if !d.IsPositive() || d.GT(math.LegacyOneDec()) {
		return fmt.Errorf("%s is not in (0, 1]", s)
	}
	return nil
}
