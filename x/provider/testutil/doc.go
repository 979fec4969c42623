// Package testutil holds generated mocks of the provider's expected keepers.
package testutil

//go:generate go tool mockgen -source=../types/expected_keepers.go -package testutil -destination expected_keepers_mocks.go
