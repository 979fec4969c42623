#!/usr/bin/env bash
# Runs the provider epoch benchmark and prints the markdown table of
# docs/performance.md ("Provider epoch"), with the machine, Go version and
# date it was measured on. Each figure is the median of COUNT runs.
#
#   scripts/bench-table.sh            # COUNT=3, BENCHTIME=10x
#   COUNT=5 scripts/bench-table.sh
set -euo pipefail

cd "$(dirname "$0")/.."
count=${COUNT:-3}
benchtime=${BENCHTIME:-10x}
cmd="go test ./x/provider/keeper/ -run '^\$' -bench Epoch -benchtime $benchtime -count $count"

out=$(go test ./x/provider/keeper/ -run '^$' -bench Epoch -benchtime "$benchtime" -count "$count")

cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores of $cpu, $(go version | cut -d' ' -f3), load average $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Command: \`$cmd\` (median of $count runs; \`scripts/bench-table.sh\` prints this table)."
echo
# A benchmark line: BenchmarkEpoch/consumers=C/validators=V-P  N  ns/op  X unit  Y unit ...
echo "$out" | awk '
	/^BenchmarkEpoch\// {
		split($1, name, "/"); sub("consumers=", "", name[2]); split(name[3], v, "-"); sub("validators=", "", v[1])
		c = name[2] "x" v[1]
		if (!(c in seen)) { seen[c] = 1; order[++n] = c; cons[c] = name[2]; vals[c] = v[1] }
		k = ++runs[c]
		for (i = 3; i < NF; i += 2) { m[c, $(i + 1), k] = $i }
	}
	function median(c, unit,    a, i, j, t, r) {
		r = runs[c]
		for (i = 1; i <= r; i++) a[i] = m[c, unit, i] + 0
		for (i = 1; i <= r; i++) for (j = i + 1; j <= r; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
		return a[int((r + 1) / 2)]
	}
	END {
		print "| consumers | validators | ms per epoch | CPU ms per epoch | allocs per epoch | KB per epoch |"
		print "|---|---|---|---|---|---|"
		for (i = 1; i <= n; i++) {
			c = order[i]
			printf "| %s | %s | %.1f | %.1f | %d | %d |\n", cons[c], vals[c], median(c, "ms/epoch"), median(c, "cpu-ms/epoch"), median(c, "allocs/op"), median(c, "B/op") / 1024
		}
		if (("1x200" in seen) && ("50x200" in seen)) {
			printf "\nPer additional consumer (from 1 to 50 consumers x 200 validators): %.2f ms, %.2f CPU ms, %d allocs.\n",
				(median("50x200", "ms/epoch") - median("1x200", "ms/epoch")) / 49,
				(median("50x200", "cpu-ms/epoch") - median("1x200", "cpu-ms/epoch")) / 49,
				(median("50x200", "allocs/op") - median("1x200", "allocs/op")) / 49
		}
	}'
