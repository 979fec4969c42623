package localnet

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// Options shape a new local network.
type Options struct {
	// Home holds all of the network's state: node homes, keys, logs.
	Home string
	// BinDir holds providerd and consumerd; default: the directory of the
	// running executable if they are there, else the first on PATH.
	BinDir string
	// RampartBin runs the relayer (`rampart relay`); default: the running
	// executable.
	RampartBin string
	// Validators on the provider (each runs a node on every chain); default 3.
	Validators int
	// Consumers to launch (the CLI's default is 1).
	Consumers int
	// BasePort is where port allocation starts; default DefaultBasePort.
	BasePort int
	// BlockTime is CometBFT's timeout_commit; default 1s.
	BlockTime time.Duration
	// NoRelayer leaves the relayer out (and the CCV channel unopened).
	NoRelayer bool
	// DieWithParent makes every process die with the one that started it
	// (Linux): tests set it, so a killed test leaves nothing behind.
	DieWithParent bool
	// Out receives progress lines; nil discards them.
	Out io.Writer
}

// resolveHome makes Home absolute.
func (o *Options) resolveHome() error {
	if o.Home == "" {
		return fmt.Errorf("the network needs a home directory")
	}
	home, err := filepath.Abs(o.Home)
	if err != nil {
		return err
	}
	o.Home = home
	if o.Out == nil {
		o.Out = io.Discard
	}
	return nil
}

// setDefaults fills in what a new network needs and finds its binaries.
func (o *Options) setDefaults() error {
	var err error
	if o.Validators == 0 {
		o.Validators = 3
	}
	if o.Validators < 1 || o.Consumers < 0 {
		return fmt.Errorf("need at least one validator (got %d) and no negative consumer count (got %d)", o.Validators, o.Consumers)
	}
	if o.BasePort == 0 {
		o.BasePort = DefaultBasePort
	}
	if o.BlockTime == 0 {
		o.BlockTime = time.Second
	}
	if o.RampartBin == "" && !o.NoRelayer {
		if o.RampartBin, err = os.Executable(); err != nil {
			return fmt.Errorf("locating the rampart binary for the relayer: %w", err)
		}
	}
	o.BinDir, err = findBinDir(o.BinDir)
	return err
}

// daemons are the binaries a network runs.
var daemons = []string{"providerd", "consumerd"}

// findBinDir returns the directory holding both daemons, or says clearly
// which one is missing where.
func findBinDir(dir string) (string, error) {
	if dir == "" {
		if exe, err := os.Executable(); err == nil && hasDaemons(filepath.Dir(exe)) == "" {
			return filepath.Dir(exe), nil
		}
		path, err := exec.LookPath(daemons[0])
		if err != nil {
			return "", fmt.Errorf("providerd is not next to this program nor on PATH: run `make build` and use build/rampart, or pass --bin-dir")
		}
		dir = filepath.Dir(path)
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if missing := hasDaemons(dir); missing != "" {
		return "", fmt.Errorf("%s is missing from %s: run `make build` (it builds into build/) or pass --bin-dir", missing, dir)
	}
	return dir, nil
}

// hasDaemons returns the first daemon missing from dir, or "".
func hasDaemons(dir string) string {
	for _, d := range daemons {
		info, err := os.Stat(filepath.Join(dir, d))
		if err != nil || info.IsDir() || info.Mode()&0o111 == 0 {
			return d
		}
	}
	return ""
}

// progress prints one progress line.
func (o *Options) progress(format string, args ...any) {
	fmt.Fprintf(o.Out, format+"\n", args...)
}
