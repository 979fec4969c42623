package base

import (
	"errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
	"github.com/cosmos/cosmos-sdk/x/auth/posthandler"

	ibcante "github.com/cosmos/ibc-go/v11/modules/core/ante"
	ibckeeper "github.com/cosmos/ibc-go/v11/modules/core/keeper"
)

// HandlerOptions are what a Rampart chain's ante handler needs.
type HandlerOptions struct {
	ante.HandlerOptions
	IBCKeeper *ibckeeper.Keeper
	// Gates are a chain's own decorators, which refuse txs the chain does
	// not accept at all. They run right after the extension-options check,
	// before the costlier fee and signature checks.
	Gates []sdk.AnteDecorator
}

// NewAnteHandler returns the SDK's standard ante chain with opts.Gates
// inserted after the extension-options check, followed by IBC's
// redundant-relay filter, which rejects txs whose every packet message is
// already handled.
func NewAnteHandler(opts HandlerOptions) (sdk.AnteHandler, error) {
	switch {
	case opts.AccountKeeper == nil:
		return nil, errors.New("account keeper is required for the ante handler")
	case opts.BankKeeper == nil:
		return nil, errors.New("bank keeper is required for the ante handler")
	case opts.SignModeHandler == nil:
		return nil, errors.New("sign mode handler is required for the ante handler")
	case opts.IBCKeeper == nil:
		return nil, errors.New("IBC keeper is required for the ante handler")
	}
	decorators := []sdk.AnteDecorator{
		ante.NewSetUpContextDecorator(), // first: sets the gas meter
		ante.NewExtensionOptionsDecorator(opts.ExtensionOptionChecker),
	}
	decorators = append(decorators, opts.Gates...)
	decorators = append(decorators,
		ante.NewValidateBasicDecorator(),
		ante.NewTxTimeoutHeightDecorator(),
		ante.NewValidateMemoDecorator(opts.AccountKeeper),
		ante.NewConsumeGasForTxSizeDecorator(opts.AccountKeeper),
		ante.NewDeductFeeDecorator(opts.AccountKeeper, opts.BankKeeper, opts.FeegrantKeeper, opts.TxFeeChecker),
		ante.NewSetPubKeyDecorator(opts.AccountKeeper), // before signature verification
		ante.NewValidateSigCountDecorator(opts.AccountKeeper),
		ante.NewSigGasConsumeDecorator(opts.AccountKeeper, opts.SigGasConsumer),
		ante.NewSigVerificationDecorator(opts.AccountKeeper, opts.SignModeHandler, opts.SigVerifyOptions...),
		ante.NewIncrementSequenceDecorator(opts.AccountKeeper),
		ibcante.NewRedundantRelayDecorator(opts.IBCKeeper),
	)
	return sdk.ChainAnteDecorators(decorators...), nil
}

// setAnteAndPostHandlers installs NewAnteHandler's chain, with gates, and
// the SDK's default (empty) post handler.
func (app *App) setAnteAndPostHandlers(gates []sdk.AnteDecorator) {
	anteHandler, err := NewAnteHandler(HandlerOptions{
		HandlerOptions: ante.HandlerOptions{
			AccountKeeper:   app.AccountKeeper,
			BankKeeper:      app.BankKeeper,
			SignModeHandler: app.txConfig.SignModeHandler(),
			SigGasConsumer:  ante.DefaultSigVerificationGasConsumer,
		},
		IBCKeeper: app.IBCKeeper,
		Gates:     gates,
	})
	if err != nil {
		panic(err)
	}
	app.SetAnteHandler(anteHandler)

	postHandler, err := posthandler.NewPostHandler(posthandler.HandlerOptions{})
	if err != nil {
		panic(err)
	}
	app.SetPostHandler(postHandler)
}
