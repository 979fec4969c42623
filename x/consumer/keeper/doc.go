// Package keeper holds the consumer module's state (typed collections
// declared in keeper.go) and its logic, one concern per file: genesis.go
// (import and lossless export), handshake.go (channel opening checks),
// relay.go (received VSC packets, acknowledgements and timeouts of sent
// packets), validators.go (pending changes and the CometBFT validator set),
// staking_keeper.go (the staking keeper x/slashing and x/evidence see),
// slashing.go (slash requests), pending_packets.go (the queue of packets
// for the provider and their sending), slash_record.go (the provider's
// answers to slash packets), valset_update_ids.go (height to valset update
// id, recorded on change and pruned), abci.go (begin and end block),
// grpc_query.go, msg_server.go and events.go.
//
// Nothing that arrives from outside panics: bad packets become error
// acknowledgements, bad messages tx errors.
package keeper
