package keeper

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	"github.com/cometbft/cometbft/crypto/tmhash"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// LightClientAttack is light-client misbehaviour checked against a
// consumer: two conflicting headers at one height, and the validators that
// signed both.
type LightClientAttack struct {
	ClientID string
	Height   int64
	// Key names the attack by its height and the two block hashes, in
	// order, so that it is punished once whichever header comes first and
	// whatever trusted heights the submitter chose.
	Key []byte
	// Byzantine are the consumer addresses that validly signed both
	// headers, in address order. Empty when the evidence looks like
	// amnesia.
	Byzantine []sdk.ConsAddress
	// Amnesia is set when the headers commit the same state transition in
	// different rounds: a validator may have signed both honestly
	// (unlocking on a later round), so nobody can be blamed.
	Amnesia bool
}

// HandleConsumerMisbehaviour verifies a light-client attack on a consumer
// with the consumer's light client, without freezing it, and punishes every
// validator that signed both conflicting headers.
func (k *Keeper) HandleConsumerMisbehaviour(ctx sdk.Context, msg *types.MsgSubmitConsumerMisbehaviour) ([]exttypes.Punishment, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	consumerID := msg.ConsumerId
	clientID, err := k.requireEvidenceClient(ctx, consumerID)
	if err != nil {
		return nil, err
	}
	chainID, err := k.GetConsumerChainID(ctx, consumerID)
	if err != nil {
		return nil, err
	}
	lca, err := CheckLightClientAttack(chainID, clientID, msg.Misbehaviour)
	if err != nil {
		return nil, err
	}
	if err := k.requireMinEvidenceHeight(ctx, consumerID, uint64(lca.Height)); err != nil {
		return nil, err
	}
	if err := k.requireNotHandled(ctx, consumerID, lca.Key); err != nil {
		return nil, err
	}
	if err := k.verifyWithLightClient(ctx, clientID, msg.Misbehaviour); err != nil {
		return nil, err
	}
	if lca.Amnesia {
		return nil, errorsmod.Wrap(types.ErrNoValidatorToPunish,
			"the headers commit the same state transition in different rounds, which looks like amnesia: "+
				"an honest validator may have signed both, so amnesia-looking evidence punishes no one")
	}
	punished, err := k.punishLightClientAttack(ctx, consumerID, lca)
	if err != nil {
		return nil, err
	}
	if err := k.markHandled(ctx, consumerID, lca.Key); err != nil {
		return nil, err
	}
	addrs := make([]string, len(punished))
	for i, p := range punished {
		addrs[i] = p.ProviderAddress
	}
	emitEvent(ctx, EventSubmitConsumerMisbehaviour{
		ConsumerID: consumerID, ChainID: chainID, Submitter: msg.Submitter, Attack: lca, Punished: addrs,
	})
	return punished, nil
}

// punishLightClientAttack punishes each Byzantine validator. One whose
// address maps to no provider validator any more is skipped so that the
// others still answer; it is an error only if nobody could be punished.
func (k *Keeper) punishLightClientAttack(ctx sdk.Context, consumerID string, lca LightClientAttack) ([]exttypes.Punishment, error) {
	if len(lca.Byzantine) == 0 {
		return nil, errorsmod.Wrap(types.ErrNoValidatorToPunish, "no validator validly signed both headers")
	}
	params, err := k.equivocationParams(ctx, consumerID)
	if err != nil {
		return nil, err
	}
	var punished []exttypes.Punishment
	for _, addr := range lca.Byzantine {
		res, err := k.punishEquivocation(ctx, consumerID, addr, exttypes.INFRACTION_KIND_LIGHT_CLIENT_ATTACK, params)
		if errors.Is(err, types.ErrUnknownConsumerValidator) {
			k.Logger(ctx).Info("light-client attack signer is no provider validator", "consumer_id", consumerID, "address", addr, "error", err)
			continue
		}
		if err != nil {
			return nil, err
		}
		if res.Punished {
			punished = append(punished, res.Record)
		}
	}
	if len(punished) == 0 {
		return nil, errorsmod.Wrapf(types.ErrNoValidatorToPunish,
			"the %d validators that signed both headers are tombstoned, unbonded or unknown", len(lca.Byzantine))
	}
	return punished, nil
}

// verifyWithLightClient asks the consumer's 07-tendermint client whether
// the headers conflict and whether each would have convinced it. Only the
// checks are run, not the state update, so the client is not frozen.
func (k *Keeper) verifyWithLightClient(ctx sdk.Context, clientID string, m *ibctm.Misbehaviour) error {
	if _, found := k.clientKeeper.GetClientState(ctx, clientID); !found {
		return errorsmod.Wrapf(types.ErrNoConsumerClient, "client %s not found", clientID)
	}
	module, err := k.clientKeeper.Route(ctx, clientID)
	if err != nil {
		return errorsmod.Wrapf(types.ErrInvalidMisbehaviour, "client %s: %s", clientID, err)
	}
	if err := module.VerifyClientMessage(ctx, clientID, m); err != nil {
		return errorsmod.Wrapf(types.ErrInvalidMisbehaviour, "the consumer's light client rejects the headers: %s", err)
	}
	if !module.CheckForMisbehaviour(ctx, clientID, m) {
		return errorsmod.Wrap(types.ErrInvalidMisbehaviour, "the consumer's light client sees no misbehaviour in the headers")
	}
	return nil
}

// CheckLightClientAttack checks, without reading state, that misbehaviour
// is a light-client attack on the consumer chain chainID whose client is
// clientID, and finds who signed both headers. The caller must have
// checked it with types.ValidateMisbehaviour.
func CheckLightClientAttack(chainID, clientID string, m *ibctm.Misbehaviour) (LightClientAttack, error) {
	if m.ClientId != clientID {
		return LightClientAttack{}, errorsmod.Wrapf(types.ErrInvalidMisbehaviour,
			"misbehaviour is for client %s, the consumer's client is %s", m.ClientId, clientID)
	}
	h1, h2 := m.Header1.SignedHeader, m.Header2.SignedHeader
	for i, h := range []*cmtproto.SignedHeader{h1, h2} {
		if h.Header.ChainID != chainID {
			return LightClientAttack{}, errorsmod.Wrapf(types.ErrInvalidMisbehaviour,
				"header %d is for chain %s, the consumer's chain id is %s", i+1, h.Header.ChainID, chainID)
		}
	}
	if !m.Header1.GetHeight().EQ(m.Header2.GetHeight()) {
		return LightClientAttack{}, errorsmod.Wrapf(types.ErrInvalidMisbehaviour,
			"headers at heights %s and %s: only conflicting headers at one height are punished", m.Header1.GetHeight(), m.Header2.GetHeight())
	}
	lca := LightClientAttack{ClientID: clientID, Height: h1.Header.Height, Key: lightClientAttackKey(h1, h2)}
	if sameStateTransition(h1.Header, h2.Header) && h1.Commit.Round != h2.Commit.Round {
		lca.Amnesia = true
		return lca, nil
	}
	var err error
	lca.Byzantine, err = signersOfBoth(chainID, m.Header1, m.Header2)
	return lca, err
}

// sameStateTransition reports whether two headers agree on everything
// that follows from the previous state (CometBFT calls a header that does
// not a lunatic one).
func sameStateTransition(a, b *cmtproto.Header) bool {
	return bytes.Equal(a.ValidatorsHash, b.ValidatorsHash) &&
		bytes.Equal(a.NextValidatorsHash, b.NextValidatorsHash) &&
		bytes.Equal(a.ConsensusHash, b.ConsensusHash) &&
		bytes.Equal(a.AppHash, b.AppHash) &&
		bytes.Equal(a.LastResultsHash, b.LastResultsHash)
}

// signersOfBoth returns, in address order, the validators whose commit
// signatures on both headers verify.
func signersOfBoth(chainID string, a, b *ibctm.Header) ([]sdk.ConsAddress, error) {
	signedA, err := validCommitSigners(chainID, a)
	if err != nil {
		return nil, err
	}
	signedB, err := validCommitSigners(chainID, b)
	if err != nil {
		return nil, err
	}
	var both []sdk.ConsAddress
	for _, addr := range signedA {
		for _, other := range signedB {
			if bytes.Equal(addr, other) {
				both = append(both, addr)
				break
			}
		}
	}
	return both, nil
}

// validCommitSigners returns, in address order, the validators of a
// header's set whose precommit for the header's block verifies. The light
// client stops checking signatures once it has enough power, so each is
// checked here.
func validCommitSigners(chainID string, h *ibctm.Header) ([]sdk.ConsAddress, error) {
	commit, err := cmttypes.CommitFromProto(h.Commit)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidMisbehaviour, "commit: %s", err)
	}
	vals, err := cmttypes.ValidatorSetFromProto(h.ValidatorSet)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidMisbehaviour, "validator set: %s", err)
	}
	if len(commit.Signatures) != vals.Size() {
		return nil, errorsmod.Wrapf(types.ErrInvalidMisbehaviour, "commit has %d signatures for %d validators",
			len(commit.Signatures), vals.Size())
	}
	var signers []sdk.ConsAddress
	for idx, sig := range commit.Signatures {
		val := vals.Validators[idx]
		if sig.BlockIDFlag != cmttypes.BlockIDFlagCommit || !bytes.Equal(val.Address, sig.ValidatorAddress) {
			continue
		}
		if val.PubKey.VerifySignature(commit.VoteSignBytes(chainID, int32(idx)), sig.Signature) {
			signers = append(signers, sdk.ConsAddress(val.Address))
		}
	}
	slices.SortFunc(signers, func(x, y sdk.ConsAddress) int { return bytes.Compare(x, y) })
	return signers, nil
}

// lightClientAttackKey is the hash of "light_client_attack" | height |
// lower block hash | higher block hash.
func lightClientAttackKey(a, b *cmtproto.SignedHeader) []byte {
	ha, hb := a.Commit.BlockID.Hash, b.Commit.BlockID.Hash
	if bytes.Compare(ha, hb) > 0 {
		ha, hb = hb, ha
	}
	buf := make([]byte, 0, 96)
	buf = append(buf, "light_client_attack"...)
	buf = binary.BigEndian.AppendUint64(buf, uint64(a.Header.Height))
	buf = append(buf, ha...)
	buf = append(buf, hb...)
	return tmhash.Sum(buf)
}
