// Command providerd runs a Rampart provider chain node and is its CLI.
package main

import (
	"fmt"
	"os"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"

	providerapp "github.com/rampart-ics/rampart/app/provider"
)

func main() {
	if err := svrcmd.Execute(NewRootCmd(), "PROVIDERD", providerapp.DefaultNodeHome); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
