package keeper

import (
	"fmt"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// InitGenesis loads the provider's state and returns its CometBFT validator
// set. It assumes a validated genesis; a failure here is a broken chain
// configuration, so it panics with the cause.
func (k *Keeper) InitGenesis(ctx sdk.Context, gs *types.GenesisState) []abci.ValidatorUpdate {
	if err := k.initGenesis(ctx, gs); err != nil {
		panic(fmt.Errorf("provider genesis: %w", err))
	}
	set, err := k.ProviderConsensusSet(ctx)
	if err != nil {
		panic(fmt.Errorf("provider genesis: computing the validator set: %w", err))
	}
	if err := k.setLastProviderConsensusSet(ctx, set); err != nil {
		panic(fmt.Errorf("provider genesis: %w", err))
	}
	return ToValidatorUpdates(set)
}

func (k *Keeper) initGenesis(ctx sdk.Context, gs *types.GenesisState) error {
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	if err := k.ValsetUpdateID.Set(ctx, gs.ValsetUpdateId); err != nil {
		return err
	}
	for _, m := range gs.ValsetUpdateIdToHeight {
		if err := k.ValsetUpdateIDToHeight.Set(ctx, m.ValsetUpdateId, m.Height); err != nil {
			return err
		}
	}
	if err := k.initKeyAssignmentGenesis(ctx, gs); err != nil {
		return err
	}
	nextConsumerID := gs.NextConsumerId
	for _, cs := range gs.ConsumerStates {
		if err := k.importConsumer(ctx, cs); err != nil {
			return fmt.Errorf("consumer %s: %w", cs.ChainId, err)
		}
		// Genesis from the incumbent has no counter: continue after the
		// highest id it holds.
		if id, err := parseConsumerID(cs.ChainId); err == nil && id >= nextConsumerID {
			nextConsumerID = id + 1
		}
	}
	if err := k.ConsumerIDSeq.Set(ctx, nextConsumerID); err != nil {
		return err
	}
	if err := k.importRewards(ctx, gs); err != nil {
		return fmt.Errorf("rewards: %w", err)
	}
	return k.initSlashingGenesis(ctx, gs)
}

func (k *Keeper) importConsumer(ctx sdk.Context, cs types.ConsumerState) error {
	id := cs.ChainId
	if err := k.setConsumerPhase(ctx, id, cs.Phase); err != nil {
		return err
	}
	chainID := cs.ConsumerChainId
	if chainID == "" && cs.ClientId != "" {
		// Incumbent genesis does not carry the chain id; the consumer's
		// light client (IBC's genesis is loaded first) knows it.
		if client, ok := k.clientKeeper.GetClientState(ctx, cs.ClientId); ok {
			if tm, ok := client.(*ibctm.ClientState); ok {
				chainID = tm.ChainId
			}
		}
	}
	sets := []struct {
		present bool
		set     func() error
	}{
		{chainID != "", func() error { return k.ConsumerChainID.Set(ctx, id, chainID) }},
		{cs.OwnerAddress != "", func() error { return k.ConsumerOwner.Set(ctx, id, cs.OwnerAddress) }},
		{cs.Metadata != (types.ConsumerMetadata{}), func() error { return k.ConsumerMetadata.Set(ctx, id, cs.Metadata) }},
		{cs.InitializationParameters != nil, func() error { return k.ConsumerInitParams.Set(ctx, id, *cs.InitializationParameters) }},
		{cs.PowerShapingParameters != nil, func() error { return k.ConsumerPowerShapingParams.Set(ctx, id, *cs.PowerShapingParameters) }},
		{cs.InfractionParameters != nil, func() error { return k.ConsumerInfractionParams.Set(ctx, id, *cs.InfractionParameters) }},
		{cs.AllowlistedRewardDenoms != nil, func() error { return k.ConsumerRewardDenoms.Set(ctx, id, *cs.AllowlistedRewardDenoms) }},
		{cs.ClientId != "", func() error { return k.setConsumerClientID(ctx, id, cs.ClientId) }},
		{cs.ChannelId != "", func() error { return k.ConsumerChannelID.Set(ctx, id, cs.ChannelId) }},
		{cs.ChannelId != "", func() error { return k.ChannelIDToConsumerID.Set(ctx, cs.ChannelId, id) }},
		{cs.ChannelId != "", func() error { return k.InitChainHeight.Set(ctx, id, cs.InitialHeight) }},
		{cs.ConsumerGenesis.Params.Enabled, func() error { return k.ConsumerGenesis.Set(ctx, id, cs.ConsumerGenesis) }},
		{len(cs.PendingValsetChanges) > 0, func() error {
			return k.PendingVSCPackets.Set(ctx, id, types.ValidatorSetChangePackets{List: cs.PendingValsetChanges})
		}},
		{len(cs.Validators) > 0, func() error { return k.SetConsumerValSet(ctx, id, cs.Validators) }},
		{cs.EquivocationEvidenceMinHeight != 0, func() error {
			return k.EquivocationEvidenceMinHeight.Set(ctx, id, cs.EquivocationEvidenceMinHeight)
		}},
		{cs.RemovalTime != nil, func() error { return k.RemovalTime.Set(ctx, id, *cs.RemovalTime) }},
		{cs.MinPowerInTopN != 0, func() error { return k.MinPowerInTopN.Set(ctx, id, cs.MinPowerInTopN) }},
		{len(cs.HandledEvidenceHashes) > 0, func() error { return k.importHandledEvidence(ctx, id, cs.HandledEvidenceHashes) }},
		{cs.RewardsAllocation != nil, func() error { return k.ConsumerRewardsAllocation.Set(ctx, id, *cs.RewardsAllocation) }},
		// The time queues follow from the phase and the stored times.
		{cs.Phase == types.CONSUMER_PHASE_INITIALIZED && cs.InitializationParameters != nil, func() error {
			return k.SpawnTimeQueue.Set(ctx, collections.Join(cs.InitializationParameters.SpawnTime, id))
		}},
		{cs.Phase == types.CONSUMER_PHASE_STOPPED && cs.RemovalTime != nil, func() error {
			return k.RemovalTimeQueue.Set(ctx, collections.Join(*cs.RemovalTime, id))
		}},
	}
	for _, s := range sets {
		if !s.present {
			continue
		}
		if err := s.set(); err != nil {
			return err
		}
	}
	if err := k.importConsumerValidatorChoices(ctx, cs); err != nil {
		return err
	}
	return k.importConsumerSlashing(ctx, cs)
}

// ExportGenesis writes out the whole provider state, so that importing it
// gives back the same state.
func (k *Keeper) ExportGenesis(ctx sdk.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{Params: k.mustGetParams(ctx)}
	var err error
	if gs.ValsetUpdateId, err = k.ValsetUpdateID.Get(ctx); err != nil {
		return nil, err
	}
	if gs.NextConsumerId, err = k.ConsumerIDSeq.Peek(ctx); err != nil {
		return nil, err
	}
	err = k.ValsetUpdateIDToHeight.Walk(ctx, nil, func(id, height uint64) (bool, error) {
		gs.ValsetUpdateIdToHeight = append(gs.ValsetUpdateIdToHeight, types.ValsetUpdateIdToHeight{ValsetUpdateId: id, Height: height})
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	if gs.LastProviderConsensusValidators, err = k.lastProviderConsensusSet(ctx); err != nil {
		return nil, err
	}
	if err := k.exportKeyAssignmentGenesis(ctx, gs); err != nil {
		return nil, err
	}
	ids, err := k.ConsumerIDsInPhase(ctx, types.CONSUMER_PHASE_UNSPECIFIED)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		cs, err := k.exportConsumer(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("consumer %s: %w", id, err)
		}
		gs.ConsumerStates = append(gs.ConsumerStates, cs)
	}
	if err := k.exportSlashingGenesis(ctx, gs); err != nil {
		return nil, err
	}
	if err := k.exportRewards(ctx, gs); err != nil {
		return nil, fmt.Errorf("rewards: %w", err)
	}
	return gs, nil
}

func (k *Keeper) exportConsumer(ctx sdk.Context, id string) (types.ConsumerState, error) {
	phase, err := k.consumerPhase(ctx, id)
	cs := types.ConsumerState{ChainId: id, Phase: phase}
	get := func(f func() error) {
		if err == nil {
			err = f()
		}
	}
	get(func() (e error) { cs.ConsumerChainId, e = getOptional(ctx, k.ConsumerChainID, id); return })
	get(func() (e error) { cs.OwnerAddress, e = getOptional(ctx, k.ConsumerOwner, id); return })
	get(func() (e error) { cs.Metadata, e = getOptional(ctx, k.ConsumerMetadata, id); return })
	get(func() (e error) { cs.ClientId, e = getOptional(ctx, k.ConsumerClientID, id); return })
	get(func() (e error) { cs.ChannelId, e = getOptional(ctx, k.ConsumerChannelID, id); return })
	get(func() (e error) { cs.InitialHeight, e = getOptional(ctx, k.InitChainHeight, id); return })
	get(func() (e error) { cs.ConsumerGenesis, e = getOptional(ctx, k.ConsumerGenesis, id); return })
	get(func() (e error) {
		cs.EquivocationEvidenceMinHeight, e = getOptional(ctx, k.EquivocationEvidenceMinHeight, id)
		return
	})
	get(func() (e error) {
		pending, e := getOptional(ctx, k.PendingVSCPackets, id)
		cs.PendingValsetChanges = pending.List
		return e
	})
	get(func() (e error) { cs.Validators, e = k.GetConsumerValSet(ctx, id); return })
	get(func() error { return exportOptional(ctx, k.ConsumerInitParams, id, &cs.InitializationParameters) })
	get(func() error { return exportOptional(ctx, k.ConsumerPowerShapingParams, id, &cs.PowerShapingParameters) })
	get(func() error { return exportOptional(ctx, k.ConsumerInfractionParams, id, &cs.InfractionParameters) })
	get(func() error { return exportOptional(ctx, k.ConsumerRewardDenoms, id, &cs.AllowlistedRewardDenoms) })
	get(func() error { return exportOptional(ctx, k.RemovalTime, id, &cs.RemovalTime) })
	get(func() error { return k.exportConsumerValidatorChoices(ctx, &cs) })
	get(func() (e error) { cs.MinPowerInTopN, e = getOptional(ctx, k.MinPowerInTopN, id); return })
	get(func() (e error) { cs.HandledEvidenceHashes, e = k.handledEvidence(ctx, id); return })
	get(func() error { return k.exportConsumerSlashing(ctx, &cs) })
	get(func() error { return exportOptional(ctx, k.ConsumerRewardsAllocation, id, &cs.RewardsAllocation) })
	return cs, err
}

// exportOptional sets *dst to the map's value, or leaves it nil if absent.
func exportOptional[V any](ctx sdk.Context, m collections.Map[string, V], key string, dst **V) error {
	has, err := m.Has(ctx, key)
	if err != nil || !has {
		return err
	}
	v, err := m.Get(ctx, key)
	if err != nil {
		return err
	}
	*dst = &v
	return nil
}
