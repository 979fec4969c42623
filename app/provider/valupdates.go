package provider

import (
	"encoding/json"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	abci "github.com/cometbft/cometbft/abci/types"
)

// On a provider, CometBFT's validator set is the provider module's: the first
// max_provider_consensus_validators bonded validators, which may be fewer than
// x/staking's max_validators (the rest are bonded and may validate consumers,
// but do not sign provider blocks). The module manager accepts validator
// updates from one module only and errors when a second one returns any, so
// the updates that x/staking computes in EndBlock and InitGenesis (by the
// wrapper the democracy consumer uses too, x/democracy/staking), and those
// x/genutil returns when it delivers gentxs at genesis, are dropped. The
// state they leave behind (bonded set, last powers) is kept: the provider
// module reads it.

// genutilNoValUpdates is x/genutil's AppModule without validator updates.
type genutilNoValUpdates struct {
	module.GenesisOnlyAppModule
}

// InitGenesis delivers the gentxs and drops the validator updates.
func (m genutilNoValUpdates) InitGenesis(ctx sdk.Context, cdc codec.JSONCodec, data json.RawMessage) []abci.ValidatorUpdate {
	_ = m.GenesisOnlyAppModule.InitGenesis(ctx, cdc, data)
	return nil
}
