package staking

import (
	"context"
	"encoding/json"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/staking"

	abci "github.com/cometbft/cometbft/abci/types"
)

// AppModule is x/staking's AppModule without validator updates.
type AppModule struct {
	staking.AppModule
}

// NewAppModule wraps x/staking's AppModule.
func NewAppModule(m staking.AppModule) AppModule { return AppModule{AppModule: m} }

// InitGenesis runs x/staking's InitGenesis, which bonds the genesis
// representatives, and drops the validator updates it returns.
func (m AppModule) InitGenesis(ctx sdk.Context, cdc codec.JSONCodec, data json.RawMessage) []abci.ValidatorUpdate {
	_ = m.AppModule.InitGenesis(ctx, cdc, data)
	return nil
}

// EndBlock runs x/staking's EndBlock (bonding changes, matured unbondings)
// and drops the validator updates it returns.
func (m AppModule) EndBlock(ctx context.Context) ([]abci.ValidatorUpdate, error) {
	_, err := m.AppModule.EndBlock(ctx)
	return nil, err
}
