package base

import (
	"os"
	"path/filepath"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"
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

// commonStoreKeys are the KV stores of the keepers App builds.
var commonStoreKeys = []string{
	authtypes.StoreKey, banktypes.StoreKey, upgradetypes.StoreKey, consensustypes.StoreKey,
	slashingtypes.StoreKey, evidencetypes.StoreKey, ibcexported.StoreKey, ibctransfertypes.StoreKey,
}

// commonModuleAccounts are the module accounts every chain has: the fee
// collector, and ICS-20's, which mints and burns vouchers.
var commonModuleAccounts = map[string][]string{
	authtypes.FeeCollectorName:  nil,
	ibctransfertypes.ModuleName: {authtypes.Minter, authtypes.Burner},
}

// Config is what New needs to know about a chain beyond what App has.
type Config struct {
	// Name is the name the chain's BaseApp reports.
	Name string
	// StoreKeys names the chain's own KV stores; New mounts them with those
	// of the keepers App holds.
	StoreKeys []string
	// ModuleAccounts lists the chain's own module accounts and their
	// permissions; every chain also has the fee collector and transfer's.
	ModuleAccounts map[string][]string
	// Receivers are the module accounts that may receive funds by plain
	// sends; x/bank refuses to send to the others.
	Receivers []string
}

// allStoreKeys returns the names of every KV store the chain mounts.
func (c Config) allStoreKeys() []string {
	return append(append([]string(nil), commonStoreKeys...), c.StoreKeys...)
}

// MaccPerms returns (a copy of) every module account of the chain with its
// permissions.
func (c Config) MaccPerms() map[string][]string {
	perms := make(map[string][]string, len(commonModuleAccounts)+len(c.ModuleAccounts))
	for _, accounts := range []map[string][]string{commonModuleAccounts, c.ModuleAccounts} {
		for name, p := range accounts {
			perms[name] = append([]string(nil), p...)
		}
	}
	return perms
}

// BlockedAddrs returns the addresses of the module accounts that may not
// receive funds by plain sends: all but the Receivers.
func (c Config) BlockedAddrs() map[string]bool {
	blocked := make(map[string]bool)
	for name := range c.MaccPerms() {
		blocked[authtypes.NewModuleAddress(name).String()] = true
	}
	for _, name := range c.Receivers {
		delete(blocked, authtypes.NewModuleAddress(name).String())
	}
	return blocked
}
