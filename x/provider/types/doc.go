// Package types holds the provider's parameters, messages, errors, store
// keys and expected keepers, and its generated protobuf types.
package types
