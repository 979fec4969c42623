// Package types holds what the provider and consumer modules share: the CCV
// wire types (packet data, acknowledgements, handshake metadata), the ports and
// channel version, the consumer genesis state and parameters, and the errors
// that reach the wire in error acknowledgements.
//
// Packet data is proto3 JSON and must stay byte-compatible with the incumbent
// interchain-security implementation; wire_test.go pins the golden vectors.
package types
