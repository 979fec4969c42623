package governance

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	consumerkeeper "github.com/rampart-ics/rampart/x/consumer/keeper"
	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
)

// maxNestingDepth bounds how deep ProposalGate looks into messages that
// carry messages; deeper nesting is refused.
const maxNestingDepth = 8

// ProposalGate refuses, when the tx is checked, a consumer MsgUpdateParams
// that changes a provider-controlled parameter, also inside a proposal
// (MsgSubmitProposal) or authz's MsgExec: the submitter learns at once what
// would fail at execution.
type ProposalGate struct {
	keeper *consumerkeeper.Keeper
}

// NewProposalGate returns the gate; pass the consumer keeper.
func NewProposalGate(k *consumerkeeper.Keeper) ProposalGate { return ProposalGate{keeper: k} }

// AnteHandle implements sdk.AnteDecorator.
func (g ProposalGate) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	if err := g.check(ctx, tx.GetMsgs(), 0); err != nil {
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

func (g ProposalGate) check(ctx sdk.Context, msgs []sdk.Msg, depth int) error {
	if depth > maxNestingDepth {
		return errorsmod.Wrapf(sdkerrors.ErrInvalidRequest, "messages nested more than %d deep are not checked, so refused", maxNestingDepth)
	}
	for _, msg := range msgs {
		var (
			inner []sdk.Msg
			err   error
		)
		switch m := msg.(type) {
		case *consumertypes.MsgUpdateParams:
			if err := checkMsg(ctx, g.keeper, m); err != nil {
				return err
			}
		case messagesCarrier:
			inner, err = m.GetMessages()
		case msgsCarrier:
			inner, err = m.GetMsgs()
		}
		if err != nil {
			return errorsmod.Wrapf(sdkerrors.ErrInvalidRequest, "cannot read the messages inside %s: %s", sdk.MsgTypeURL(msg), err)
		}
		if err := g.check(ctx, inner, depth+1); err != nil {
			return err
		}
	}
	return nil
}
