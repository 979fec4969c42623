// Package daemon holds what providerd and consumerd share: the root command
// (client context, app.toml and config.toml defaults), the server, keys,
// config, tx and query commands, and autocli.
package daemon
