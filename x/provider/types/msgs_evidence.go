package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	"github.com/cometbft/cometbft/crypto/tmhash"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
)

var (
	_ sdk.Msg = (*MsgSubmitConsumerDoubleVoting)(nil)
	_ sdk.Msg = (*MsgSubmitConsumerMisbehaviour)(nil)

	_ sdk.HasValidateBasic = (*MsgSubmitConsumerDoubleVoting)(nil)
	_ sdk.HasValidateBasic = (*MsgSubmitConsumerMisbehaviour)(nil)
)

// ValidateBasic checks that double-vote evidence is complete and well
// formed. Whether it proves anything is for the keeper to decide.
func (msg MsgSubmitConsumerDoubleVoting) ValidateBasic() error {
	if msg.Submitter == "" {
		return errorsmod.Wrap(ErrInvalidAddress, "submitter is empty")
	}
	if err := ccv.ValidateConsumerID(msg.ConsumerId); err != nil {
		return errorsmod.Wrap(ErrInvalidConsumerID, err.Error())
	}
	if _, _, err := DecodeDuplicateVotes(msg.DuplicateVoteEvidence); err != nil {
		return err
	}
	h := msg.InfractionBlockHeader
	if h == nil || h.ValidatorSet == nil || len(h.ValidatorSet.Validators) == 0 {
		return errorsmod.Wrap(ErrInvalidEvidence, "infraction block header with its validator set is required")
	}
	return nil
}

// DecodeDuplicateVotes turns the two votes of double-vote evidence into
// CometBFT votes and checks each on its own. Unlike CometBFT's own decoder
// it does not insist on the votes' order, and it leaves the comparison of
// the two votes to the verifier, which explains what is wrong.
func DecodeDuplicateVotes(ev *cmtproto.DuplicateVoteEvidence) (voteA, voteB *cmttypes.Vote, err error) {
	if ev == nil {
		return nil, nil, errorsmod.Wrap(ErrInvalidEvidence, "duplicate vote evidence is required")
	}
	if voteA, err = decodeVote(ev.VoteA, "vote A"); err != nil {
		return nil, nil, err
	}
	if voteB, err = decodeVote(ev.VoteB, "vote B"); err != nil {
		return nil, nil, err
	}
	return voteA, voteB, nil
}

func decodeVote(pv *cmtproto.Vote, name string) (*cmttypes.Vote, error) {
	if pv == nil {
		return nil, errorsmod.Wrapf(ErrInvalidEvidence, "%s is missing", name)
	}
	v, err := cmttypes.VoteFromProto(pv)
	if err != nil {
		return nil, errorsmod.Wrapf(ErrInvalidEvidence, "%s: %s", name, err)
	}
	if err := v.ValidateBasic(); err != nil {
		return nil, errorsmod.Wrapf(ErrInvalidEvidence, "%s: %s", name, err)
	}
	return v, nil
}

// ValidateBasic checks that light-client misbehaviour is complete and well
// formed, as the 07-tendermint client requires before verifying it.
func (msg MsgSubmitConsumerMisbehaviour) ValidateBasic() error {
	if msg.Submitter == "" {
		return errorsmod.Wrap(ErrInvalidAddress, "submitter is empty")
	}
	if err := ccv.ValidateConsumerID(msg.ConsumerId); err != nil {
		return errorsmod.Wrap(ErrInvalidConsumerID, err.Error())
	}
	return ValidateMisbehaviour(msg.Misbehaviour)
}

// ValidateMisbehaviour checks misbehaviour without reading state. The
// light client's own check dereferences the headers, so their presence is
// checked first.
func ValidateMisbehaviour(m *ibctm.Misbehaviour) error {
	if m == nil {
		return errorsmod.Wrap(ErrInvalidMisbehaviour, "misbehaviour is required")
	}
	for i, h := range []*ibctm.Header{m.Header1, m.Header2} {
		if h == nil || h.SignedHeader == nil || h.SignedHeader.Header == nil || h.SignedHeader.Commit == nil {
			return errorsmod.Wrapf(ErrInvalidMisbehaviour, "header %d with its signed header and commit is required", i+1)
		}
	}
	if err := m.ValidateBasic(); err != nil {
		return errorsmod.Wrap(ErrInvalidMisbehaviour, err.Error())
	}
	return nil
}

// validateHandledEvidence checks the handled-evidence keys of a consumer's
// genesis: each is a hash, and none is listed twice.
func validateHandledEvidence(hashes [][]byte) error {
	seen := make(map[string]bool, len(hashes))
	for _, h := range hashes {
		if len(h) != tmhash.Size {
			return fmt.Errorf("handled evidence hash %X: expected %d bytes, got %d", h, tmhash.Size, len(h))
		}
		if seen[string(h)] {
			return fmt.Errorf("handled evidence hash %X is listed twice", h)
		}
		seen[string(h)] = true
	}
	return nil
}
