package localnet

import (
	"fmt"
	"net"
	"strconv"
)

// DefaultBasePort is where port allocation starts: below Linux's
// ephemeral range (32768+), away from the daemons' defaults (26656/7, 9090).
const DefaultBasePort = 27100

// portAllocator hands out loopback ports upwards from a base, skipping
// any port something already listens on.
type portAllocator struct {
	next int
}

func newPortAllocator(base int) *portAllocator { return &portAllocator{next: base} }

// take returns the next free port.
func (a *portAllocator) take() (int, error) {
	for ; a.next < 65535; a.next++ {
		if portFree(a.next) {
			a.next++
			return a.next - 1, nil
		}
	}
	return 0, fmt.Errorf("no free loopback port left")
}

// node returns a node's three ports.
func (a *portAllocator) node() (Ports, error) {
	var p Ports
	var err error
	for _, dst := range []*int{&p.RPC, &p.P2P, &p.GRPC} {
		if *dst, err = a.take(); err != nil {
			return Ports{}, err
		}
	}
	return p, nil
}

// portFree reports whether a TCP listener can bind 127.0.0.1:port.
func portFree(port int) bool {
	l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return false
	}
	_ = l.Close()
	return true
}

// checkPortsFree fails with the first port of nodes that is in use.
func checkPortsFree(nodes []Node) error {
	for _, n := range nodes {
		for _, p := range []struct {
			what string
			port int
		}{{"rpc", n.Ports.RPC}, {"p2p", n.Ports.P2P}, {"grpc", n.Ports.GRPC}} {
			if !portFree(p.port) {
				return fmt.Errorf("port %d (%s %s) is in use by another program", p.port, n.Name, p.what)
			}
		}
	}
	return nil
}
