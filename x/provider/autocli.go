package provider

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// Service names, as the generated descriptors know them.
const (
	queryService        = "interchain_security.ccv.provider.v1.Query"
	msgService          = "interchain_security.ccv.provider.v1.Msg"
	rampartQueryService = "rampart.provider.v1.Query"
	rampartSubCommand   = "rampart"
)

// AutoCLIOptions describes the provider's query and tx commands; the SDK
// builds them from the proto services. Names follow the incumbent's CLI.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: queryService,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod:      "QueryConsumerGenesis",
					Use:            "consumer-genesis [consumer-id]",
					Short:          "The genesis a launched consumer chain starts from",
					Long:           "Prints the ConsumerGenesisState the provider generated when the consumer launched. Paste it into the consumer's genesis under app_state.ccvconsumer.",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}},
				},
				{
					RpcMethod:      "QueryConsumerChains",
					Use:            "list-consumer-chains [phase]",
					Short:          "List consumer chains, optionally only those in one phase",
					Example:        "list-consumer-chains 3   # launched chains (1 registered, 2 initialized, 3 launched, 4 stopped, 5 deleted)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "phase", Optional: true}},
				},
				{
					RpcMethod:      "QueryConsumerChain",
					Use:            "consumer-chain [consumer-id]",
					Short:          "Everything the provider knows about one consumer chain",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}},
				},
				{
					RpcMethod:      "QueryConsumerValidators",
					Use:            "consumer-validators [consumer-id]",
					Short:          "A consumer's validator set (computed on the fly before launch)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}},
				},
				{
					RpcMethod:      "QueryConsumerIdFromClientId",
					Use:            "consumer-id-from-client-id [client-id]",
					Short:          "The consumer whose light client on the provider has this id",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "client_id"}},
				},
				{
					RpcMethod:      "QueryConsumerGenesisTime",
					Use:            "consumer-genesis-time [consumer-id]",
					Short:          "The genesis time of a launched consumer chain",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}},
				},
				{
					RpcMethod: "QueryBlocksUntilNextEpoch",
					Use:       "blocks-until-next-epoch",
					Short:     "Blocks left until validator set changes are next sent to consumers",
				},
				{
					RpcMethod: "QueryParams",
					Use:       "params",
					Short:     "The provider module parameters",
				},
				{
					RpcMethod:      "QueryConsumerChainOptedInValidators",
					Use:            "consumer-opted-in-validators [consumer-id]",
					Short:          "The consensus addresses of the validators opted in to a consumer",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}},
				},
				{
					RpcMethod:      "QueryConsumerChainsValidatorHasToValidate",
					Use:            "has-to-validate [provider-consensus-address]",
					Short:          "The consumers a validator secures now or will from the next epoch",
					Example:        "has-to-validate cosmosvalcons1...",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "provider_address"}},
				},
				{
					RpcMethod:      "QueryValidatorConsumerAddr",
					Use:            "validator-consumer-key [consumer-id] [provider-validator-address]",
					Short:          "The consensus address a validator uses on a consumer; empty if it assigned no key there",
					Example:        "validator-consumer-key 0 cosmosvalcons1...",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}, {ProtoField: "provider_address"}},
				},
				{
					RpcMethod:      "QueryValidatorProviderAddr",
					Use:            "validator-provider-key [consumer-id] [consumer-validator-address]",
					Short:          "The provider consensus address behind a consumer consensus address",
					Example:        "validator-provider-key 0 cosmosvalcons1...",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}, {ProtoField: "consumer_address"}},
				},
				{
					RpcMethod:      "QueryAllPairsValConsAddrByConsumer",
					Use:            "all-pairs-valconsensus-address [consumer-id]",
					Short:          "Every validator that assigned a key on a consumer, with its provider and consumer addresses",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}},
				},
				{
					RpcMethod:      "QueryValidatorConsumerCommissionRate",
					Use:            "validator-consumer-commission-rate [consumer-id] [provider-validator-address]",
					Short:          "A validator's commission on a consumer (its provider commission unless it set one)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}, {ProtoField: "provider_address"}},
				},
				{
					RpcMethod: "QueryThrottleState",
					Use:       "throttle-state",
					Short:     "The slash meter: power that may still be jailed for downtime before slash packets bounce",
					Long: "Prints the slash meter (negative: downtime slash packets from consumers bounce and are retried), " +
						"its allowance (what it regains each slash_meter_replenish_period, and its maximum) and when it is next replenished.",
				},
				{
					RpcMethod: "QueryRegisteredConsumerRewardDenoms",
					Use:       "registered-consumer-reward-denoms",
					Short:     "The reward denoms allocated for every consumer (each consumer may allow up to 3 more)",
				},
			},
			// Rampart's own queries are a second service; autocli puts a
			// module's extra services under a sub-command of their own.
			SubCommands: map[string]*autocliv1.ServiceCommandDescriptor{
				rampartSubCommand: rampartQueryOptions(),
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: msgService,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "CreateConsumer",
					Use:       "create-consumer [chain-id] [metadata]",
					Short:     "Register a consumer chain; you become its owner",
					Long: "Registers a consumer chain. Parameters left out take their defaults; a consumer with a spawn time in " +
						"its initialization parameters launches at that time. Message arguments take JSON or a path to a .json file.",
					Example: `create-consumer my-chain-1 '{"name":"My chain","description":"A consumer","metadata":"{}"}' ` +
						`--initialization-parameters init.json --from owner`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "chain_id"}, {ProtoField: "metadata"}},
				},
				{
					RpcMethod:      "UpdateConsumer",
					Use:            "update-consumer [consumer-id]",
					Short:          "Update a consumer chain you own; parts left out keep their value",
					Example:        `update-consumer 0 --initialization-parameters init.json --from owner`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}},
				},
				{
					RpcMethod:      "RemoveConsumer",
					Use:            "remove-consumer [consumer-id]",
					Short:          "Stop a launched consumer chain you own",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}},
				},
				{
					RpcMethod: "UpdateParams",
					Skip:      true, // governance only
				},
				{
					RpcMethod:   "AssignConsumerKey",
					FlagOptions: deprecatedChainIDFlag,
					Use:         "assign-consensus-key [consumer-id] [consumer-pubkey]",
					Short:       "Use another consensus key on a consumer chain, from the next epoch",
					Long: "Assigns the key the validator signs with on a consumer chain. The key is the JSON that " +
						"`<daemon> comet show-validator` prints on the consumer node. Sign with the validator's operator account.",
					Example: `assign-consensus-key 0 '{"@type":"/cosmos.crypto.ed25519.PubKey","key":"<base64>"}' ` +
						`--provider-addr cosmosvaloper1... --from validator`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}, {ProtoField: "consumer_key"}},
				},
				{
					RpcMethod:   "OptIn",
					FlagOptions: deprecatedChainIDFlag,
					Use:         "opt-in [consumer-id] [consumer-pubkey]",
					Short:       "Validate a consumer chain from the next epoch, optionally with its own consensus key",
					Example: `opt-in 0 '{"@type":"/cosmos.crypto.ed25519.PubKey","key":"<base64>"}' ` +
						`--provider-addr cosmosvaloper1... --from validator`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}, {ProtoField: "consumer_key", Optional: true}},
				},
				{
					RpcMethod: "OptOut",
					Use:       "opt-out [consumer-id] [validator-operator-address]",
					Short:     "Stop securing a launched consumer from the next epoch",
					Long: "Opts a validator out of a launched consumer; sign with the validator's own account. " +
						"Validators in a top-N chain's top N cannot opt out.",
					Example:        "opt-out 0 cosmosvaloper1... --from validator",
					FlagOptions:    deprecatedChainIDFlag,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}, {ProtoField: "provider_addr"}},
				},
				{
					RpcMethod:      "SetConsumerCommissionRate",
					FlagOptions:    deprecatedChainIDFlag,
					Use:            "set-consumer-commission-rate [consumer-id] [commission-rate]",
					Short:          "Take another commission on a consumer chain's rewards than on the provider's",
					Example:        `set-consumer-commission-rate 0 0.05 --provider-addr cosmosvaloper1... --from validator`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}, {ProtoField: "rate"}},
				},
				{
					RpcMethod: "SubmitConsumerDoubleVoting",
					Use:       "submit-consumer-double-voting [consumer-id] [evidence] [infraction-header]",
					Short:     "Submit evidence that a consumer validator signed two different blocks at one height",
					Long: "Submits a CometBFT DuplicateVoteEvidence from the consumer chain, with a consumer header (ibc 07-tendermint " +
						"Header) whose validator set holds the offender's public key. If both votes verify for the consumer's chain id, " +
						"the provider validator behind the offender is slashed, jailed and tombstoned with the consumer's double-sign " +
						"parameters. Arguments take JSON or a path to a .json file. See docs/evidence.md.",
					Example: "submit-consumer-double-voting 0 evidence.json header.json --from relayer",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "consumer_id"}, {ProtoField: "duplicate_vote_evidence"}, {ProtoField: "infraction_block_header"},
					},
				},
				{
					RpcMethod: "SubmitConsumerMisbehaviour",
					Use:       "submit-consumer-misbehaviour [consumer-id] [misbehaviour]",
					Short:     "Submit two conflicting consumer headers (a light-client attack)",
					Long: "Submits an ibc 07-tendermint Misbehaviour for the consumer's client on the provider. The consumer's light " +
						"client verifies it without being frozen; every validator that signed both headers is slashed, jailed and " +
						"tombstoned with the consumer's double-sign parameters. Arguments take JSON or a path to a .json file. " +
						"See docs/evidence.md.",
					Example:        "submit-consumer-misbehaviour 0 misbehaviour.json --from relayer",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}, {ProtoField: "misbehaviour"}},
				},
				{
					RpcMethod: "ChangeRewardDenoms",
					Skip:      true, // governance only
				},
			},
		},
	}
}

// deprecatedChainIDFlag renames the messages' deprecated chain_id field,
// whose flag would clash with the tx --chain-id flag; it must stay empty.
var deprecatedChainIDFlag = map[string]*autocliv1.FlagOptions{
	"chain_id": {Name: "deprecated-chain-id", Hidden: true, Usage: "deprecated, must be empty: the consumer is the consumer-id argument"},
}

// rampartQueryOptions describes the rampart.provider.v1 queries, which go
// beyond the incumbent's API: `query provider rampart ...`.
func rampartQueryOptions() *autocliv1.ServiceCommandDescriptor {
	return &autocliv1.ServiceCommandDescriptor{
		Service: rampartQueryService,
		Short:   "Rampart's own provider queries (beyond the incumbent's API)",
		RpcCommandOptions: []*autocliv1.RpcCommandOptions{
			{
				RpcMethod: "Punishments",
				Use:       "punishments",
				Short:     "Punishments carried out for consumer chains, oldest first",
				Long: "Lists every slash, jailing and tombstoning the provider carried out for a consumer's downtime " +
					"or equivocation, with the consumer, both addresses, the slashed tokens and the jail end.",
				Example: "punishments --consumer-id 0 --provider-address cosmosvalcons1...",
			},
			{
				RpcMethod:      "ConsumerRewards",
				Use:            "consumer-rewards [consumer-id]",
				Short:          "What a consumer's rewards did, per denom: received, allocated, pending",
				Long:           "Lifetime totals and the amounts of the recent window for one consumer's rewards on the provider.",
				Example:        "consumer-rewards 0",
				PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consumer_id"}},
			},
			{
				RpcMethod: "ValidatorRewards",
				Use:       "validator-rewards [provider-consensus-address]",
				Short:     "What a validator received for securing each consumer",
				Long: "Lifetime totals and the amounts of the recent window a validator (by its provider consensus " +
					"address) received from each consumer; --consumer-id keeps one consumer.",
				Example:        "validator-rewards cosmosvalcons1... --consumer-id 0",
				PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "provider_address"}},
			},
		},
	}
}
