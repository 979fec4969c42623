package keeper

import (
	"context"
	"errors"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"

	abci "github.com/cometbft/cometbft/abci/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

// Keeper holds the consumer's state and its links to IBC.
type Keeper struct {
	cdc                  codec.BinaryCodec
	consensusAddrCodec   address.Codec
	clientKeeper         types.ClientKeeper
	connectionKeeper     types.ConnectionKeeper
	channelKeeper        types.ChannelKeeper
	channelOpenInitiator types.ChannelOpenInitiator
	// bankKeeper, accountKeeper and transferKeeper split the fees and send
	// the provider's share (rewards.go).
	bankKeeper     types.BankKeeper
	accountKeeper  types.AccountKeeper
	transferKeeper types.TransferKeeper
	// ics4Wrapper sends packets through the middleware above the consumer,
	// never straight through the channel keeper; the app sets it.
	ics4Wrapper porttypes.ICS4Wrapper
	// authority may update the parameters (normally the gov module).
	authority string
	// slashingHooks gives new validators their x/slashing signing info; the
	// app sets it with SetSlashingHooks.
	slashingHooks types.SlashingHooks

	Schema collections.Schema
	Params collections.Item[ccvtypes.ConsumerParams]
	// ProviderClientID is the light client of the provider; every CCV
	// channel must run over a connection on it.
	ProviderClientID collections.Item[string]
	// ProviderChannelID is set by the first VSC packet: from then on the
	// channel is established and the only one the consumer listens to.
	ProviderChannelID collections.Item[string]
	// PendingChanges accumulates the VSC packets of the current block, keyed
	// by the marshalled public key so that the latest update of a key wins.
	PendingChanges collections.Map[[]byte, abci.ValidatorUpdate]
	// HeightToValsetUpdateID maps a consumer height to the valset update id
	// in force from there on: an entry is recorded only where the id
	// changes, and the id at any height is that of the greatest entry at or
	// below it (see valset_update_ids.go). Slash packets name infractions by
	// valset update id.
	HeightToValsetUpdateID collections.Map[uint64, uint64]
	// HeightToValsetUpdateIDTime is the block time (unix nanoseconds) at
	// which each HeightToValsetUpdateID entry was recorded or imported; it
	// decides when a superseded entry is old enough to prune.
	HeightToValsetUpdateIDTime collections.Map[uint64, int64]
	// CrossChainValidators is the validator set CometBFT runs, keyed by
	// consensus address.
	CrossChainValidators collections.Map[[]byte, types.CrossChainValidator]
	// OutstandingDowntime marks validators whose downtime slash request has
	// not been acknowledged by the provider yet.
	OutstandingDowntime collections.KeySet[sdk.ConsAddress]
	// PendingPackets is the FIFO of packets waiting for the channel; the key
	// is a position taken from PendingPacketsSequence.
	PendingPackets         collections.Map[uint64, ccvtypes.ConsumerPacketData]
	PendingPacketsSequence collections.Sequence
	// LastTransmissionBlockHeight is the height of the last reward transfer.
	LastTransmissionBlockHeight collections.Item[int64]
	// PreCCV is true on a standalone chain that is changing over to a
	// consumer and has not switched validator sets yet.
	PreCCV collections.Item[bool]
	// InitialValSet keeps, in genesis order, the provider's first set for a
	// changeover chain, which applies it later than genesis.
	InitialValSet collections.Map[uint64, abci.ValidatorUpdate]
	// ConnectionID is the existing connection a chain was told to reuse.
	ConnectionID collections.Item[string]
	// InitGenesisHeight is the height at which this module's genesis ran.
	InitGenesisHeight collections.Item[int64]
	// SlashRecord exists while a slash packet at the head of PendingPackets
	// has been sent: waiting for its acknowledgement, or bounced by the
	// provider and waiting for its retry time. No record: sending is free.
	SlashRecord collections.Item[types.SlashRecord]
}

// NewKeeper builds the consumer keeper. It panics on wiring mistakes only.
// The app must then call SetICS4Wrapper (directly or through the IBC
// stack) before any packet is sent.
func NewKeeper(
	cdc codec.BinaryCodec,
	storeService corestore.KVStoreService,
	consensusAddrCodec address.Codec,
	clientKeeper types.ClientKeeper,
	connectionKeeper types.ConnectionKeeper,
	channelKeeper types.ChannelKeeper,
	channelOpenInitiator types.ChannelOpenInitiator,
	bankKeeper types.BankKeeper,
	accountKeeper types.AccountKeeper,
	transferKeeper types.TransferKeeper,
	authority string,
) *Keeper {
	mustBeWired([]dependency{
		{"codec", cdc},
		{"store service", storeService},
		{"consensus address codec", consensusAddrCodec},
		{"client keeper", clientKeeper},
		{"connection keeper", connectionKeeper},
		{"channel keeper", channelKeeper},
		{"channel open initiator", channelOpenInitiator},
		{"bank keeper", bankKeeper},
		{"account keeper", accountKeeper},
		{"transfer keeper", transferKeeper},
	}, authority)

	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		cdc:                  cdc,
		consensusAddrCodec:   consensusAddrCodec,
		clientKeeper:         clientKeeper,
		connectionKeeper:     connectionKeeper,
		channelKeeper:        channelKeeper,
		channelOpenInitiator: channelOpenInitiator,
		bankKeeper:           bankKeeper,
		accountKeeper:        accountKeeper,
		transferKeeper:       transferKeeper,
		authority:            authority,

		Params:                 collections.NewItem(sb, types.ParamsPrefix, types.ParamsName, codec.CollValue[ccvtypes.ConsumerParams](cdc)),
		ProviderClientID:       collections.NewItem(sb, types.ProviderClientIDPrefix, types.ProviderClientIDName, collections.StringValue),
		ProviderChannelID:      collections.NewItem(sb, types.ProviderChannelIDPrefix, types.ProviderChannelIDName, collections.StringValue),
		PendingChanges:         collections.NewMap(sb, types.PendingChangesPrefix, types.PendingChangesName, collections.BytesKey, codec.CollValue[abci.ValidatorUpdate](cdc)),
		HeightToValsetUpdateID: collections.NewMap(sb, types.HeightToValsetUpdateIDPrefix, types.HeightToValsetUpdateIDName, collections.Uint64Key, collections.Uint64Value),
		CrossChainValidators:   collections.NewMap(sb, types.CrossChainValidatorsPrefix, types.CrossChainValidatorsName, collections.BytesKey, codec.CollValue[types.CrossChainValidator](cdc)),
		OutstandingDowntime:    collections.NewKeySet(sb, types.OutstandingDowntimePrefix, types.OutstandingDowntimeName, sdk.ConsAddressKey),
		PendingPackets:         collections.NewMap(sb, types.PendingPacketsPrefix, types.PendingPacketsName, collections.Uint64Key, codec.CollValue[ccvtypes.ConsumerPacketData](cdc)),
		PendingPacketsSequence: collections.NewSequence(sb, types.PendingPacketsSequencePrefix, types.PendingPacketsSequenceName),
		LastTransmissionBlockHeight: collections.NewItem(sb, types.LastTransmissionBlockHeightPrefix,
			types.LastTransmissionBlockHeightName, collections.Int64Value),
		PreCCV:            collections.NewItem(sb, types.PreCCVPrefix, types.PreCCVName, collections.BoolValue),
		InitialValSet:     collections.NewMap(sb, types.InitialValSetPrefix, types.InitialValSetName, collections.Uint64Key, codec.CollValue[abci.ValidatorUpdate](cdc)),
		ConnectionID:      collections.NewItem(sb, types.ConnectionIDPrefix, types.ConnectionIDName, collections.StringValue),
		InitGenesisHeight: collections.NewItem(sb, types.InitGenesisHeightPrefix, types.InitGenesisHeightName, collections.Int64Value),
		SlashRecord:       collections.NewItem(sb, types.SlashRecordPrefix, types.SlashRecordName, codec.CollValue[types.SlashRecord](cdc)),
		HeightToValsetUpdateIDTime: collections.NewMap(sb, types.HeightToValsetUpdateIDTimePrefix,
			types.HeightToValsetUpdateIDTimeName, collections.Uint64Key, collections.Int64Value),
	}
	k.Schema = mustBuildSchema(sb)
	return k
}

type dependency struct {
	name  string
	value any
}

// mustBeWired panics if a dependency or the authority is missing: that is a
// bug in the app's wiring, better found at start-up than at the first block.
func mustBeWired(deps []dependency, authority string) {
	for _, d := range deps {
		if d.value == nil {
			panic(fmt.Sprintf("consumer keeper: %s must not be nil", d.name))
		}
	}
	if authority == "" {
		panic("consumer keeper: authority must not be empty")
	}
}

// mustBuildSchema panics on overlapping prefixes or names, a programming
// error that keys_test.go should already have caught.
func mustBuildSchema(sb *collections.SchemaBuilder) collections.Schema {
	schema, err := sb.Build()
	if err != nil {
		panic(fmt.Errorf("consumer keeper: building the store schema: %w", err))
	}
	return schema
}

// SetICS4Wrapper sets the wrapper packets are sent through: the channel
// keeper, or the middleware stacked above the consumer.
func (k *Keeper) SetICS4Wrapper(wrapper porttypes.ICS4Wrapper) {
	k.ics4Wrapper = wrapper
}

// SetSlashingHooks sets the x/slashing hooks called when the provider adds a
// validator (pass the slashing keeper's Hooks()). Call it once, at wiring.
func (k *Keeper) SetSlashingHooks(hooks types.SlashingHooks) {
	mustSetOnce(k.slashingHooks != nil, "slashing hooks")
	k.slashingHooks = hooks
}

// mustSetOnce panics when a wiring setter runs twice: the second call would
// silently replace what the first wired.
func mustSetOnce(alreadySet bool, what string) {
	if alreadySet {
		panic(fmt.Sprintf("consumer keeper: %s set twice", what))
	}
}

// ICS4Wrapper returns the wrapper packets are sent through.
func (k *Keeper) ICS4Wrapper() porttypes.ICS4Wrapper {
	return k.ics4Wrapper
}

// Authority returns the address allowed to update the parameters.
func (k *Keeper) Authority() string {
	return k.authority
}

// Logger returns the module's logger.
func (k *Keeper) Logger(ctx sdk.Context) log.Logger {
	return ctx.Logger().With("module", "x/"+types.ModuleName)
}

// GetConsumerParams returns the parameters, or the defaults before genesis.
// (GetParams is x/evidence's, see staking_keeper.go.)
func (k *Keeper) GetConsumerParams(ctx sdk.Context) (ccvtypes.ConsumerParams, error) {
	p, err := k.Params.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return ccvtypes.DefaultConsumerParams(), nil
	}
	return p, err
}

// ProviderChannel returns the established CCV channel, if any.
func (k *Keeper) ProviderChannel(ctx sdk.Context) (string, bool, error) {
	return getOptional(ctx, k.ProviderChannelID)
}

// ProviderClient returns the provider's light client id, if known.
func (k *Keeper) ProviderClient(ctx sdk.Context) (string, bool, error) {
	return getOptional(ctx, k.ProviderClientID)
}

// IsChannelEstablished tells whether the first VSC packet has arrived. Until
// then the chain accepts only IBC messages (see the ante package).
func (k *Keeper) IsChannelEstablished(ctx sdk.Context) (bool, error) {
	return k.ProviderChannelID.Has(ctx)
}

// getOptional reads an item that may legitimately be unset.
func getOptional[V any](ctx sdk.Context, item collections.Item[V]) (V, bool, error) {
	v, err := item.Get(ctx)
	switch {
	case err == nil:
		return v, true, nil
	case errors.Is(err, collections.ErrNotFound):
		return v, false, nil
	default:
		return v, false, err
	}
}

// getOptionalMap reads a map entry that may legitimately be missing.
func getOptionalMap[K, V any](ctx context.Context, m collections.Map[K, V], key K) (V, bool, error) {
	v, err := m.Get(ctx, key)
	switch {
	case err == nil:
		return v, true, nil
	case errors.Is(err, collections.ErrNotFound):
		return v, false, nil
	default:
		return v, false, err
	}
}
