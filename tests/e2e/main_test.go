package e2e_test

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// binDir holds the binaries TestMain built.
var binDir string

func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		os.Exit(m.Run()) // the tests skip themselves
	}
	dir, err := os.MkdirTemp("", "rampart-e2e-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := func() int {
		defer os.RemoveAll(dir)
		start := time.Now()
		// The tests run in tests/e2e; the module root is two levels up.
		cmd := exec.Command("go", "build", "-o", dir+string(filepath.Separator),
			"./cmd/providerd", "./cmd/consumerd", "./cmd/rampart")
		cmd.Dir = filepath.Join("..", "..")
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "e2e: building the binaries failed:", err)
			return 1
		}
		fmt.Fprintf(os.Stderr, "e2e: built providerd, consumerd and rampart in %s\n", time.Since(start).Round(time.Second))
		binDir = dir
		return m.Run()
	}()
	os.Exit(code)
}
