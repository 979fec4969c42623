// Package testutil provides the consumer's test fixture (a keeper on an
// in-memory store with mocked IBC keepers) and the gomock mocks of
// types/expected_keepers.go, regenerated with `go generate ./x/consumer/types`.
package testutil
