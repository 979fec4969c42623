// Package localnet runs a local network of real processes: a provider
// chain of N validators and M consumer chains, every validator running a
// node on every chain with the same consensus key, plus the relayer.
//
// Up does what an operator would, with the daemons' own CLI:
//
//  1. provider: `providerd init` per validator, keys in one test keyring,
//     funded accounts, one gentx per validator, collect-gentxs, config
//     files (loopback ports, peers, 1 s blocks), start, wait for blocks;
//  2. per consumer: MsgCreateConsumer (`tx provider create-consumer`),
//     MsgOptIn from every validator (`tx provider opt-in`), then
//     MsgUpdateConsumer with a spawn time a few seconds away, wait for
//     LAUNCHED, read the
//     `consumer-genesis`, `consumerd init` per validator with the
//     validator's provider consensus key, the genesis under
//     app_state.ccvconsumer, start, wait for blocks;
//  3. the relayer (`rampart relay`) with one CCV path per consumer, and a
//     wait until each consumer has received its first VSC packet.
//
// Everything lives under one home directory; network.json records the
// layout and the pids, so Status and Down work from later commands. Down
// stops each process by pid (checking its command line first, since pids
// are reused) and keeps or removes the data; Up on a stopped network
// resumes it, and refuses to start over a running one.
//
// Ports are allocated upwards from a base, skipping any port something
// already listens on. Processes run in their own sessions so they outlive
// the command that started them; tests set DieWithParent so none outlives
// the test.
package localnet
