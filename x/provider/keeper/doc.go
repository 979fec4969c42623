// Package keeper holds the provider module's state and logic. Each file has
// one concern: consumer lifecycle, launch, removal, validator sets, relay,
// handshake, queries, genesis.
package keeper
