// Command consumerd runs a Rampart consumer chain node and is its CLI.
package main

import (
	"fmt"
	"os"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"

	consumerapp "github.com/rampart-ics/rampart/app/consumer"
)

func main() {
	setBech32Prefixes()
	if err := svrcmd.Execute(NewRootCmd(), "CONSUMERD", consumerapp.DefaultNodeHome); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
