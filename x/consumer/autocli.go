package consumer

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/rampart-ics/rampart/x/consumer/types"
)

// AutoCLIOptions describes the consumer's CLI: the commands are generated
// from the Query and Msg services.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "QueryParams",
					Use:       "params",
					Short:     "Show the consumer module parameters",
				},
				{
					RpcMethod: "QueryProviderInfo",
					Use:       "provider-info",
					Short:     "Show the client, connection and channel of both ends of the CCV channel",
				},
				{
					RpcMethod: "QueryThrottleState",
					Use:       "throttle-state",
					Short:     "Show the slash record and the packets waiting to be sent to the provider",
				},
				{
					RpcMethod: "QueryNextFeeDistribution",
					Use:       "next-fee-distribution",
					Short:     "Estimate the next reward transmission to the provider: its height and the fee split",
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: types.Msg_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod:      "UpdateParams",
					Use:            "update-params-proposal [params]",
					Short:          "Submit a governance proposal that replaces the consumer parameters",
					Example:        `update-params-proposal '{"enabled":true, ...}'`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "params"}},
					GovProposal:    true,
				},
			},
		},
	}
}
