package provider

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// Service names, as the generated descriptors know them.
const (
	queryService = "interchain_security.ccv.provider.v1.Query"
	msgService   = "interchain_security.ccv.provider.v1.Msg"
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
					RpcMethod: "QueryRegisteredConsumerRewardDenoms",
					Use:       "registered-consumer-reward-denoms",
					Short:     "The reward denoms allocated for every consumer (each consumer may allow up to 3 more)",
				},
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
					RpcMethod: "ChangeRewardDenoms",
					Skip:      true, // governance only
				},
			},
		},
	}
}
