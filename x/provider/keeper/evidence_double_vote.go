package keeper

import (
	"bytes"
	"encoding/binary"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/cometbft/cometbft/crypto"
	cryptoenc "github.com/cometbft/cometbft/crypto/encoding"
	"github.com/cometbft/cometbft/crypto/tmhash"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// DoubleVote is verified double-vote evidence: who equivocated, where, and
// the key the offence is remembered by.
type DoubleVote struct {
	ConsumerAddr sdk.ConsAddress
	Height       int64
	// Key names the offence (validator, height, round, step), so that the
	// same offence is punished once however its evidence is re-encoded:
	// votes swapped, or the fields nobody signed changed.
	Key []byte
}

// HandleConsumerDoubleVoting verifies that a consumer validator signed two
// different votes at one height, round and step, and punishes its provider
// validator with the consumer's double-sign parameters.
func (k *Keeper) HandleConsumerDoubleVoting(ctx sdk.Context, msg *types.MsgSubmitConsumerDoubleVoting) (PunishResult, error) {
	if err := msg.ValidateBasic(); err != nil {
		return PunishResult{}, err
	}
	consumerID := msg.ConsumerId
	if _, err := k.requireEvidenceClient(ctx, consumerID); err != nil {
		return PunishResult{}, err
	}
	chainID, err := k.GetConsumerChainID(ctx, consumerID)
	if err != nil {
		return PunishResult{}, err
	}
	dv, err := VerifyDoubleVoteEvidence(chainID, msg)
	if err != nil {
		return PunishResult{}, err
	}
	if err := k.requireMinEvidenceHeight(ctx, consumerID, uint64(dv.Height)); err != nil {
		return PunishResult{}, err
	}
	if err := k.requireNotHandled(ctx, consumerID, dv.Key); err != nil {
		return PunishResult{}, err
	}
	params, err := k.equivocationParams(ctx, consumerID)
	if err != nil {
		return PunishResult{}, err
	}
	res, err := k.punishEquivocation(ctx, consumerID, dv.ConsumerAddr, exttypes.INFRACTION_KIND_DOUBLE_VOTE, params)
	if err != nil {
		return PunishResult{}, err
	}
	if !res.Punished {
		return PunishResult{}, errorsmod.Wrapf(types.ErrNoValidatorToPunish,
			"the validator behind consumer address %s is tombstoned or unbonded: it already answered for a double sign or has no stake left",
			dv.ConsumerAddr)
	}
	if err := k.markHandled(ctx, consumerID, dv.Key); err != nil {
		return PunishResult{}, err
	}
	emitEvent(ctx, EventSubmitConsumerDoubleVoting{
		ConsumerID: consumerID, ChainID: chainID, Submitter: msg.Submitter, Vote: dv, ProviderAddr: res.Record.ProviderAddress,
	})
	return res, nil
}

// VerifyDoubleVoteEvidence checks, as CometBFT checks duplicate-vote
// evidence but without reading state, that the message proves a double
// vote on the chain chainID. The offender's public key comes from the
// infraction header's validator set; that set is not authenticated, which
// is fine: the key must hash to the votes' address and verify both
// signatures.
func VerifyDoubleVoteEvidence(chainID string, msg *types.MsgSubmitConsumerDoubleVoting) (DoubleVote, error) {
	if msg == nil {
		return DoubleVote{}, errorsmod.Wrap(types.ErrInvalidEvidence, "no evidence")
	}
	a, b, err := types.DecodeDuplicateVotes(msg.DuplicateVoteEvidence)
	if err != nil {
		return DoubleVote{}, err
	}
	if msg.InfractionBlockHeader == nil {
		return DoubleVote{}, errorsmod.Wrap(types.ErrInvalidEvidence, "infraction block header is required")
	}
	pubKey, err := offenderPubKey(msg.InfractionBlockHeader.ValidatorSet, a.ValidatorAddress)
	if err != nil {
		return DoubleVote{}, err
	}
	if err := verifyConflictingVotes(chainID, a, b, pubKey); err != nil {
		return DoubleVote{}, err
	}
	return DoubleVote{ConsumerAddr: sdk.ConsAddress(a.ValidatorAddress), Height: a.Height, Key: doubleVoteKey(a)}, nil
}

// verifyConflictingVotes holds the checks of CometBFT's duplicate-vote
// verification, each with its own error.
func verifyConflictingVotes(chainID string, a, b *cmttypes.Vote, pubKey crypto.PubKey) error {
	if a.Height != b.Height || a.Round != b.Round || a.Type != b.Type {
		return errorsmod.Wrapf(types.ErrVotesNotConflicting, "height/round/type differ: %d/%d/%s and %d/%d/%s",
			a.Height, a.Round, a.Type, b.Height, b.Round, b.Type)
	}
	if !bytes.Equal(a.ValidatorAddress, b.ValidatorAddress) {
		return errorsmod.Wrapf(types.ErrVotesNotConflicting, "votes of two validators: %X and %X", a.ValidatorAddress, b.ValidatorAddress)
	}
	if a.BlockID.Equals(b.BlockID) {
		return errorsmod.Wrapf(types.ErrVotesNotConflicting, "both votes are for block %v: not a double vote", a.BlockID)
	}
	for _, v := range []struct {
		name string
		vote *cmttypes.Vote
	}{{"vote A", a}, {"vote B", b}} {
		if !pubKey.VerifySignature(cmttypes.VoteSignBytes(chainID, v.vote.ToProto()), v.vote.Signature) {
			return errorsmod.Wrapf(types.ErrInvalidEvidenceSignature,
				"%s of %X is not signed by its validator for chain id %s (signed for another chain, or a bad signature)",
				v.name, v.vote.ValidatorAddress, chainID)
		}
	}
	return nil
}

// offenderPubKey finds the key of the validator with the given address in
// a header's validator set, and checks that the key hashes to it.
func offenderPubKey(vs *cmtproto.ValidatorSet, addr []byte) (crypto.PubKey, error) {
	if vs == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidEvidence, "infraction header has no validator set")
	}
	for _, v := range vs.Validators {
		if v == nil || !bytes.Equal(v.Address, addr) {
			continue
		}
		pk, err := cryptoenc.PubKeyFromProto(v.PubKey)
		if err != nil {
			return nil, errorsmod.Wrapf(types.ErrInvalidEvidence, "public key of %X: %s", addr, err)
		}
		if !bytes.Equal(pk.Address(), addr) {
			return nil, errorsmod.Wrapf(types.ErrInvalidEvidence, "public key in the validator set does not hash to address %X", addr)
		}
		return pk, nil
	}
	return nil, errorsmod.Wrapf(types.ErrOffenderNotInValidatorSet, "validator %X", addr)
}

// doubleVoteKey is the hash of "double_vote" | address | height | round |
// type.
func doubleVoteKey(v *cmttypes.Vote) []byte {
	buf := make([]byte, 0, 64)
	buf = append(buf, "double_vote"...)
	buf = append(buf, v.ValidatorAddress...)
	buf = binary.BigEndian.AppendUint64(buf, uint64(v.Height))
	buf = binary.BigEndian.AppendUint32(buf, uint32(v.Round))
	buf = append(buf, byte(v.Type))
	return tmhash.Sum(buf)
}
