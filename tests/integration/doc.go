// Package integration runs the CCV protocol end to end in process: one
// provider and two consumer chains built from the real apps, with ibc-go's
// testing package as the network and the test as the relayer.
package integration
