// Command rampart is Rampart's operator tool: a CCV relayer and a local
// network of real provider and consumer nodes.
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := newRootCmd().Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "Error:", err)
		os.Exit(1)
	}
}
