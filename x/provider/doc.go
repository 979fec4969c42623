// Package provider is the provider side of interchain security: it lends
// the provider chain's staked validator set to consumer chains over IBC.
//
// It manages the consumer lifecycle (create, launch, update, stop, delete),
// computes each consumer's validator set, and sends the changes over ordered
// CCV channels every epoch. See README.md for concepts, state and messages.
package provider
