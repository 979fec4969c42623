package keeper

import (
	"fmt"
	"time"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
	corestore "cosmossdk.io/core/store"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// Keeper holds the provider's state and its view of the other modules.
type Keeper struct {
	cdc       codec.BinaryCodec
	authority string

	ics4Wrapper      porttypes.ICS4Wrapper
	clientKeeper     types.ClientKeeper
	connectionKeeper types.ConnectionKeeper
	channelKeeper    types.ChannelKeeper
	stakingKeeper    types.StakingKeeper
	slashingKeeper   types.SlashingKeeper
	accountKeeper    types.AccountKeeper

	Schema collections.Schema
	Params collections.Item[types.Params]
	// ValsetUpdateID is the id the next VSC packet gets.
	ValsetUpdateID collections.Item[uint64]
	ConsumerIDSeq  collections.Sequence

	// Per consumer, keyed by consumer id.
	ConsumerChainID            collections.Map[string, string]
	ConsumerOwner              collections.Map[string, string]
	ConsumerMetadata           collections.Map[string, types.ConsumerMetadata]
	ConsumerInitParams         collections.Map[string, types.ConsumerInitializationParameters]
	ConsumerPowerShapingParams collections.Map[string, types.PowerShapingParameters]
	ConsumerInfractionParams   collections.Map[string, types.InfractionParameters]
	ConsumerRewardDenoms       collections.Map[string, types.AllowlistedRewardDenoms]
	ConsumerPhase              collections.Map[string, int32]
	ConsumerClientID           collections.Map[string, string]
	ConsumerGenesis            collections.Map[string, ccv.ConsumerGenesisState]
	ConsumerChannelID          collections.Map[string, string]
	// InitChainHeight is the provider height at which a consumer's channel
	// was established: valset update id 0 maps to it.
	InitChainHeight               collections.Map[string, uint64]
	PendingVSCPackets             collections.Map[string, types.ValidatorSetChangePackets]
	RemovalTime                   collections.Map[string, time.Time]
	EquivocationEvidenceMinHeight collections.Map[string, uint64]
	// ConsumerValidators is each consumer's current set, keyed by
	// (consumer id, provider consensus address).
	ConsumerValidators collections.Map[collections.Pair[string, []byte], types.ConsensusValidator]

	// Reverse indexes.
	ClientIDToConsumerID  collections.Map[string, string]
	ChannelIDToConsumerID collections.Map[string, string]

	// Time queues of (time, consumer id).
	SpawnTimeQueue   collections.KeySet[collections.Pair[time.Time, string]]
	RemovalTimeQueue collections.KeySet[collections.Pair[time.Time, string]]

	// ValsetUpdateIDToHeight maps a valset update id to the provider height
	// at which it was current; slash packets are dated by it.
	ValsetUpdateIDToHeight collections.Map[uint64, uint64]
	// LastProviderConsensusVals is the provider's own CometBFT set, keyed by
	// consensus address.
	LastProviderConsensusVals collections.Map[[]byte, types.ConsensusValidator]
}

// NewKeeper builds the provider keeper. The channel keeper is also the
// default ICS4 wrapper; a middleware can replace it with SetICS4Wrapper.
func NewKeeper(
	cdc codec.BinaryCodec,
	storeService corestore.KVStoreService,
	clientKeeper types.ClientKeeper,
	connectionKeeper types.ConnectionKeeper,
	channelKeeper interface {
		types.ChannelKeeper
		porttypes.ICS4Wrapper
	},
	stakingKeeper types.StakingKeeper,
	slashingKeeper types.SlashingKeeper,
	accountKeeper types.AccountKeeper,
	authority string,
) *Keeper {
	if _, err := accountKeeper.AddressCodec().StringToBytes(authority); err != nil {
		panic(fmt.Errorf("invalid provider authority %q: %w", authority, err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	timeValue := collcodec.KeyToValueCodec(sdk.TimeKey)
	k := &Keeper{
		cdc:              cdc,
		authority:        authority,
		ics4Wrapper:      channelKeeper,
		clientKeeper:     clientKeeper,
		connectionKeeper: connectionKeeper,
		channelKeeper:    channelKeeper,
		stakingKeeper:    stakingKeeper,
		slashingKeeper:   slashingKeeper,
		accountKeeper:    accountKeeper,

		Params:         collections.NewItem(sb, types.ParamsKey, types.ParamsName, codec.CollValue[types.Params](cdc)),
		ValsetUpdateID: collections.NewItem(sb, types.ValsetUpdateIDKey, types.ValsetUpdateIDName, collections.Uint64Value),
		ConsumerIDSeq:  collections.NewSequence(sb, types.ConsumerIDSeqKey, types.ConsumerIDSeqName),

		ConsumerChainID:            collections.NewMap(sb, types.ConsumerChainIDKey, types.ConsumerChainIDName, collections.StringKey, collections.StringValue),
		ConsumerOwner:              collections.NewMap(sb, types.ConsumerOwnerKey, types.ConsumerOwnerName, collections.StringKey, collections.StringValue),
		ConsumerMetadata:           collections.NewMap(sb, types.ConsumerMetadataKey, types.ConsumerMetadataName, collections.StringKey, codec.CollValue[types.ConsumerMetadata](cdc)),
		ConsumerInitParams:         collections.NewMap(sb, types.ConsumerInitParamsKey, types.ConsumerInitParamsName, collections.StringKey, codec.CollValue[types.ConsumerInitializationParameters](cdc)),
		ConsumerPowerShapingParams: collections.NewMap(sb, types.ConsumerPowerShapingParamsKey, types.ConsumerPowerShapingParamsName, collections.StringKey, codec.CollValue[types.PowerShapingParameters](cdc)),
		ConsumerInfractionParams:   collections.NewMap(sb, types.ConsumerInfractionParamsKey, types.ConsumerInfractionParamsName, collections.StringKey, codec.CollValue[types.InfractionParameters](cdc)),
		ConsumerRewardDenoms:       collections.NewMap(sb, types.ConsumerRewardDenomsKey, types.ConsumerRewardDenomsName, collections.StringKey, codec.CollValue[types.AllowlistedRewardDenoms](cdc)),
		ConsumerPhase:              collections.NewMap(sb, types.ConsumerPhaseKey, types.ConsumerPhaseName, collections.StringKey, collections.Int32Value),
		ConsumerClientID:           collections.NewMap(sb, types.ConsumerClientIDKey, types.ConsumerClientIDName, collections.StringKey, collections.StringValue),
		ConsumerGenesis:            collections.NewMap(sb, types.ConsumerGenesisKey, types.ConsumerGenesisName, collections.StringKey, codec.CollValue[ccv.ConsumerGenesisState](cdc)),
		ConsumerChannelID:          collections.NewMap(sb, types.ConsumerChannelIDKey, types.ConsumerChannelIDName, collections.StringKey, collections.StringValue),
		InitChainHeight:            collections.NewMap(sb, types.InitChainHeightKey, types.InitChainHeightName, collections.StringKey, collections.Uint64Value),
		PendingVSCPackets:          collections.NewMap(sb, types.PendingVSCPacketsKey, types.PendingVSCPacketsName, collections.StringKey, codec.CollValue[types.ValidatorSetChangePackets](cdc)),
		RemovalTime:                collections.NewMap(sb, types.RemovalTimeKey, types.RemovalTimeName, collections.StringKey, timeValue),
		EquivocationEvidenceMinHeight: collections.NewMap(sb, types.EquivocationEvidenceMinHeightKey, types.EquivocationEvidenceMinHeightName,
			collections.StringKey, collections.Uint64Value),
		ConsumerValidators: collections.NewMap(sb, types.ConsumerValidatorsKey, types.ConsumerValidatorsName,
			collections.PairKeyCodec(collections.StringKey, collections.BytesKey), codec.CollValue[types.ConsensusValidator](cdc)),

		ClientIDToConsumerID:  collections.NewMap(sb, types.ClientIDToConsumerIDKey, types.ClientIDToConsumerIDName, collections.StringKey, collections.StringValue),
		ChannelIDToConsumerID: collections.NewMap(sb, types.ChannelIDToConsumerIDKey, types.ChannelIDToConsumerIDName, collections.StringKey, collections.StringValue),

		SpawnTimeQueue: collections.NewKeySet(sb, types.SpawnTimeQueueKey, types.SpawnTimeQueueName,
			collections.PairKeyCodec(sdk.TimeKey, collections.StringKey)),
		RemovalTimeQueue: collections.NewKeySet(sb, types.RemovalTimeQueueKey, types.RemovalTimeQueueName,
			collections.PairKeyCodec(sdk.TimeKey, collections.StringKey)),

		ValsetUpdateIDToHeight: collections.NewMap(sb, types.ValsetUpdateIDToHeightKey, types.ValsetUpdateIDToHeightName,
			collections.Uint64Key, collections.Uint64Value),
		LastProviderConsensusVals: collections.NewMap(sb, types.LastProviderConsensusValsKey, types.LastProviderConsensusValsName,
			collections.BytesKey, codec.CollValue[types.ConsensusValidator](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(fmt.Errorf("building provider schema: %w", err))
	}
	k.Schema = schema
	return k
}

// SetICS4Wrapper replaces the ICS4 wrapper packets are sent through.
func (k *Keeper) SetICS4Wrapper(wrapper porttypes.ICS4Wrapper) {
	k.ics4Wrapper = wrapper
}

// GetAuthority returns the address allowed to change parameters.
func (k *Keeper) GetAuthority() string {
	return k.authority
}

// Logger returns the module's logger.
func (k *Keeper) Logger(ctx sdk.Context) log.Logger {
	return ctx.Logger().With("module", "x/"+types.ModuleName)
}

// mustGetParams returns the module parameters. They are set at genesis, so
// their absence is a broken invariant.
func (k *Keeper) mustGetParams(ctx sdk.Context) types.Params {
	p, err := k.Params.Get(ctx)
	if err != nil {
		panic(fmt.Errorf("provider params are not set: %w", err))
	}
	return p
}
