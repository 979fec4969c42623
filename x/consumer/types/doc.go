// Package types holds the consumer module's store keys, errors, genesis
// validation, messages and the narrow interfaces of the IBC keepers it
// uses. Wire types shared with the provider live in x/ccv/types.
package types
