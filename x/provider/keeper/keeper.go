package keeper

import (
	"fmt"
	"time"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
	corestore "cosmossdk.io/core/store"
	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"

	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// timeKey encodes times in store keys as the incumbent does (the SDK keeps
// it only for such compatibility); the time queues must keep its byte layout.
var timeKey = sdk.TimeKey //nolint:staticcheck // the incumbent's key layout, see above

// Keeper holds the provider's state and its view of the other modules.
type Keeper struct {
	cdc       codec.BinaryCodec
	authority string
	// storeService is for the few hot paths that iterate the store
	// without decoding keys (validator_set_epoch.go); everything else
	// goes through the collections below.
	storeService corestore.KVStoreService

	ics4Wrapper      porttypes.ICS4Wrapper
	clientKeeper     types.ClientKeeper
	connectionKeeper types.ConnectionKeeper
	channelKeeper    types.ChannelKeeper
	stakingKeeper    types.StakingKeeper
	slashingKeeper   types.SlashingKeeper
	accountKeeper    types.AccountKeeper
	bankKeeper       types.BankKeeper
	distrKeeper      types.DistributionKeeper

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

	// Slashing and evidence (slashing_*.go, evidence_*.go).
	//
	// SlashAcks are the consumer addresses whose downtime was handled, sent
	// with the consumer's next VSC packet.
	SlashAcks collections.Map[string, types.SlashAcks]
	// SlashMeter is the voting power that may still be jailed for downtime
	// before slash packets bounce; it may go negative.
	SlashMeter                   collections.Item[math.Int]
	SlashMeterReplenishCandidate collections.Item[time.Time]
	// QueuedInfractionParams replace a launched consumer's infraction
	// parameters at their apply time; InfractionParamsQueue orders them.
	QueuedInfractionParams collections.Map[string, types.QueuedInfractionParameters]
	InfractionParamsQueue  collections.KeySet[collections.Pair[time.Time, string]]
	// HandledEvidence is keyed by (consumer id, evidence hash).
	HandledEvidence collections.KeySet[collections.Pair[string, []byte]]
	// Punishments is the record of every punishment, keyed by sequence.
	Punishments   collections.Map[uint64, exttypes.Punishment]
	PunishmentSeq collections.Sequence

	// Partial set security, key assignment and commission
	// (partial_set_*.go, key_assignment_*.go, commission.go).
	//
	// OptedIn is keyed by (consumer id, provider consensus address).
	OptedIn        collections.KeySet[collections.Pair[string, []byte]]
	MinPowerInTopN collections.Map[string, int64]
	// ConsumerKeys maps (consumer id, provider consensus address) to the
	// key the validator assigned for that consumer.
	ConsumerKeys collections.Map[collections.Pair[string, []byte], cmtprotocrypto.PublicKey]
	// ValidatorsByConsumerAddr maps (consumer id, consumer consensus
	// address) back to the provider consensus address; old entries live
	// until they are pruned.
	ValidatorsByConsumerAddr collections.Map[collections.Pair[string, []byte], []byte]
	// ConsumerAddrsToPrune holds (consumer id, prune time, consumer address).
	ConsumerAddrsToPrune collections.KeySet[collections.Triple[string, time.Time, []byte]]
	// ConsumerCommissionRate is keyed by (consumer id, provider consensus
	// address).
	ConsumerCommissionRate collections.Map[collections.Pair[string, []byte], math.LegacyDec]

	// Rewards (rewards_*.go).
	//
	// ConsumerRewardsAllocation holds, per consumer, the rewards received in
	// the consumer rewards pool and not yet allocated.
	ConsumerRewardsAllocation collections.Map[string, types.ConsumerRewardsAllocation]
	// RegisteredRewardDenoms are the denoms allocated for every consumer.
	RegisteredRewardDenoms collections.KeySet[string]
	// The reward record: lifetime totals keyed by (consumer id, denom) and
	// (provider consensus address, consumer id, denom); recent amounts in
	// buckets, keyed by bucket first so old buckets prune cheaply.
	ConsumerRewardsTotals   collections.Map[collections.Pair[string, string], exttypes.ConsumerRewardAmounts]
	ConsumerRewardsBuckets  collections.Map[collections.Triple[uint64, string, string], exttypes.ConsumerRewardAmounts]
	ValidatorRewardsTotals  collections.Map[collections.Triple[[]byte, string, string], exttypes.ValidatorRewardAmounts]
	ValidatorRewardsBuckets collections.Map[collections.Quad[uint64, []byte, string, string], exttypes.ValidatorRewardAmounts]
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
	bankKeeper types.BankKeeper,
	distrKeeper types.DistributionKeeper,
	authority string,
) *Keeper {
	if _, err := accountKeeper.AddressCodec().StringToBytes(authority); err != nil {
		panic(fmt.Errorf("invalid provider authority %q: %w", authority, err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	timeValue := collcodec.KeyToValueCodec(timeKey)
	k := &Keeper{
		cdc:              cdc,
		authority:        authority,
		storeService:     storeService,
		ics4Wrapper:      channelKeeper,
		clientKeeper:     clientKeeper,
		connectionKeeper: connectionKeeper,
		channelKeeper:    channelKeeper,
		stakingKeeper:    stakingKeeper,
		slashingKeeper:   slashingKeeper,
		accountKeeper:    accountKeeper,
		bankKeeper:       bankKeeper,
		distrKeeper:      distrKeeper,

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
			collections.PairKeyCodec(timeKey, collections.StringKey)),
		RemovalTimeQueue: collections.NewKeySet(sb, types.RemovalTimeQueueKey, types.RemovalTimeQueueName,
			collections.PairKeyCodec(timeKey, collections.StringKey)),

		ValsetUpdateIDToHeight: collections.NewMap(sb, types.ValsetUpdateIDToHeightKey, types.ValsetUpdateIDToHeightName,
			collections.Uint64Key, collections.Uint64Value),
		LastProviderConsensusVals: collections.NewMap(sb, types.LastProviderConsensusValsKey, types.LastProviderConsensusValsName,
			collections.BytesKey, codec.CollValue[types.ConsensusValidator](cdc)),

		SlashAcks:                    collections.NewMap(sb, types.SlashAcksKey, types.SlashAcksName, collections.StringKey, codec.CollValue[types.SlashAcks](cdc)),
		SlashMeter:                   collections.NewItem(sb, types.SlashMeterKey, types.SlashMeterName, sdk.IntValue),
		SlashMeterReplenishCandidate: collections.NewItem(sb, types.SlashMeterReplenishCandidateKey, types.SlashMeterReplenishCandidateName, timeValue),
		QueuedInfractionParams: collections.NewMap(sb, types.QueuedInfractionParamsKey, types.QueuedInfractionParamsName,
			collections.StringKey, codec.CollValue[types.QueuedInfractionParameters](cdc)),
		InfractionParamsQueue: collections.NewKeySet(sb, types.InfractionParamsQueueKey, types.InfractionParamsQueueName,
			collections.PairKeyCodec(timeKey, collections.StringKey)),
		HandledEvidence: collections.NewKeySet(sb, types.HandledEvidenceKey, types.HandledEvidenceName,
			collections.PairKeyCodec(collections.StringKey, collections.BytesKey)),
		Punishments: collections.NewMap(sb, types.PunishmentsKey, types.PunishmentsName,
			collections.Uint64Key, codec.CollValue[exttypes.Punishment](cdc)),
		PunishmentSeq: collections.NewSequence(sb, types.PunishmentSeqKey, types.PunishmentSeqName),

		OptedIn: collections.NewKeySet(sb, types.OptedInKey, types.OptedInName,
			collections.PairKeyCodec(collections.StringKey, collections.BytesKey)),
		MinPowerInTopN: collections.NewMap(sb, types.MinPowerInTopNKey, types.MinPowerInTopNName, collections.StringKey, collections.Int64Value),
		ConsumerKeys: collections.NewMap(sb, types.ConsumerKeysKey, types.ConsumerKeysName,
			collections.PairKeyCodec(collections.StringKey, collections.BytesKey), codec.CollValue[cmtprotocrypto.PublicKey](cdc)),
		ValidatorsByConsumerAddr: collections.NewMap(sb, types.ValidatorsByConsumerAddrKey, types.ValidatorsByConsumerAddrName,
			collections.PairKeyCodec(collections.StringKey, collections.BytesKey), collections.BytesValue),
		ConsumerAddrsToPrune: collections.NewKeySet(sb, types.ConsumerAddrsToPruneKey, types.ConsumerAddrsToPruneName,
			collections.TripleKeyCodec(collections.StringKey, timeKey, collections.BytesKey)),
		ConsumerCommissionRate: collections.NewMap(sb, types.ConsumerCommissionRateKey, types.ConsumerCommissionRateName,
			collections.PairKeyCodec(collections.StringKey, collections.BytesKey), sdk.LegacyDecValue),

		ConsumerRewardsAllocation: collections.NewMap(sb, types.ConsumerRewardsAllocationKey, types.ConsumerRewardsAllocationName,
			collections.StringKey, codec.CollValue[types.ConsumerRewardsAllocation](cdc)),
		RegisteredRewardDenoms: collections.NewKeySet(sb, types.RegisteredRewardDenomsKey, types.RegisteredRewardDenomsName, collections.StringKey),
		ConsumerRewardsTotals: collections.NewMap(sb, types.ConsumerRewardsTotalsKey, types.ConsumerRewardsTotalsName,
			collections.PairKeyCodec(collections.StringKey, collections.StringKey), codec.CollValue[exttypes.ConsumerRewardAmounts](cdc)),
		ConsumerRewardsBuckets: collections.NewMap(sb, types.ConsumerRewardsBucketsKey, types.ConsumerRewardsBucketsName,
			collections.TripleKeyCodec(collections.Uint64Key, collections.StringKey, collections.StringKey),
			codec.CollValue[exttypes.ConsumerRewardAmounts](cdc)),
		ValidatorRewardsTotals: collections.NewMap(sb, types.ValidatorRewardsTotalsKey, types.ValidatorRewardsTotalsName,
			collections.TripleKeyCodec(collections.BytesKey, collections.StringKey, collections.StringKey),
			codec.CollValue[exttypes.ValidatorRewardAmounts](cdc)),
		ValidatorRewardsBuckets: collections.NewMap(sb, types.ValidatorRewardsBucketsKey, types.ValidatorRewardsBucketsName,
			collections.QuadKeyCodec(collections.Uint64Key, collections.BytesKey, collections.StringKey, collections.StringKey),
			codec.CollValue[exttypes.ValidatorRewardAmounts](cdc)),
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
