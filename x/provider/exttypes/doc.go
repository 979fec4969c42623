// Package exttypes holds Rampart's own provider API (proto package
// rampart.provider.v1): records and queries that go beyond the incumbent's
// interchain_security.ccv.provider.v1, such as the punishment record. The
// incumbent's messages are never extended; new things live here.
package exttypes
