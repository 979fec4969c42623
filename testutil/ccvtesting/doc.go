// Package ccvtesting builds in-process networks of one provider and several
// consumer chains on ibc-go's testing package: real apps, real light clients,
// real CCV channels, with the test as relayer.
package ccvtesting
