// Command compare runs the provider epoch benchmark of Rampart
// (x/provider/keeper, BenchmarkEpoch) and of the incumbent,
// cosmos/interchain-security v7 (bench/incumbent, a module of its own), and
// prints a markdown table of both medians and their ratio. With -write it
// also puts the table into a document between the markers
//
//	<!-- bench-compare:begin -->
//	<!-- bench-compare:end -->
//
// so that the published figures always come from this command.
//
//	go run ./bench/compare                              # print
//	go run ./bench/compare -write docs/performance.md   # print and update the doc
//
// The two benchmarks cannot share one Go build (they need different
// cosmos-sdk versions), so each is compiled by `go test -c` in its own module
// and run as a subprocess. The runs alternate between the two sides, one
// `-count` at a time, so that load from other processes on a shared machine
// falls on both sides alike rather than on whichever ran second.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

const (
	beginMarker = "<!-- bench-compare:begin -->"
	endMarker   = "<!-- bench-compare:end -->"
	benchRegexp = "^BenchmarkEpoch$"
	// incumbentModule is the module whose version the header names.
	incumbentModule = "github.com/cosmos/interchain-security/v7"
)

// side is one implementation's benchmark: the package to compile and where
// its test binary must run (go test runs a package's tests in its directory).
type side struct {
	name   string
	modDir string // directory of the module's go.mod, relative to the root
	pkg    string // package to compile, relative to modDir
}

var sides = []side{
	{name: "Rampart", modDir: ".", pkg: "./x/provider/keeper"},
	{name: "incumbent", modDir: "bench/incumbent", pkg: "."},
}

func main() {
	count := flag.Int("count", 5, "runs of the benchmark on each side; the table shows the median")
	benchtime := flag.String("benchtime", "10x", "go test -benchtime for each run (epochs per run)")
	write := flag.String("write", "", "also replace the table between the bench-compare markers in this file")
	flag.Parse()
	if *count < 1 {
		fail(errors.New("-count must be at least 1"))
	}
	root, err := moduleRoot()
	if err != nil {
		fail(err)
	}
	table, err := run(root, *count, *benchtime)
	if err != nil {
		fail(err)
	}
	fmt.Print(table)
	if *write != "" {
		if err := writeBetweenMarkers(*write, table); err != nil {
			fail(err)
		}
		fmt.Fprintf(os.Stderr, "updated %s\n", *write)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench-compare:", err)
	os.Exit(1)
}

// run compiles both benchmarks, runs them count times in alternation and
// renders the table.
func run(root string, count int, benchtime string) (string, error) {
	tmp, err := os.MkdirTemp("", "bench-compare")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)

	// Taken before the runs: the commit is the code that gets built, and the
	// load is what the runs start under.
	loadAtStart := loadAverage()
	commit := gitCommit(root)
	bins := make([]string, len(sides))
	for i, s := range sides {
		// The first build of the incumbent downloads its dependencies from
		// the module proxy and compiles its whole tree: say so, it is slow.
		fmt.Fprintf(os.Stderr, "building %s benchmark (%s in %s)...\n", s.name, s.pkg, s.modDir)
		bins[i] = filepath.Join(tmp, strings.ToLower(s.name)+".test")
		cmd := exec.Command("go", "test", "-c", "-o", bins[i], s.pkg)
		cmd.Dir = filepath.Join(root, s.modDir)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("building the %s benchmark: %w", s.name, err)
		}
	}

	res := make([]results, len(sides))
	for r := 1; r <= count; r++ {
		for i, s := range sides {
			fmt.Fprintf(os.Stderr, "run %d/%d: %s\n", r, count, s.name)
			out, err := runBench(bins[i], filepath.Join(root, s.modDir, s.pkg), benchtime)
			if err != nil {
				return "", fmt.Errorf("running the %s benchmark: %w", s.name, err)
			}
			if res[i] == nil {
				res[i] = make(results)
			}
			if err := parseInto(res[i], out); err != nil {
				return "", fmt.Errorf("reading the %s benchmark output: %w", s.name, err)
			}
		}
	}
	h := header{
		CPU:        cpuModel(),
		Cores:      runtime.NumCPU(),
		GoVersion:  goVersion(root),
		Date:       time.Now().UTC().Format("2006-01-02"),
		Commit:     commit,
		RampartSDK: rampartSDK(root),
		Incumbent:  incumbentVersion(root),
		Load:       loadAtStart,
		Count:      count,
		Benchtime:  benchtime,
		BenchRegex: benchRegexp,
	}
	return render(h, res[0], res[1]), nil
}

// runBench runs one compiled benchmark binary once with the flags go test
// would pass for `-run '^$' -bench '^BenchmarkEpoch$' -benchmem`.
func runBench(bin, dir, benchtime string) (string, error) {
	cmd := exec.Command(bin, "-test.run", "^$", "-test.bench", benchRegexp,
		"-test.benchtime", benchtime, "-test.benchmem", "-test.count", "1")
	cmd.Dir = dir
	var out bytes.Buffer
	// The lines go to stderr as they come, so a long run shows progress.
	cmd.Stdout = io.MultiWriter(&out, os.Stderr)
	cmd.Stderr = os.Stderr
	err := cmd.Run()
	return out.String(), err
}

// moduleRoot is the directory of the main module's go.mod, so the command
// works from any directory inside the repository.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("not inside the rampart module: run from the repository")
	}
	root := filepath.Dir(gomod)
	if _, err := os.Stat(filepath.Join(root, "bench", "incumbent", "go.mod")); err != nil {
		return "", fmt.Errorf("%s has no bench/incumbent module: run from the rampart repository (not from bench/incumbent)", root)
	}
	return root, nil
}

// writeBetweenMarkers replaces what lies between the begin and end markers
// of the file with the table, leaving the markers and the rest alone.
func writeBetweenMarkers(path, table string) error {
	doc, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	updated, err := replaceBetweenMarkers(string(doc), table)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, []byte(updated), 0o644) //nolint:gosec // a document of the repository, readable by all
}

func replaceBetweenMarkers(doc, table string) (string, error) {
	begin := strings.Index(doc, beginMarker)
	end := strings.Index(doc, endMarker)
	if begin < 0 || end < 0 {
		return "", fmt.Errorf("markers %q and %q not found", beginMarker, endMarker)
	}
	if end < begin || strings.Count(doc, beginMarker) != 1 || strings.Count(doc, endMarker) != 1 {
		return "", errors.New("expected one begin marker followed by one end marker")
	}
	body := strings.TrimRight(table, "\n")
	return doc[:begin+len(beginMarker)] + "\n" + body + "\n" + doc[end:], nil
}
