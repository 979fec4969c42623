package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// header is what the table needs to be read and reproduced: where, when,
// on what code and how it was measured.
type header struct {
	CPU        string
	Cores      int
	GoVersion  string
	Date       string
	Commit     string
	RampartSDK string
	Incumbent  string
	Load       string
	Count      int
	Benchtime  string
	BenchRegex string
}

// render prints the header and one row per case either side measured; a
// case only one side has shows n/a for the other.
func render(h header, rampart, incumbent results) string {
	keys := map[caseKey]bool{}
	for k := range rampart {
		keys[k] = true
	}
	for k := range incumbent {
		keys[k] = true
	}
	cases := make([]caseKey, 0, len(keys))
	for k := range keys {
		cases = append(cases, k)
	}
	// By validators, then consumers: the rows at 200 validators read as a
	// growing number of consumers, then the larger validator set.
	sort.Slice(cases, func(i, j int) bool {
		if cases[i].validators != cases[j].validators {
			return cases[i].validators < cases[j].validators
		}
		return cases[i].consumers < cases[j].consumers
	})

	var b strings.Builder
	// One sentence a line: the doc's diff then shows what changed.
	fmt.Fprintf(&b, "Measured %s on %s (%d cores, load average %s at the start) with %s.\n",
		h.Date, h.CPU, h.Cores, h.Load, h.GoVersion)
	fmt.Fprintf(&b, "Rampart commit %s (on %s) against %s.\n", h.Commit, h.RampartSDK, h.Incumbent)
	runs := fmt.Sprintf("Median of %d runs", h.Count)
	if h.Count == 1 {
		runs = "One run"
	}
	fmt.Fprintf(&b, "%s on each side, alternating, of `-bench '%s' -benchtime %s -benchmem`.\n",
		runs, h.BenchRegex, h.Benchtime)
	b.WriteString("Ratio: Rampart ms / incumbent ms (below 1: Rampart's epoch is faster). Allocations are per epoch.\n\n")
	b.WriteString("| consumers x validators | Rampart ms | incumbent ms | ratio | Rampart allocs | incumbent allocs |\n")
	b.WriteString("|---|---|---|---|---|---|\n")
	for _, k := range cases {
		r, i := rampart[k], incumbent[k]
		ratio := "n/a"
		if r != nil && i != nil && median(i.ms) > 0 {
			ratio = fmt.Sprintf("%.2f", median(r.ms)/median(i.ms))
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", k,
			msCell(r), msCell(i), ratio, allocsCell(r), allocsCell(i))
	}
	return b.String()
}

func msCell(s *samples) string {
	if s == nil {
		return "n/a"
	}
	m := median(s.ms)
	if m >= 1000 {
		return thousands(int64(m + 0.5))
	}
	if m >= 10 {
		return fmt.Sprintf("%.1f", m)
	}
	return fmt.Sprintf("%.2f", m)
}

func allocsCell(s *samples) string {
	if s == nil {
		return "n/a"
	}
	return thousands(int64(median(s.allocs) + 0.5))
}

// thousands writes n with comma separators, as the rest of
// docs/performance.md does.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// cpuModel is the first "model name" of /proc/cpuinfo ("unknown CPU" where
// there is none, as on some ARM kernels or outside Linux).
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(name) == "model name" {
			return strings.TrimSpace(value)
		}
	}
	return "unknown CPU"
}

// loadAverage is the one-minute load average: on a shared machine it says
// how much the figures may be inflated.
func loadAverage() string {
	bz, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	if f := strings.Fields(string(bz)); len(f) > 0 {
		return f[0]
	}
	return "unknown"
}

// goVersion is the toolchain go test uses in the repository, which may
// differ from the one this command was built with (GOTOOLCHAIN).
func goVersion(root string) string {
	out, err := command(root, "go", "env", "GOVERSION")
	if err != nil {
		return "unknown Go"
	}
	return out
}

// gitCommit names the measured code; uncommitted changes are said, since
// the commit alone then does not reproduce the figures.
func gitCommit(root string) string {
	commit, err := command(root, "git", "rev-parse", "--short=12", "HEAD")
	if err != nil {
		return "unknown"
	}
	if dirty, err := command(root, "git", "status", "--porcelain", "--untracked-files=no"); err == nil && dirty != "" {
		commit += " with uncommitted changes"
	}
	return commit
}

// incumbentVersion is the incumbent release and the cosmos-sdk it is built
// on, as resolved in bench/incumbent.
func incumbentVersion(root string) string {
	out, err := command(filepath.Join(root, "bench", "incumbent"), "go", "list", "-m",
		"-f", "{{.Path}} {{.Version}}", incumbentModule, "github.com/cosmos/cosmos-sdk")
	if err != nil {
		return incumbentModule
	}
	lines := strings.Split(out, "\n")
	if len(lines) != 2 {
		return out
	}
	return fmt.Sprintf("%s (on %s)", lines[0], lines[1])
}

// rampartSDK is the cosmos-sdk the main module resolves.
func rampartSDK(root string) string {
	out, err := command(root, "go", "list", "-m", "-f", "{{.Path}} {{.Version}}", "github.com/cosmos/cosmos-sdk")
	if err != nil {
		return "unknown cosmos-sdk"
	}
	return out
}

func command(dir, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	return strings.TrimSpace(string(out)), err
}
