#!/usr/bin/env bash
# Fails if the committed *.pb.go / *.pb.gw.go files differ from what
# scripts/protocgen.sh generates from proto/ now (edited, missing or stale files).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT

"$REPO_ROOT/scripts/protocgen.sh" "$SCRATCH" >/dev/null

list_generated() {
	(cd "$1" && find . \( -path ./.git -o -path ./build -o -path ./bin \) -prune -o \
		-type f \( -name '*.pb.go' -o -name '*.pb.gw.go' \) -print | sed 's|^\./||' | LC_ALL=C sort)
}

drift=0
while IFS= read -r f; do
	if [ ! -f "$REPO_ROOT/$f" ]; then
		echo "missing: $f (generated from proto/ but not in the tree)"
		drift=1
	elif ! cmp -s "$SCRATCH/$f" "$REPO_ROOT/$f"; then
		echo "differs: $f"
		diff -u "$REPO_ROOT/$f" "$SCRATCH/$f" | head -n 20 || true
		drift=1
	fi
done < <(list_generated "$SCRATCH")

while IFS= read -r f; do
	if [ ! -f "$SCRATCH/$f" ]; then
		echo "stale: $f (no .proto generates it any more)"
		drift=1
	fi
done < <(list_generated "$REPO_ROOT")

if [ "$drift" -ne 0 ]; then
	echo >&2
	echo "proto-check: generated code is out of date with proto/; run 'make proto-gen' and commit the result" >&2
	exit 1
fi
echo "proto-check: generated code matches proto/"
