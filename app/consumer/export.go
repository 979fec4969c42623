package consumer

import (
	"encoding/json"
	"fmt"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"

	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
)

// ExportAppStateAndValidators exports the application state as a genesis
// file. A consumer has no staking state to reset, so forZeroHeight only sets
// the exported height to zero, and jailAllowedAddrs is ignored: the
// validator set is the provider's.
func (app *ConsumerApp) ExportAppStateAndValidators(
	forZeroHeight bool, _, modulesToExport []string,
) (servertypes.ExportedApp, error) {
	ctx := app.NewContextLegacy(true, cmtproto.Header{Height: app.LastBlockHeight()})

	height := app.LastBlockHeight() + 1
	if forZeroHeight {
		height = 0
	}
	genState, err := app.ModuleManager.ExportGenesisForModules(ctx, app.appCodec, modulesToExport)
	if err != nil {
		return servertypes.ExportedApp{}, fmt.Errorf("exporting genesis: %w", err)
	}
	appState, err := json.MarshalIndent(genState, "", "  ")
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	validators, err := app.exportValidators(ctx)
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

// exportValidators returns the CCV validator set CometBFT runs now.
func (app *ConsumerApp) exportValidators(ctx sdk.Context) ([]cmttypes.GenesisValidator, error) {
	var vals []cmttypes.GenesisValidator
	err := app.ConsumerKeeper.CrossChainValidators.Walk(ctx, nil,
		func(_ []byte, v consumertypes.CrossChainValidator) (bool, error) {
			pk, err := v.ConsPubKey()
			if err != nil {
				return true, err
			}
			cmtPk, err := cryptocodec.ToCmtPubKeyInterface(pk)
			if err != nil {
				return true, err
			}
			vals = append(vals, cmttypes.GenesisValidator{Address: cmtPk.Address(), PubKey: cmtPk, Power: v.Power})
			return false, nil
		})
	return vals, err
}
