// Package keeper holds the consumer module's state (typed collections
// declared in keeper.go) and its logic, one concern per file: genesis.go
// (import and lossless export), handshake.go (channel opening checks),
// relay.go (received VSC packets, acknowledgements and timeouts of sent
// packets), validators.go (pending changes and the CometBFT validator set),
// abci.go (begin and end block), grpc_query.go, msg_server.go and events.go.
//
// Nothing that arrives from outside panics: bad packets become error
// acknowledgements, bad messages tx errors.
package keeper
