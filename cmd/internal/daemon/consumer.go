package daemon

import (
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	genutilcli "github.com/cosmos/cosmos-sdk/x/genutil/client/cli"
)

// SetBech32Prefixes installs a chain's prefixes in the SDK's global config,
// the validator and consensus ones derived from prefix as in the SDK
// ("<prefix>valoper", "<prefix>valcons", ...), and seals it. It must run
// before any app or codec is built.
func SetBech32Prefixes(prefix string) {
	cfg := sdk.GetConfig()
	cfg.SetBech32PrefixForAccount(prefix, prefix+sdk.PrefixPublic)
	cfg.SetBech32PrefixForValidator(prefix+sdk.PrefixValidator+sdk.PrefixOperator,
		prefix+sdk.PrefixValidator+sdk.PrefixOperator+sdk.PrefixPublic)
	cfg.SetBech32PrefixForConsensusNode(prefix+sdk.PrefixValidator+sdk.PrefixConsensus,
		prefix+sdk.PrefixValidator+sdk.PrefixConsensus+sdk.PrefixPublic)
	cfg.Seal()
}

// ConsumerGenesisCmd is the genesis command of a consumer chain: accounts
// and validation. There are no gentxs: the validator set comes from the
// provider's consumer genesis.
func ConsumerGenesisCmd(txConfig client.TxConfig, basics module.BasicManager, home string) *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "genesis",
		Short:                      "Genesis subcommands (accounts, validation)",
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	addrCodec := txConfig.SigningContext().AddressCodec()
	cmd.AddCommand(
		genutilcli.AddGenesisAccountCmd(home, addrCodec),
		genutilcli.AddBulkGenesisAccountCmd(home, addrCodec),
		genutilcli.ValidateGenesisCmd(basics),
	)
	return cmd
}
