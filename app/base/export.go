package base

import (
	"encoding/json"
	"fmt"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
)

// ExportHooks are what differs between chains when they export genesis.
type ExportHooks struct {
	// PrepForZeroHeight, when not nil, readies the state for a chain that
	// restarts at height zero; it runs only for a zero-height export.
	PrepForZeroHeight func(ctx sdk.Context) error
	// Validators returns the validator set CometBFT runs now.
	Validators func(ctx sdk.Context) ([]cmttypes.GenesisValidator, error)
}

// ExportGenesis exports the application state as a genesis file, at the
// last committed height: modulesToExport, or every module when empty, in
// the export order, and the validators hooks.Validators returns. With
// forZeroHeight the exported height is zero and hooks.PrepForZeroHeight
// runs first.
func (app *App) ExportGenesis(
	forZeroHeight bool, modulesToExport []string, hooks ExportHooks,
) (servertypes.ExportedApp, error) {
	ctx := app.NewContextLegacy(true, cmtproto.Header{Height: app.LastBlockHeight()})

	height := app.LastBlockHeight() + 1
	if forZeroHeight {
		height = 0
		if hooks.PrepForZeroHeight != nil {
			if err := hooks.PrepForZeroHeight(ctx); err != nil {
				return servertypes.ExportedApp{}, fmt.Errorf("preparing zero-height export: %w", err)
			}
		}
	}

	genState, err := app.ModuleManager.ExportGenesisForModules(ctx, app.appCodec, modulesToExport)
	if err != nil {
		return servertypes.ExportedApp{}, fmt.Errorf("exporting genesis: %w", err)
	}
	appState, err := json.MarshalIndent(genState, "", "  ")
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	validators, err := hooks.Validators(ctx)
	if err != nil {
		return servertypes.ExportedApp{}, fmt.Errorf("exporting validators: %w", err)
	}
	return servertypes.ExportedApp{
		AppState:        appState,
		Validators:      validators,
		Height:          height,
		ConsensusParams: app.GetConsensusParams(ctx),
	}, nil
}

// GenesisValidator returns the genesis entry CometBFT expects for a
// validator with consensus key pk.
func GenesisValidator(pk cryptotypes.PubKey, power int64, name string) (cmttypes.GenesisValidator, error) {
	cmtPk, err := cryptocodec.ToCmtPubKeyInterface(pk)
	if err != nil {
		return cmttypes.GenesisValidator{}, err
	}
	return cmttypes.GenesisValidator{Address: cmtPk.Address(), PubKey: cmtPk, Power: power, Name: name}, nil
}
