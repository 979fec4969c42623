package localnet

import "time"

// Bridge for the localnet_test package.

type TOMLEdits = tomlEdits

var EditTOML = editTOML

// TakePort allocates one port from base upwards.
func TakePort(base int) (int, error) { return newPortAllocator(base).take() }

// StartProcess and StopProcess expose a Process's lifecycle.
func StartProcess(p *Process) error { return p.start(true) }
func StopProcess(p *Process) error  { return p.stop(5 * time.Second) }

// SaveNetwork writes a network's state file.
func SaveNetwork(n *Network) error { return n.save() }

var (
	ParseStatusBytes = parseStatusBytes
	FormatMiB        = formatMiB
)

var EpochEnd = epochEnd
