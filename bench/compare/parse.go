package main

import (
	"bufio"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// caseKey is one workload: consumers x validators.
type caseKey struct{ consumers, validators int }

func (c caseKey) String() string { return fmt.Sprintf("%d x %d", c.consumers, c.validators) }

// samples are one case's figures, one per run.
type samples struct {
	ms     []float64 // milliseconds per epoch
	allocs []float64 // allocations per epoch
}

// results are one side's samples by case.
type results map[caseKey]*samples

// caseName finds the workload in a sub-benchmark name such as
// "BenchmarkEpoch/consumers=50/validators=200-2" (the suffix is GOMAXPROCS).
var caseName = regexp.MustCompile(`/consumers=(\d+)/validators=(\d+)(?:-\d+)?$`)

// parseInto adds the figures of every benchmark result line in out (the
// standard format: name, iterations, then value-unit pairs) to res. Lines
// that are not results (goos:, PASS, logs) are skipped.
func parseInto(res results, out string) error {
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(fields[1]); err != nil {
			continue // a log line that starts with a benchmark's name
		}
		m := caseName.FindStringSubmatch(fields[0])
		if m == nil {
			continue
		}
		consumers, _ := strconv.Atoi(m[1])
		validators, _ := strconv.Atoi(m[2])
		metrics := map[string]float64{}
		for i := 2; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				return fmt.Errorf("line %q: value %q: %w", sc.Text(), fields[i], err)
			}
			metrics[fields[i+1]] = v
		}
		// Both benchmarks report ms/epoch from the timed part of each
		// iteration; ns/op is the same time, and the fallback if a
		// benchmark stops reporting the custom metric.
		ms, ok := metrics["ms/epoch"]
		if !ok {
			ns, ok := metrics["ns/op"]
			if !ok {
				return fmt.Errorf("line %q: neither ms/epoch nor ns/op", sc.Text())
			}
			ms = ns / 1e6
		}
		allocs, ok := metrics["allocs/op"]
		if !ok {
			return fmt.Errorf("line %q: no allocs/op (run with -benchmem)", sc.Text())
		}
		key := caseKey{consumers, validators}
		s := res[key]
		if s == nil {
			s = &samples{}
			res[key] = s
		}
		s.ms = append(s.ms, ms)
		s.allocs = append(s.allocs, allocs)
	}
	return sc.Err()
}

// median of a non-empty list; the mean of the two middle values for an
// even count.
func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
