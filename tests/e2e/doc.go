// Package e2e holds end-to-end tests on real processes: providerd and
// consumerd nodes started by the localnet package, and the relayer run as
// `rampart relay`. TestMain builds the three binaries from this checkout,
// so `go test ./...` tests the code it sits next to; `-short` skips them.
//
// Scenarios are lists of typed steps: an action, then an expectation that
// is polled until it holds or times out. Every process a test starts is
// stopped by t.Cleanup, and dies with the test binary if that is killed.
package e2e
