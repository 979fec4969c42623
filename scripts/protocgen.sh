#!/usr/bin/env bash
# Regenerates the Go code for every .proto file under proto/ with plain protoc,
# offline: include paths come from the Go module cache at the versions go.mod
# pins, and the plugins are the go.mod tool pins.
#
# Usage: scripts/protocgen.sh [OUT_ROOT]
#   OUT_ROOT   where generated files are copied (default: the repo root);
#              also settable as PROTO_OUT. proto-check points it at a scratch dir.
#   PROTO_DIR  the .proto tree to compile (default: <repo>/proto).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROTO_DIR="${PROTO_DIR:-$REPO_ROOT/proto}"
OUT_ROOT="${1:-${PROTO_OUT:-$REPO_ROOT}}"
GO_MODULE="github.com/rampart-ics/rampart"

if ! command -v protoc >/dev/null 2>&1; then
	echo "protocgen: protoc not found; run 'make proto-tools' (installs Debian's protobuf-compiler)" >&2
	exit 1
fi

PROTO_DIR="$(cd "$PROTO_DIR" && pwd)"
mkdir -p "$OUT_ROOT"
OUT_ROOT="$(cd "$OUT_ROOT" && pwd)"
cd "$REPO_ROOT"

mapfile -t PROTO_DIRS < <(find "$PROTO_DIR" -name '*.proto' -printf '%h\n' | LC_ALL=C sort -u)
if [ "${#PROTO_DIRS[@]}" -eq 0 ]; then
	echo "protocgen: no .proto files under $PROTO_DIR; nothing to do"
	exit 0
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Plugins at the versions pinned by the `tool` block of go.mod.
go build -o "$WORK/bin/" \
	github.com/cosmos/gogoproto/protoc-gen-gocosmos \
	github.com/grpc-ecosystem/grpc-gateway/protoc-gen-grpc-gateway
export PATH="$WORK/bin:$PATH"

# Schema sources, at the versions our Go code links against.
DEP_MODULES=(
	github.com/cometbft/cometbft
	github.com/cosmos/cosmos-sdk
	github.com/cosmos/gogoproto
	github.com/cosmos/cosmos-proto
	github.com/cosmos/ibc-go/v11
	github.com/grpc-ecosystem/grpc-gateway
)
go mod download "${DEP_MODULES[@]}"
moddir() { go list -m -f '{{.Dir}}' "$1"; }

# cometbft must come before the SDK: the SDK carries an older copy of the
# tendermint/* protos and protoc takes the first match.
INCLUDES=(
	-I "$(moddir github.com/cometbft/cometbft)/proto"
	-I "$(moddir github.com/cosmos/cosmos-sdk)/proto"
	-I "$(moddir github.com/cosmos/gogoproto)"
	-I "$(moddir github.com/cosmos/cosmos-proto)/proto"
	-I "$(moddir github.com/cosmos/ibc-go/v11)/proto"
	-I "$(moddir github.com/grpc-ecosystem/grpc-gateway)/third_party/googleapis"
	-I "$PROTO_DIR"
)
# google/protobuf/*: protoc's own include dir (Debian: /usr/include), else gogoproto's copy.
PROTOC_INC="$(dirname "$(command -v protoc)")/../include"
if [ -f "$PROTOC_INC/google/protobuf/descriptor.proto" ]; then
	INCLUDES+=(-I "$PROTOC_INC")
else
	INCLUDES+=(-I "$(moddir github.com/cosmos/gogoproto)/protobuf")
fi

# No module ships cosmos/ics23/v1/proofs.proto as source; take its compiled descriptor.
go run ./scripts/protodesc "$WORK/ics23.pb"

mkdir -p "$WORK/gen"
for dir in "${PROTO_DIRS[@]}"; do
	mapfile -t files < <(find "$dir" -maxdepth 1 -name '*.proto' | LC_ALL=C sort)
	echo "protocgen: ${dir#"$PROTO_DIR"/}"
	protoc --descriptor_set_in="$WORK/ics23.pb" "${INCLUDES[@]}" \
		--gocosmos_out=plugins=grpc,Mgoogle/protobuf/any.proto=github.com/cosmos/gogoproto/types/any:"$WORK/gen" \
		--grpc-gateway_out=logtostderr=true,allow_colon_final_segments=true:"$WORK/gen" \
		"${files[@]}"
done

# Output lands under its go_package path; anything outside our module is a go_package typo.
stray="$(find "$WORK/gen" -type f ! -path "$WORK/gen/$GO_MODULE/*" | sed "s|^$WORK/gen/||")"
if [ -n "$stray" ]; then
	echo "protocgen: files generated outside $GO_MODULE (check go_package):" >&2
	echo "$stray" >&2
	exit 1
fi
cp -R "$WORK/gen/$GO_MODULE/." "$OUT_ROOT/"
echo "protocgen: wrote $(find "$WORK/gen" -type f | wc -l) files under $OUT_ROOT"
