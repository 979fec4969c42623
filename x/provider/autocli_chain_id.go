package provider

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// msgsWithDeprecatedChainID carry the incumbent's deprecated chain_id field.
// Its default flag, --chain-id, clashes with the tx flag of the same name
// (autocli panics building the command tree), so it is renamed and hidden.
var msgsWithDeprecatedChainID = []string{"AssignConsumerKey", "OptIn", "OptOut", "SetConsumerCommissionRate"}

// hideDeprecatedChainID renames the chain_id flag of those messages, adding
// an options entry where there is none and keeping any flag option already
// given.
func hideDeprecatedChainID(tx *autocliv1.ServiceCommandDescriptor) {
	for _, method := range msgsWithDeprecatedChainID {
		opts := rpcOptions(tx, method)
		if opts.FlagOptions == nil {
			opts.FlagOptions = map[string]*autocliv1.FlagOptions{}
		}
		if _, set := opts.FlagOptions["chain_id"]; !set {
			opts.FlagOptions["chain_id"] = &autocliv1.FlagOptions{
				Name: "deprecated-chain-id", Usage: "deprecated, must be empty: use the consumer id", Hidden: true,
			}
		}
	}
}

func rpcOptions(svc *autocliv1.ServiceCommandDescriptor, method string) *autocliv1.RpcCommandOptions {
	for _, o := range svc.RpcCommandOptions {
		if o.RpcMethod == method {
			return o
		}
	}
	o := &autocliv1.RpcCommandOptions{RpcMethod: method}
	svc.RpcCommandOptions = append(svc.RpcCommandOptions, o)
	return o
}
