// Command democracyd runs a Rampart democracy consumer chain node (a
// consumer with its own token, governance and fee distribution) and is its
// CLI.
package main

import (
	"fmt"
	"os"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"

	democracyapp "github.com/rampart-ics/rampart/app/democracy"
	"github.com/rampart-ics/rampart/cmd/internal/daemon"
)

// Bech32Prefix is the democracy consumer's account address prefix; a chain
// built from this template sets its own.
const Bech32Prefix = "democracy"

func main() {
	daemon.SetBech32Prefixes(Bech32Prefix)
	if err := svrcmd.Execute(NewRootCmd(), "DEMOCRACYD", democracyapp.DefaultNodeHome); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
