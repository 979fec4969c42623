# Rampart build, test and code-generation targets. `make help` lists them.

GO          ?= go
BUILD_DIR   ?= build
TEST_FLAGS  ?= -timeout 20m
# Extra flags for `make bench`, e.g. BENCH_FLAGS='-benchtime 10x -count 3'.
BENCH_FLAGS ?=
# Flags for `make bench-compare`, e.g. BENCH_COMPARE_FLAGS='-write docs/performance.md'.
BENCH_COMPARE_FLAGS ?=
TOOLS_DIR   := $(abspath $(BUILD_DIR))/tools

# Linters and generators are installed from the Go module proxy into $(TOOLS_DIR)
# at pinned versions, and only when that exact version is not already there.
GOLANGCI_LINT_VERSION := v2.15.0
GOLANGCI_LINT         := $(TOOLS_DIR)/golangci-lint
GOLANGCI_LINT_FLAGS   ?=
# mockgen at the version go.mod requires (it is also a `tool` of the module).
MOCKGEN_VERSION       := $(shell awk '$$1 == "go.uber.org/mock" { print $$2; exit }' go.mod)
MOCKGEN               := $(TOOLS_DIR)/mockgen

.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

.PHONY: help build install test test-unit test-e2e bench bench-compare demo lint lint-tools mocks \
	mocks-check proto-tools proto-gen proto-check clean

help: ## Show this help
	@grep -E '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "}; {printf "  %-14s %s\n", $$1, $$2}'

# What `<daemon> version` prints; each daemon fills in its own name.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null)
LDFLAGS := -X github.com/cosmos/cosmos-sdk/version.Version=$(VERSION) \
	-X github.com/cosmos/cosmos-sdk/version.Commit=$(COMMIT)

build: ## Build the binaries in cmd/ into build/
	@mkdir -p $(BUILD_DIR)
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BUILD_DIR)/ ./cmd/...

install: ## Install the binaries in cmd/ into GOBIN
	$(GO) install -ldflags '$(LDFLAGS)' ./cmd/...

# Sequential sub-makes rather than prerequisites, so `make -j test` keeps the order.
test: ## Everything CI runs: install protoc if needed, proto-check, lint, unit tests
	$(MAKE) proto-tools
	$(MAKE) proto-check
	$(MAKE) lint
	$(MAKE) test-unit

# The end-to-end tests build and run the binaries in a subprocess, which Go's
# test cache cannot see: they always run uncached (-count=1), the rest may be cached.
test-unit: ## Run the Go tests (the end-to-end ones uncached)
	$(GO) test $(TEST_FLAGS) $$($(GO) list ./... | grep -v '/tests/e2e')
	$(GO) test $(TEST_FLAGS) -count=1 ./tests/e2e/...

test-e2e: ## Run only the end-to-end tests (real nodes and relayer; test-unit runs them too)
	$(GO) test $(TEST_FLAGS) -count=1 -v ./tests/e2e/...

# tests/e2e is left out: its benchmarks start real nodes and a relayer.
bench: ## Run Rampart's benchmarks (x/... and relayer/) and print what they measured
	$(GO) test -run '^$$' -bench . -benchmem $(BENCH_FLAGS) ./x/... ./relayer/...

# bench/incumbent is a module of its own: ./... above and `make test` do not
# reach it. Its first build downloads and compiles the incumbent's tree.
bench-compare: ## Rampart's provider epoch next to the incumbent's (ICS v7): medians and ratio as a table
	$(GO) run ./bench/compare $(BENCH_COMPARE_FLAGS)

demo: build ## Start a local network and show a delegation reaching a consumer's validator set
	$(BUILD_DIR)/rampart localnet demo --bin-dir $(BUILD_DIR)

# Generated protobuf code is exempt from gofmt: it is whatever protoc emits.
lint: ## gofmt check, go vet, golangci-lint (.golangci.yml) and mocks-check
	@out="$$(find . \( -path ./.git -o -path ./$(BUILD_DIR) \) -prune -o -name '*.go' \
		! -name '*.pb.go' ! -name '*.pb.gw.go' -print | xargs -r gofmt -l)"; \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(MAKE) lint-tools
	$(GOLANGCI_LINT) run $(GOLANGCI_LINT_FLAGS) ./...
	$(MAKE) mocks-check

lint-tools: ## Install golangci-lint and mockgen at their pinned versions into build/tools
	@if [ -x "$(GOLANGCI_LINT)" ] && \
		"$(GOLANGCI_LINT)" version 2>/dev/null | grep -q "version $(GOLANGCI_LINT_VERSION:v%=%) "; then :; else \
		echo "installing golangci-lint $(GOLANGCI_LINT_VERSION) into $(TOOLS_DIR)"; \
		GOBIN="$(TOOLS_DIR)" $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION); \
	fi
	@if [ -z "$(MOCKGEN_VERSION)" ]; then echo "go.uber.org/mock is not in go.mod" >&2; exit 1; fi
	@if [ -x "$(MOCKGEN)" ] && [ "$$("$(MOCKGEN)" -version 2>/dev/null)" = "$(MOCKGEN_VERSION)" ]; then :; else \
		echo "installing mockgen $(MOCKGEN_VERSION) into $(TOOLS_DIR)"; \
		GOBIN="$(TOOLS_DIR)" $(GO) install go.uber.org/mock/mockgen@$(MOCKGEN_VERSION); \
	fi

mocks: ## Regenerate the gomock mocks from their //go:generate mockgen directives
	$(MAKE) lint-tools
	MOCKGEN="$(MOCKGEN)" ./scripts/mockgen.sh

mocks-check: ## Fail if the committed mocks differ from what mockgen generates now
	$(MAKE) lint-tools
	MOCKGEN="$(MOCKGEN)" ./scripts/mockcheck.sh

proto-tools: ## Install protoc (Debian protobuf-compiler) if it is missing
	@if command -v protoc >/dev/null 2>&1; then \
		echo "protoc present: $$(protoc --version)"; \
	elif [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y protobuf-compiler || \
			{ apt-get update && apt-get install -y protobuf-compiler; }; \
	else \
		echo "protoc is missing: install Debian's protobuf-compiler (needs root and apt-get)" >&2; \
		exit 1; \
	fi

proto-gen: ## Regenerate *.pb.go and *.pb.gw.go from proto/
	./scripts/protocgen.sh

proto-check: ## Fail if the generated code does not match proto/
	./scripts/protocheck.sh

clean: ## Remove build outputs
	rm -rf $(BUILD_DIR)
