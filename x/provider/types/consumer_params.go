package types

import (
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	host "github.com/cosmos/ibc-go/v11/modules/core/24-host"

	cmttypes "github.com/cometbft/cometbft/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
)

// Limits on what a consumer's creator may submit.
const (
	MaxNameLength         = 50
	MaxDescriptionLength  = 10_000
	MaxMetadataLength     = 255
	MaxHashLength         = 64
	MaxValidatorCount     = 1000
	MaxRewardDenomsPerCon = 3
)

// reservedChainIDs cannot be used by new consumers: they name live chains
// whose ids must not be impersonated.
var reservedChainIDs = map[string]bool{"neutron-1": true, "stride-1": true}

// DefaultConsumerUnbondingPeriod is the SDK's default unbonding period minus
// one day, so that a consumer's stake unbonds before the provider's.
const DefaultConsumerUnbondingPeriod = ccv.DefaultConsumerUnbondingPeriod

// DefaultConsumerInitializationParameters are used when a creator leaves them
// out. A zero spawn time keeps the consumer REGISTERED.
func DefaultConsumerInitializationParameters() ConsumerInitializationParameters {
	return ConsumerInitializationParameters{
		InitialHeight:                     clienttypes.NewHeight(1, 1),
		UnbondingPeriod:                   DefaultConsumerUnbondingPeriod,
		CcvTimeoutPeriod:                  ccv.DefaultCCVTimeoutPeriod,
		TransferTimeoutPeriod:             ccv.DefaultTransferTimeoutPeriod,
		ConsumerRedistributionFraction:    ccv.DefaultConsumerRedistributionFraction,
		BlocksPerDistributionTransmission: ccv.DefaultBlocksPerDistributionTransmission,
		HistoricalEntries:                 ccv.DefaultHistoricalEntries,
	}
}

// ValidateChainID checks a consumer chain id.
func ValidateChainID(chainID string) error {
	if strings.TrimSpace(chainID) == "" {
		return errorsmod.Wrap(ErrInvalidChainID, "chain id cannot be blank")
	}
	if len(chainID) > cmttypes.MaxChainIDLen {
		return errorsmod.Wrapf(ErrInvalidChainID, "chain id is %d bytes, the limit is %d", len(chainID), cmttypes.MaxChainIDLen)
	}
	if reservedChainIDs[chainID] {
		return errorsmod.Wrapf(ErrInvalidChainID, "chain id %s is reserved", chainID)
	}
	return nil
}

// Validate checks consumer metadata.
func (m ConsumerMetadata) Validate() error {
	fields := []struct {
		name, value string
		limit       int
	}{
		{"name", m.Name, MaxNameLength},
		{"description", m.Description, MaxDescriptionLength},
		{"metadata", m.Metadata, MaxMetadataLength},
	}
	for _, f := range fields {
		if strings.TrimSpace(f.value) == "" {
			return errorsmod.Wrapf(ErrInvalidMetadata, "%s cannot be blank", f.name)
		}
		if len(f.value) > f.limit {
			return errorsmod.Wrapf(ErrInvalidMetadata, "%s is %d bytes, the limit is %d", f.name, len(f.value), f.limit)
		}
	}
	return nil
}

// Validate checks initialization parameters.
func (p ConsumerInitializationParameters) Validate() error {
	wrap := func(field string, err error) error {
		return errorsmod.Wrapf(ErrInvalidInitParams, "%s: %s", field, err)
	}
	if p.InitialHeight.IsZero() {
		return wrap("initial_height", fmt.Errorf("cannot be zero"))
	}
	if len(p.GenesisHash) > MaxHashLength {
		return wrap("genesis_hash", fmt.Errorf("is %d bytes, the limit is %d", len(p.GenesisHash), MaxHashLength))
	}
	if len(p.BinaryHash) > MaxHashLength {
		return wrap("binary_hash", fmt.Errorf("is %d bytes, the limit is %d", len(p.BinaryHash), MaxHashLength))
	}
	if err := ccv.ValidateFraction(p.ConsumerRedistributionFraction); err != nil {
		return wrap("consumer_redistribution_fraction", err)
	}
	durations := []struct {
		name string
		d    time.Duration
	}{
		{"unbonding_period", p.UnbondingPeriod},
		{"ccv_timeout_period", p.CcvTimeoutPeriod},
		{"transfer_timeout_period", p.TransferTimeoutPeriod},
	}
	for _, d := range durations {
		if d.d <= 0 {
			return wrap(d.name, fmt.Errorf("must be positive, got %s", d.d))
		}
	}
	if p.BlocksPerDistributionTransmission <= 0 {
		return wrap("blocks_per_distribution_transmission", fmt.Errorf("must be positive"))
	}
	if p.HistoricalEntries <= 0 {
		return wrap("historical_entries", fmt.Errorf("must be positive"))
	}
	if p.DistributionTransmissionChannel != "" {
		if err := host.ChannelIdentifierValidator(p.DistributionTransmissionChannel); err != nil {
			return wrap("distribution_transmission_channel", err)
		}
	}
	if p.ConnectionId != "" {
		if err := host.ConnectionIdentifierValidator(p.ConnectionId); err != nil {
			return wrap("connection_id", err)
		}
	}
	return nil
}

// Validate checks power shaping parameters. Address lists hold bech32
// consensus addresses; their prefix is checked by the keeper, which knows it.
func (p PowerShapingParameters) Validate() error {
	if p.Top_N != 0 && (p.Top_N < 50 || p.Top_N > 100) {
		return errorsmod.Wrapf(ErrInvalidPowerShaping, "top_N must be 0 or in [50, 100], got %d", p.Top_N)
	}
	if p.ValidatorsPowerCap > 100 {
		return errorsmod.Wrapf(ErrInvalidPowerShaping, "validators_power_cap must be in [0, 100], got %d", p.ValidatorsPowerCap)
	}
	lists := []struct {
		name string
		list []string
	}{{"allowlist", p.Allowlist}, {"denylist", p.Denylist}, {"prioritylist", p.Prioritylist}}
	for _, l := range lists {
		if len(l.list) > MaxValidatorCount {
			return errorsmod.Wrapf(ErrInvalidPowerShaping, "%s has %d entries, the limit is %d", l.name, len(l.list), MaxValidatorCount)
		}
		for _, a := range l.list {
			if strings.TrimSpace(a) == "" {
				return errorsmod.Wrapf(ErrInvalidPowerShaping, "%s has a blank address", l.name)
			}
		}
	}
	return nil
}

// Validate checks infraction parameters; either kind may be left out.
func (p InfractionParameters) Validate() error {
	for name, sj := range map[string]*SlashJailParameters{"double_sign": p.DoubleSign, "downtime": p.Downtime} {
		if sj == nil {
			continue
		}
		if err := sj.Validate(); err != nil {
			return errorsmod.Wrapf(ErrInvalidInfractionParams, "%s: %s", name, err)
		}
	}
	return nil
}

// Validate checks one punishment.
func (p SlashJailParameters) Validate() error {
	if p.SlashFraction.IsNil() || p.SlashFraction.IsNegative() || p.SlashFraction.GT(math.LegacyOneDec()) {
		return fmt.Errorf("slash fraction must be in [0, 1]")
	}
	if p.JailDuration < 0 {
		return fmt.Errorf("jail duration cannot be negative")
	}
	return nil
}

// Validate checks a consumer's reward denom allowlist.
func (d AllowlistedRewardDenoms) Validate() error {
	if len(d.Denoms) > MaxRewardDenomsPerCon {
		return errorsmod.Wrapf(ErrInvalidRewardDenoms, "%d denoms given, the limit is %d", len(d.Denoms), MaxRewardDenomsPerCon)
	}
	for _, denom := range d.Denoms {
		if err := validateRewardDenom(denom); err != nil {
			return errorsmod.Wrapf(ErrInvalidRewardDenoms, "%s: %s", denom, err)
		}
	}
	return nil
}

// validateRewardDenom accepts a base denom or an ICS-20 voucher "ibc/<hash>"
// whose hash is 32 bytes of hex.
func validateRewardDenom(denom string) error {
	if err := sdk.ValidateDenom(denom); err != nil {
		return err
	}
	hash, isVoucher := strings.CutPrefix(denom, "ibc/")
	if !isVoucher {
		return nil
	}
	bz, err := hex.DecodeString(hash)
	if err != nil || len(bz) != 32 {
		return fmt.Errorf("an ibc denom must be ibc/<64 hex digits>")
	}
	return nil
}
