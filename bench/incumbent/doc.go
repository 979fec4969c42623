// Package incumbent benchmarks the provider epoch of the incumbent
// implementation, cosmos/interchain-security v7, on the workload of
// Rampart's BenchmarkEpoch (x/provider/keeper), so that the two can be
// compared side by side (`make bench-compare`, README.md).
//
// It is a module of its own because the incumbent is built on an older
// cosmos-sdk, ibc-go and CometBFT than Rampart: one Go build cannot hold
// both, and keeping it out of the main module keeps `go build ./...`,
// `go vet ./...` and `make test` free of the incumbent's dependency tree.
package incumbent
