package base

import (
	"os"
	"path/filepath"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
)

// NodeHome returns dir (".providerd", say) under the user's home directory,
// or under the working directory when the home directory is unknown.
func NodeHome(dir string) string {
	home, err := os.UserHomeDir()
	if err != nil {
		home = "."
	}
	return filepath.Join(home, dir)
}

// Config is what New needs to know about a chain.
type Config struct {
	// Name is the name the chain's BaseApp reports.
	Name string
	// StoreKeys names every KV store the chain mounts.
	StoreKeys []string
	// MaccPerms lists the module accounts and their permissions.
	MaccPerms map[string][]string
	// Receivers are the module accounts that may receive funds by plain
	// sends; x/bank refuses to send to the others.
	Receivers []string
}

// CopyMaccPerms returns a deep copy of the module account permissions.
func (c Config) CopyMaccPerms() map[string][]string {
	perms := make(map[string][]string, len(c.MaccPerms))
	for name, p := range c.MaccPerms {
		perms[name] = append([]string(nil), p...)
	}
	return perms
}

// BlockedAddrs returns the addresses of the module accounts that may not
// receive funds by plain sends: all but the Receivers.
func (c Config) BlockedAddrs() map[string]bool {
	blocked := make(map[string]bool, len(c.MaccPerms))
	for name := range c.MaccPerms {
		blocked[authtypes.NewModuleAddress(name).String()] = true
	}
	for _, name := range c.Receivers {
		delete(blocked, authtypes.NewModuleAddress(name).String())
	}
	return blocked
}
