package ante

import (
	"strings"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/consumer/types"
)

// ibcCoreTypeURLPrefix starts the type URL of every IBC core message
// (client, connection and channel): what relayers need to finish the
// handshake and deliver the first VSC packet.
const ibcCoreTypeURLPrefix = "/ibc.core."

// ChannelEstablishedChecker reports whether the CCV channel is established;
// the consumer keeper implements it.
type ChannelEstablishedChecker interface {
	IsChannelEstablished(ctx sdk.Context) (bool, error)
}

// IBCOnlyUntilEstablishedDecorator rejects any transaction that carries a
// non-IBC message until the CCV channel is established. Until then the
// chain has no provider-backed security, so only relayers may act.
type IBCOnlyUntilEstablishedDecorator struct {
	checker ChannelEstablishedChecker
}

// NewIBCOnlyUntilEstablishedDecorator returns the decorator; pass the
// consumer keeper.
func NewIBCOnlyUntilEstablishedDecorator(checker ChannelEstablishedChecker) IBCOnlyUntilEstablishedDecorator {
	return IBCOnlyUntilEstablishedDecorator{checker: checker}
}

// AnteHandle implements sdk.AnteDecorator.
func (d IBCOnlyUntilEstablishedDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	established, err := d.checker.IsChannelEstablished(ctx)
	if err != nil {
		return ctx, err
	}
	if !established {
		for _, msg := range tx.GetMsgs() {
			if typeURL := sdk.MsgTypeURL(msg); !strings.HasPrefix(typeURL, ibcCoreTypeURLPrefix) {
				return ctx, errorsmod.Wrapf(types.ErrChannelNotEstablished,
					"only IBC core messages are accepted until the CCV channel is established; got %s", typeURL)
			}
		}
	}
	return next(ctx, tx, simulate)
}
