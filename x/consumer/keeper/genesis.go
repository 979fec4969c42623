package keeper

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	"github.com/cosmos/ibc-go/v11/modules/core/exported"

	abci "github.com/cometbft/cometbft/abci/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

// InitGenesis loads the consumer's genesis and returns the validator set
// CometBFT starts with: the provider's initial set for a new chain, the
// exported set for a restart, nothing for a disabled module or a chain that
// changes over later.
//
// Spec tag: [CCV-CCF-INITG.1]
func (k *Keeper) InitGenesis(ctx sdk.Context, gs *types.GenesisState) ([]abci.ValidatorUpdate, error) {
	if err := gs.Validate(); err != nil {
		return nil, err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return nil, err
	}
	if !gs.Params.Enabled {
		return nil, nil
	}
	if err := k.InitGenesisHeight.Set(ctx, ctx.BlockHeight()); err != nil {
		return nil, err
	}
	if err := k.PreCCV.Set(ctx, gs.PreCCV); err != nil {
		return nil, err
	}
	if gs.ConnectionId != "" {
		if err := k.ConnectionID.Set(ctx, gs.ConnectionId); err != nil {
			return nil, err
		}
	}
	var err error
	if gs.NewChain {
		err = k.initNewChain(ctx, gs)
	} else {
		err = k.initRestart(ctx, gs)
	}
	if err != nil {
		return nil, err
	}
	updates, err := k.initValidators(ctx, gs)
	if err != nil {
		return nil, err
	}
	// After the validators: creating a validator clears its downtime flag.
	if err := k.restoreHistory(ctx, gs); err != nil {
		return nil, err
	}
	return updates, nil
}

// initValidators applies the genesis validator set, or keeps it aside on a
// chain that changes over later.
func (k *Keeper) initValidators(ctx sdk.Context, gs *types.GenesisState) ([]abci.ValidatorUpdate, error) {
	if err := validateUpdateKeys(ctx, gs.Provider.InitialValSet); err != nil {
		return nil, errorsmod.Wrap(ccvtypes.ErrInvalidGenesis, err.Error())
	}
	if gs.PreCCV {
		return nil, k.storeInitialValSet(ctx, gs.Provider.InitialValSet)
	}
	return k.ApplyValidatorChanges(ctx, gs.Provider.InitialValSet)
}

// initNewChain links a provider-generated genesis to the provider: it
// creates the provider client, or with a connection to reuse takes that
// connection's client and opens the CCV channel itself.
func (k *Keeper) initNewChain(ctx sdk.Context, gs *types.GenesisState) error {
	var clientID string
	if gs.ConnectionId == "" {
		var err error
		if clientID, err = k.createProviderClient(ctx, gs.Provider); err != nil {
			return err
		}
	} else {
		conn, found := k.connectionKeeper.GetConnection(ctx, gs.ConnectionId)
		if !found {
			return errorsmod.Wrapf(ccvtypes.ErrConnectionNotFound, "connection %s to reuse does not exist", gs.ConnectionId)
		}
		clientID = conn.ClientId
	}
	if err := k.ProviderClientID.Set(ctx, clientID); err != nil {
		return err
	}
	// The genesis set is valset update 0.
	if err := k.recordValsetUpdateID(ctx, uint64(ctx.BlockHeight()), 0); err != nil {
		return err
	}
	if gs.ConnectionId == "" {
		return nil
	}
	// No relayer needs to start the handshake on a reused connection; core
	// does not check the signer of a module-initiated ChanOpenInit.
	msg := channeltypes.NewMsgChannelOpenInit(ccvtypes.ConsumerPortID, ccvtypes.Version, ccvtypes.Order,
		[]string{gs.ConnectionId}, ccvtypes.ProviderPortID, "")
	if _, err := k.channelOpenInitiator.ChannelOpenInit(ctx, msg); err != nil {
		return errorsmod.Wrap(err, "opening the CCV channel on the reused connection")
	}
	return nil
}

func (k *Keeper) createProviderClient(ctx sdk.Context, provider ccvtypes.ProviderInfo) (string, error) {
	clientState, err := provider.ClientState.Marshal()
	if err != nil {
		return "", err
	}
	consensusState, err := provider.ConsensusState.Marshal()
	if err != nil {
		return "", err
	}
	clientID, err := k.clientKeeper.CreateClient(ctx, exported.Tendermint, clientState, consensusState)
	if err != nil {
		return "", errorsmod.Wrap(err, "creating the provider client")
	}
	k.Logger(ctx).Info("provider client created", "client", clientID)
	return clientID, nil
}

// initRestart restores the links of an exported consumer. The IBC genesis
// already holds the client and channel, so only their ids are restored.
func (k *Keeper) initRestart(ctx sdk.Context, gs *types.GenesisState) error {
	if err := k.ProviderClientID.Set(ctx, gs.ProviderClientId); err != nil {
		return err
	}
	if gs.ProviderChannelId == "" {
		return nil
	}
	return k.ProviderChannelID.Set(ctx, gs.ProviderChannelId)
}

// restoreHistory restores what an exported consumer had accumulated; a new
// chain's genesis has none of it.
func (k *Keeper) restoreHistory(ctx sdk.Context, gs *types.GenesisState) error {
	if err := k.importValsetUpdateIDs(ctx, gs.HeightToValsetUpdateId); err != nil {
		return err
	}
	for _, d := range gs.OutstandingDowntimeSlashing {
		addr, err := types.ParseConsAddressAnyPrefix(d.ValidatorConsensusAddress)
		if err != nil {
			return err
		}
		if err := k.OutstandingDowntime.Set(ctx, addr); err != nil {
			return err
		}
	}
	for _, p := range gs.PendingConsumerPackets.List {
		if err := k.AppendPendingPacket(ctx, p); err != nil {
			return err
		}
	}
	return k.LastTransmissionBlockHeight.Set(ctx, gs.LastTransmissionBlockHeight.Height)
}

func (k *Keeper) storeInitialValSet(ctx sdk.Context, updates []abci.ValidatorUpdate) error {
	for i, u := range updates {
		if err := k.InitialValSet.Set(ctx, uint64(i), u); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis writes the state as a restart genesis. initial_val_set
// carries the current validator set (or, before a changeover, the stored
// initial set), which a restart applies again.
func (k *Keeper) ExportGenesis(ctx sdk.Context) (*types.GenesisState, error) {
	gs := types.DefaultGenesisState()
	var err error
	if gs.Params, err = k.GetConsumerParams(ctx); err != nil {
		return nil, err
	}
	if gs.ProviderClientId, _, err = k.ProviderClient(ctx); err != nil {
		return nil, err
	}
	if gs.ProviderChannelId, _, err = k.ProviderChannel(ctx); err != nil {
		return nil, err
	}
	if gs.ConnectionId, _, err = getOptional(ctx, k.ConnectionID); err != nil {
		return nil, err
	}
	if gs.PreCCV, _, err = getOptional(ctx, k.PreCCV); err != nil {
		return nil, err
	}
	if gs.LastTransmissionBlockHeight.Height, _, err = getOptional(ctx, k.LastTransmissionBlockHeight); err != nil {
		return nil, err
	}
	if gs.PendingConsumerPackets.List, err = k.GetPendingPackets(ctx); err != nil {
		return nil, err
	}
	if err := k.exportHeightsAndDowntime(ctx, gs); err != nil {
		return nil, err
	}
	if gs.PreCCV {
		gs.Provider.InitialValSet, err = k.exportInitialValSet(ctx)
	} else {
		gs.Provider.InitialValSet, err = k.GetValidatorUpdates(ctx)
	}
	return gs, err
}

func (k *Keeper) exportHeightsAndDowntime(ctx sdk.Context, gs *types.GenesisState) error {
	err := k.HeightToValsetUpdateID.Walk(ctx, nil, func(h, id uint64) (bool, error) {
		gs.HeightToValsetUpdateId = append(gs.HeightToValsetUpdateId, types.HeightToValsetUpdateID{Height: h, ValsetUpdateId: id})
		return false, nil
	})
	if err != nil {
		return err
	}
	return k.OutstandingDowntime.Walk(ctx, nil, func(addr sdk.ConsAddress) (bool, error) {
		s, err := k.consensusAddrCodec.BytesToString(addr)
		if err != nil {
			return true, err
		}
		gs.OutstandingDowntimeSlashing = append(gs.OutstandingDowntimeSlashing, types.OutstandingDowntime{ValidatorConsensusAddress: s})
		return false, nil
	})
}

func (k *Keeper) exportInitialValSet(ctx sdk.Context) ([]abci.ValidatorUpdate, error) {
	var updates []abci.ValidatorUpdate
	err := k.InitialValSet.Walk(ctx, nil, func(_ uint64, u abci.ValidatorUpdate) (bool, error) {
		updates = append(updates, u)
		return false, nil
	})
	return updates, err
}
