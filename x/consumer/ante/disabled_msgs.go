package ante

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"

	"github.com/rampart-ics/rampart/x/consumer/types"
)

// maxNestingDepth bounds how deep the decorator looks into messages that
// carry messages (authz MsgExec, proposals); deeper nesting is refused.
const maxNestingDepth = 8

// disabledMsgs maps the type URL of each refused message to the reason
// given to the sender.
var disabledMsgs = map[string]string{
	sdk.MsgTypeURL(&slashingtypes.MsgUnjail{}): "validators of a consumer chain are jailed and unjailed " +
		"on the provider chain: send MsgUnjail there",
	sdk.MsgTypeURL(&evidencetypes.MsgSubmitEvidence{}): "misbehaviour on a consumer chain is punished on the " +
		"provider chain: submit it there (MsgSubmitConsumerDoubleVoting, MsgSubmitConsumerMisbehaviour)",
}

// DisabledMsgsDecorator refuses the messages that make no sense on a
// consumer chain, whose validators are punished on the provider: x/slashing's
// MsgUnjail and x/evidence's MsgSubmitEvidence, also when wrapped in another
// message such as authz's MsgExec.
type DisabledMsgsDecorator struct{}

// NewDisabledMsgsDecorator returns the decorator.
func NewDisabledMsgsDecorator() DisabledMsgsDecorator {
	return DisabledMsgsDecorator{}
}

// AnteHandle implements sdk.AnteDecorator.
func (DisabledMsgsDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	if err := checkMsgs(tx.GetMsgs(), 0); err != nil {
		return ctx, err
	}
	return next(ctx, tx, simulate)
}

// Messages that carry other messages: authz's MsgExec has GetMessages, gov
// and group proposals have GetMsgs.
type (
	messagesCarrier interface{ GetMessages() ([]sdk.Msg, error) }
	msgsCarrier     interface{ GetMsgs() ([]sdk.Msg, error) }
)

func checkMsgs(msgs []sdk.Msg, depth int) error {
	if depth > maxNestingDepth {
		return errorsmod.Wrapf(types.ErrMsgDisabled, "messages nested more than %d deep", maxNestingDepth)
	}
	for _, msg := range msgs {
		typeURL := sdk.MsgTypeURL(msg)
		if reason, disabled := disabledMsgs[typeURL]; disabled {
			return errorsmod.Wrapf(types.ErrMsgDisabled, "%s: %s", typeURL, reason)
		}
		inner, err := innerMsgs(msg)
		if err != nil {
			return errorsmod.Wrapf(types.ErrMsgDisabled, "cannot read the messages inside %s: %s", typeURL, err)
		}
		if err := checkMsgs(inner, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func innerMsgs(msg sdk.Msg) ([]sdk.Msg, error) {
	switch m := msg.(type) {
	case messagesCarrier:
		return m.GetMessages()
	case msgsCarrier:
		return m.GetMsgs()
	default:
		return nil, nil
	}
}
