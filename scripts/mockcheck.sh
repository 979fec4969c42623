#!/usr/bin/env bash
# Fails if the committed mocks differ from what scripts/mockgen.sh generates now
# from the interfaces they mock (an interface changed without `make mocks`).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT

mapfile -t generated < <("$REPO_ROOT/scripts/mockgen.sh" "$SCRATCH")
if [ "${#generated[@]}" -eq 0 ]; then
	echo "mocks-check: no '//go:generate go tool mockgen' directive found" >&2
	exit 1
fi

drift=0
for f in "${generated[@]}"; do
	if [ ! -f "$REPO_ROOT/$f" ]; then
		echo "missing: $f (a mockgen directive generates it but it is not in the tree)"
		drift=1
	elif ! cmp -s "$SCRATCH/$f" "$REPO_ROOT/$f"; then
		echo "differs: $f"
		diff -u "$REPO_ROOT/$f" "$SCRATCH/$f" | head -n 40 || true
		drift=1
	fi
done

if [ "$drift" -ne 0 ]; then
	echo >&2
	echo "mocks-check: the mocks are out of date with the interfaces they mock; run 'make mocks' and commit the result" >&2
	exit 1
fi
echo "mocks-check: ${#generated[@]} mock files match their interfaces"
