package consumer

import (
	"errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
	"github.com/cosmos/cosmos-sdk/x/auth/posthandler"

	ibcante "github.com/cosmos/ibc-go/v11/modules/core/ante"
	ibckeeper "github.com/cosmos/ibc-go/v11/modules/core/keeper"

	consumerante "github.com/rampart-ics/rampart/x/consumer/ante"
)

// HandlerOptions are what the consumer's ante handler needs.
type HandlerOptions struct {
	ante.HandlerOptions
	IBCKeeper *ibckeeper.Keeper
	// ConsumerKeeper tells whether the CCV channel is established.
	ConsumerKeeper consumerante.ChannelEstablishedChecker
}

// NewAnteHandler returns the SDK's standard ante chain with two additions:
// until the CCV channel is established only IBC core messages are accepted
// (the chain has no provider-backed security before that, and relayers need
// those messages to finish the handshake), and IBC's redundant-relay filter
// rejects txs whose every packet message is already handled.
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
	case opts.ConsumerKeeper == nil:
		return nil, errors.New("consumer keeper is required for the ante handler")
	}
	return sdk.ChainAnteDecorators(
		ante.NewSetUpContextDecorator(), // first: sets the gas meter
		ante.NewExtensionOptionsDecorator(opts.ExtensionOptionChecker),
		consumerante.NewIBCOnlyUntilEstablishedDecorator(opts.ConsumerKeeper),
		// Validators are punished, and unjail, on the provider.
		consumerante.NewDisabledMsgsDecorator(),
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
	), nil
}

func (app *ConsumerApp) setAnteHandler() {
	anteHandler, err := NewAnteHandler(HandlerOptions{
		HandlerOptions: ante.HandlerOptions{
			AccountKeeper:   app.AccountKeeper,
			BankKeeper:      app.BankKeeper,
			SignModeHandler: app.txConfig.SignModeHandler(),
			SigGasConsumer:  ante.DefaultSigVerificationGasConsumer,
		},
		IBCKeeper:      app.IBCKeeper,
		ConsumerKeeper: app.ConsumerKeeper,
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
