package types

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/bech32"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	host "github.com/cosmos/ibc-go/v11/modules/core/24-host"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
)

// DefaultGenesisState is the genesis of a chain whose consumer module is
// disabled: it does nothing until a provider-generated genesis enables it.
func DefaultGenesisState() *GenesisState {
	return &GenesisState{
		Params:                      ccvtypes.DefaultConsumerParams(),
		HeightToValsetUpdateId:      []HeightToValsetUpdateID{},
		OutstandingDowntimeSlashing: []OutstandingDowntime{},
		PendingConsumerPackets:      ccvtypes.ConsumerPacketDataList{List: []ccvtypes.ConsumerPacketData{}},
		Provider:                    ccvtypes.ProviderInfo{InitialValSet: nil},
	}
}

// Validate checks the genesis in its three shapes: disabled module, new
// chain (provider-generated, new_chain = true) and restart (exported from a
// running consumer, provider_client_id set).
func (gs GenesisState) Validate() error {
	if !gs.Params.Enabled {
		return nil
	}
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrapf(ccvtypes.ErrInvalidGenesis, "params: %s", err)
	}
	if gs.NewChain {
		return gs.validateNewChain()
	}
	return gs.validateRestart()
}

// validateNewChain checks a genesis produced by the provider's
// consumer-genesis query: no consumer-side history yet, and either a
// provider client to create or a connection to reuse.
func (gs GenesisState) validateNewChain() error {
	switch {
	case gs.ProviderClientId != "":
		return errorsmod.Wrap(ccvtypes.ErrInvalidGenesis, "a new chain must not have a provider client id: the client is created at genesis")
	case gs.ProviderChannelId != "":
		return errorsmod.Wrap(ccvtypes.ErrInvalidGenesis, "a new chain must not have a provider channel id")
	case len(gs.HeightToValsetUpdateId) != 0:
		return errorsmod.Wrap(ccvtypes.ErrInvalidGenesis, "a new chain must not have height to valset update id entries")
	case len(gs.OutstandingDowntimeSlashing) != 0:
		return errorsmod.Wrap(ccvtypes.ErrInvalidGenesis, "a new chain must not have outstanding downtime")
	case len(gs.PendingConsumerPackets.List) != 0:
		return errorsmod.Wrap(ccvtypes.ErrInvalidGenesis, "a new chain must not have pending consumer packets")
	}
	return gs.Provider.Validate(gs.PreCCV, gs.ConnectionId)
}

// validateRestart checks a genesis exported from a running consumer. The
// provider client already exists in the IBC genesis; initial_val_set holds
// the validator set in force at export.
func (gs GenesisState) validateRestart() error {
	if err := host.ClientIdentifierValidator(gs.ProviderClientId); err != nil {
		return errorsmod.Wrapf(ccvtypes.ErrInvalidGenesis, "a restarted chain needs a valid provider client id: %s", err)
	}
	if gs.ProviderChannelId != "" {
		if err := host.ChannelIdentifierValidator(gs.ProviderChannelId); err != nil {
			return errorsmod.Wrapf(ccvtypes.ErrInvalidGenesis, "provider channel id: %s", err)
		}
	}
	if gs.ConnectionId != "" {
		if err := host.ConnectionIdentifierValidator(gs.ConnectionId); err != nil {
			return errorsmod.Wrapf(ccvtypes.ErrInvalidGenesis, "connection id: %s", err)
		}
	}
	if gs.Provider.ClientState != nil || gs.Provider.ConsensusState != nil {
		return errorsmod.Wrap(ccvtypes.ErrInvalidGenesis, "a restarted chain must not carry a provider client state: the client already exists")
	}
	if len(gs.Provider.InitialValSet) == 0 {
		return errorsmod.Wrap(ccvtypes.ErrInvalidGenesis, "validator set is empty")
	}
	if err := ccvtypes.ValidateValidatorUpdates(gs.Provider.InitialValSet); err != nil {
		return errorsmod.Wrapf(ccvtypes.ErrInvalidGenesis, "validator set: %s", err)
	}
	if err := validateHeightToValsetUpdateIDs(gs.HeightToValsetUpdateId); err != nil {
		return err
	}
	if err := validateOutstandingDowntime(gs.OutstandingDowntimeSlashing); err != nil {
		return err
	}
	for i, p := range gs.PendingConsumerPackets.List {
		if err := p.Validate(); err != nil {
			return errorsmod.Wrapf(ccvtypes.ErrInvalidGenesis, "pending consumer packet %d: %s", i, err)
		}
	}
	if gs.LastTransmissionBlockHeight.Height < 0 {
		return errorsmod.Wrapf(ccvtypes.ErrInvalidGenesis, "last transmission block height is negative: %d", gs.LastTransmissionBlockHeight.Height)
	}
	return nil
}

func validateHeightToValsetUpdateIDs(entries []HeightToValsetUpdateID) error {
	seen := make(map[uint64]struct{}, len(entries))
	for _, e := range entries {
		if _, dup := seen[e.Height]; dup {
			return errorsmod.Wrapf(ccvtypes.ErrInvalidGenesis, "height %d mapped to a valset update id twice", e.Height)
		}
		seen[e.Height] = struct{}{}
	}
	return nil
}

func validateOutstandingDowntime(entries []OutstandingDowntime) error {
	seen := make(map[string]struct{}, len(entries))
	for _, e := range entries {
		addr, err := ParseConsAddressAnyPrefix(e.ValidatorConsensusAddress)
		if err != nil {
			return errorsmod.Wrapf(ccvtypes.ErrInvalidGenesis, "outstanding downtime: %s", err)
		}
		if _, dup := seen[string(addr)]; dup {
			return errorsmod.Wrapf(ccvtypes.ErrInvalidGenesis, "outstanding downtime: %s listed twice", e.ValidatorConsensusAddress)
		}
		seen[string(addr)] = struct{}{}
	}
	return nil
}

// ParseConsAddressAnyPrefix decodes a bech32 consensus address whatever its
// human-readable prefix: the provider writes slash acks with its own prefix,
// while the consumer stores raw address bytes.
func ParseConsAddressAnyPrefix(s string) (sdk.ConsAddress, error) {
	_, bz, err := bech32.DecodeAndConvert(s)
	if err != nil {
		return nil, sdkerrors.ErrInvalidAddress.Wrapf("%q is not a bech32 address: %s", s, err)
	}
	if err := sdk.VerifyAddressFormat(bz); err != nil {
		return nil, sdkerrors.ErrInvalidAddress.Wrapf("%q: %s", s, err)
	}
	return bz, nil
}
