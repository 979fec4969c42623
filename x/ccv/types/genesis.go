package types

import (
	errorsmod "cosmossdk.io/errors"

	connectionhost "github.com/cosmos/ibc-go/v11/modules/core/24-host"

	abci "github.com/cometbft/cometbft/abci/types"
)

// Validate checks a consumer genesis as the provider generates it.
func (gs ConsumerGenesisState) Validate() error {
	if !gs.Params.Enabled {
		return nil
	}
	if err := gs.Params.Validate(); err != nil {
		return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
	}
	if !gs.NewChain {
		return errorsmod.Wrap(ErrInvalidGenesis, "a provider-generated genesis must have new_chain set")
	}
	return gs.Provider.Validate(gs.PreCCV, gs.ConnectionId)
}

// Validate checks the provider information of a consumer genesis. A chain
// that reuses a connection (preCCV changeover) carries no client; any other
// chain must carry a valid one.
func (pi ProviderInfo) Validate(preCCV bool, connectionID string) error {
	if len(pi.InitialValSet) == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "initial validator set is empty")
	}
	if err := ValidateValidatorUpdates(pi.InitialValSet); err != nil {
		return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
	}
	if preCCV || connectionID != "" {
		if pi.ClientState != nil || pi.ConsensusState != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, "a genesis that reuses a connection must not carry a provider client")
		}
		if err := connectionhost.ConnectionIdentifierValidator(connectionID); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "connection id: %s", err)
		}
		return nil
	}
	if pi.ClientState == nil || pi.ConsensusState == nil {
		return errorsmod.Wrap(ErrInvalidGenesis, "provider client and consensus state are required")
	}
	if err := pi.ClientState.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "provider client state: %s", err)
	}
	if err := pi.ConsensusState.ValidateBasic(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "provider consensus state: %s", err)
	}
	return nil
}

// ValidateValidatorUpdates checks that every update has a supported key and
// a non-negative power, and that no key appears twice.
func ValidateValidatorUpdates(updates []abci.ValidatorUpdate) error {
	seen := make(map[string]struct{}, len(updates))
	for i, u := range updates {
		if u.Power < 0 {
			return errorsmod.Wrapf(ErrInvalidPacketData, "validator update %d has negative power %d", i, u.Power)
		}
		if u.PubKey.Sum == nil {
			return errorsmod.Wrapf(ErrInvalidPacketData, "validator update %d has no public key", i)
		}
		key := u.PubKey.String()
		if _, dup := seen[key]; dup {
			return errorsmod.Wrapf(ErrInvalidPacketData, "validator update %d repeats a public key", i)
		}
		seen[key] = struct{}{}
	}
	return nil
}
