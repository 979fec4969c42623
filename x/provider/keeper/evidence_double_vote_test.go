package keeper_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	cmted25519 "github.com/cometbft/cometbft/crypto/ed25519"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

const consumerChainID = "consumer-1" // createConsumer's chain id

// consumerKey is the CometBFT key of fixture validator seed: validators run
// consumers with their provider keys unless they assign another.
func consumerPrivKey(seed byte) cmted25519.PrivKey {
	return cmted25519.GenPrivKeyFromSecret([]byte{seed})
}

// signedVote is a precommit by key for a block named by one byte.
func signedVote(t testing.TB, key cmted25519.PrivKey, chainID string, height int64, round int32, block byte) *cmtproto.Vote {
	t.Helper()
	v := cmttypes.Vote{
		Type:   cmtproto.PrecommitType,
		Height: height,
		Round:  round,
		BlockID: cmttypes.BlockID{
			Hash:          bytes.Repeat([]byte{block}, 32),
			PartSetHeader: cmttypes.PartSetHeader{Total: 1, Hash: bytes.Repeat([]byte{block + 1}, 32)},
		},
		Timestamp:        genesisTime,
		ValidatorAddress: key.PubKey().Address(),
	}
	pv := v.ToProto()
	sig, err := key.Sign(cmttypes.VoteSignBytes(chainID, pv))
	require.NoError(t, err)
	pv.Signature = sig
	return pv
}

// headerWithVals is an infraction header whose validator set holds keys.
func headerWithVals(t testing.TB, keys ...cmted25519.PrivKey) *ibctm.Header {
	t.Helper()
	var vals []*cmttypes.Validator
	for _, k := range keys {
		if _, v := cmttypes.NewValidatorSet(vals).GetByAddress(k.PubKey().Address()); v == nil {
			vals = append(vals, cmttypes.NewValidator(k.PubKey(), 10))
		}
	}
	set, err := cmttypes.NewValidatorSet(vals).ToProto()
	require.NoError(t, err)
	return &ibctm.Header{ValidatorSet: set}
}

// doubleVote is valid evidence that key voted for blocks 1 and 2 at height.
func doubleVote(t testing.TB, consumerID string, key cmted25519.PrivKey, height int64) *types.MsgSubmitConsumerDoubleVoting {
	t.Helper()
	return &types.MsgSubmitConsumerDoubleVoting{
		Submitter:  otherAddr,
		ConsumerId: consumerID,
		DuplicateVoteEvidence: &cmtproto.DuplicateVoteEvidence{
			VoteA: signedVote(t, key, consumerChainID, height, 0, 1),
			VoteB: signedVote(t, key, consumerChainID, height, 0, 2),
		},
		InfractionBlockHeader: headerWithVals(t, consumerPrivKey(1), consumerPrivKey(2), consumerPrivKey(3), key),
	}
}

// evidenceFixture has three provider validators (powers 30, 20, 10), a
// launched consumer whose double-sign punishment is 10%, one hour of jail
// and a tombstone, and a ledger of what staking did.
func evidenceFixture(t *testing.T) (*fixture, *ledger, string) {
	t.Helper()
	f := newFixture(t, 30, 20, 10)
	id := f.createConsumer(genesisTime)
	f.launch(id)
	l := f.withLedger()
	require.NoError(t, f.k.ConsumerInfractionParams.Set(f.ctx, id, types.InfractionParameters{
		DoubleSign: &types.SlashJailParameters{SlashFraction: math.LegacyNewDecWithPrec(1, 1), JailDuration: time.Hour, Tombstone: true},
		Downtime:   &types.SlashJailParameters{SlashFraction: math.LegacyZeroDec(), JailDuration: time.Minute},
	}))
	return f, l, id
}

func TestDoubleVoteSlashesJailsAndTombstones(t *testing.T) {
	f, l, id := evidenceFixture(t)
	offender := f.validators[1] // power 20
	l.unbond(offender, 5, f.ctx.BlockTime().Add(time.Hour))
	l.unbond(offender, 7, f.ctx.BlockTime().Add(-time.Hour)) // matured: out of reach

	_, err := f.msgServer().SubmitConsumerDoubleVoting(f.ctx, doubleVote(t, id, consumerPrivKey(2), 10))
	require.NoError(t, err)

	require.Len(t, l.slashes, 1)
	s := l.slashes[0]
	require.Equal(t, offender.consAddr, s.addr)
	require.Equal(t, int64(0), s.height, "evidence is dated at height 0 (ADR-013)")
	require.Equal(t, int64(25), s.power, "current power plus the power still unbonding")
	require.Equal(t, math.LegacyNewDecWithPrec(1, 1), s.fraction)
	require.Equal(t, stakingtypes.Infraction_INFRACTION_DOUBLE_SIGN, s.reason)
	key := offender.consAddr.String()
	require.Equal(t, sdk.TokensFromConsensusPower(20, sdk.DefaultPowerReduction).
		Sub(sdk.TokensFromConsensusPower(25, sdk.DefaultPowerReduction).QuoRaw(10)), l.tokens[key])
	require.True(t, l.jailed[key])
	require.Equal(t, f.ctx.BlockTime().Add(time.Hour), l.jailedUntil[key])
	require.True(t, l.tombstoned[key])

	records, err := keeper.NewExtQueryServer(f.k).Punishments(f.ctx, &exttypes.QueryPunishmentsRequest{ConsumerId: id})
	require.NoError(t, err)
	require.Len(t, records.Punishments, 1)
	p := records.Punishments[0]
	require.Equal(t, exttypes.INFRACTION_KIND_DOUBLE_VOTE, p.Infraction)
	require.Equal(t, offender.consAddr.String(), p.ProviderAddress)
	require.True(t, p.Tombstoned)
	require.Equal(t, sdk.TokensFromConsensusPower(25, sdk.DefaultPowerReduction).QuoRaw(10), p.SlashedTokens)

	ev := findEvent(f.ctx, keeper.EventTypeSubmitConsumerDoubleVoting)
	require.NotNil(t, ev, "submit_consumer_double_voting is emitted")
	handled, err := f.k.HandledEvidence.Iterate(f.ctx, collections.NewPrefixedPairRange[string, []byte](id))
	require.NoError(t, err)
	keys, err := handled.Keys()
	require.NoError(t, err)
	require.Len(t, keys, 1)
}

func TestDoubleVoteResubmissionRefused(t *testing.T) {
	f, l, id := evidenceFixture(t)
	// Without a tombstone, only the record of handled evidence stops a
	// second punishment for the same offence.
	require.NoError(t, f.k.ConsumerInfractionParams.Set(f.ctx, id, types.InfractionParameters{
		DoubleSign: &types.SlashJailParameters{SlashFraction: math.LegacyNewDecWithPrec(1, 1), JailDuration: time.Hour},
	}))
	msg := doubleVote(t, id, consumerPrivKey(2), 10)
	_, err := f.msgServer().SubmitConsumerDoubleVoting(f.ctx, msg)
	require.NoError(t, err)

	_, err = f.msgServer().SubmitConsumerDoubleVoting(f.ctx, msg)
	require.ErrorIs(t, err, types.ErrEvidenceAlreadyHandled)
	swapped := *msg
	swapped.DuplicateVoteEvidence = &cmtproto.DuplicateVoteEvidence{
		VoteA: msg.DuplicateVoteEvidence.VoteB, VoteB: msg.DuplicateVoteEvidence.VoteA, TotalVotingPower: 99,
	}
	_, err = f.msgServer().SubmitConsumerDoubleVoting(f.ctx, &swapped)
	require.ErrorIs(t, err, types.ErrEvidenceAlreadyHandled, "the same offence re-encoded is the same evidence")
	require.Len(t, l.slashes, 1, "nobody is punished twice")

	// Another offence by the same validator is punished.
	_, err = f.msgServer().SubmitConsumerDoubleVoting(f.ctx, doubleVote(t, id, consumerPrivKey(2), 11))
	require.NoError(t, err)
	require.Len(t, l.slashes, 2)
}

func TestDoubleVoteTombstonedValidatorNotPunishedAgain(t *testing.T) {
	f, l, id := evidenceFixture(t)
	_, err := f.msgServer().SubmitConsumerDoubleVoting(f.ctx, doubleVote(t, id, consumerPrivKey(2), 10))
	require.NoError(t, err)
	_, err = f.msgServer().SubmitConsumerDoubleVoting(f.ctx, doubleVote(t, id, consumerPrivKey(2), 11))
	require.ErrorIs(t, err, types.ErrNoValidatorToPunish)
	require.Len(t, l.slashes, 1)
}

func TestDoubleVoteFollowsKeyAssignment(t *testing.T) {
	f, l, id := evidenceFixture(t)
	assigned := consumerPrivKey(42) // validator 3's key on the consumer
	provider := f.validators[2]
	require.NoError(t, f.k.ValidatorsByConsumerAddr.Set(f.ctx,
		collections.Join(id, assigned.PubKey().Address().Bytes()), provider.consAddr.Bytes()))

	_, err := f.msgServer().SubmitConsumerDoubleVoting(f.ctx, doubleVote(t, id, assigned, 10))
	require.NoError(t, err)
	require.Len(t, l.slashes, 1)
	require.Equal(t, provider.consAddr, l.slashes[0].addr)
}

func TestDoubleVoteInvalidEvidence(t *testing.T) {
	key := consumerPrivKey(2)
	tests := []struct {
		name     string
		malleate func(f *fixture, id string, msg *types.MsgSubmitConsumerDoubleVoting)
		err      error
	}{
		{"wrong chain id", func(_ *fixture, _ string, msg *types.MsgSubmitConsumerDoubleVoting) {
			msg.DuplicateVoteEvidence.VoteA = signedVote(t, key, "other-chain-1", 10, 0, 1)
			msg.DuplicateVoteEvidence.VoteB = signedVote(t, key, "other-chain-1", 10, 0, 2)
		}, types.ErrInvalidEvidenceSignature},
		{"bad signature", func(_ *fixture, _ string, msg *types.MsgSubmitConsumerDoubleVoting) {
			msg.DuplicateVoteEvidence.VoteB.Signature[0] ^= 0xff
		}, types.ErrInvalidEvidenceSignature},
		{"signed by another key", func(_ *fixture, _ string, msg *types.MsgSubmitConsumerDoubleVoting) {
			forged := signedVote(t, consumerPrivKey(3), consumerChainID, 10, 0, 2)
			msg.DuplicateVoteEvidence.VoteB.Signature = forged.Signature
		}, types.ErrInvalidEvidenceSignature},
		{"same block id", func(_ *fixture, _ string, msg *types.MsgSubmitConsumerDoubleVoting) {
			msg.DuplicateVoteEvidence.VoteB = signedVote(t, key, consumerChainID, 10, 0, 1)
		}, types.ErrVotesNotConflicting},
		{"different heights", func(_ *fixture, _ string, msg *types.MsgSubmitConsumerDoubleVoting) {
			msg.DuplicateVoteEvidence.VoteB = signedVote(t, key, consumerChainID, 11, 0, 2)
		}, types.ErrVotesNotConflicting},
		{"different rounds", func(_ *fixture, _ string, msg *types.MsgSubmitConsumerDoubleVoting) {
			msg.DuplicateVoteEvidence.VoteB = signedVote(t, key, consumerChainID, 10, 1, 2)
		}, types.ErrVotesNotConflicting},
		{"votes of two validators", func(_ *fixture, _ string, msg *types.MsgSubmitConsumerDoubleVoting) {
			msg.DuplicateVoteEvidence.VoteB = signedVote(t, consumerPrivKey(3), consumerChainID, 10, 0, 2)
		}, types.ErrVotesNotConflicting},
		{"offender not in the header's validator set", func(_ *fixture, _ string, msg *types.MsgSubmitConsumerDoubleVoting) {
			msg.InfractionBlockHeader = headerWithVals(t, consumerPrivKey(1), consumerPrivKey(3))
		}, types.ErrOffenderNotInValidatorSet},
		{"no provider validator behind the key", func(_ *fixture, _ string, msg *types.MsgSubmitConsumerDoubleVoting) {
			stranger := consumerPrivKey(77)
			msg.DuplicateVoteEvidence.VoteA = signedVote(t, stranger, consumerChainID, 10, 0, 1)
			msg.DuplicateVoteEvidence.VoteB = signedVote(t, stranger, consumerChainID, 10, 0, 2)
			msg.InfractionBlockHeader = headerWithVals(t, stranger)
		}, types.ErrUnknownConsumerValidator},
		{"below the minimum height", func(f *fixture, id string, _ *types.MsgSubmitConsumerDoubleVoting) {
			require.NoError(t, f.k.EquivocationEvidenceMinHeight.Set(f.ctx, id, 11))
		}, types.ErrEvidenceBelowMinHeight},
		{"missing vote", func(_ *fixture, _ string, msg *types.MsgSubmitConsumerDoubleVoting) {
			msg.DuplicateVoteEvidence.VoteB = nil
		}, types.ErrInvalidEvidence},
		{"missing header", func(_ *fixture, _ string, msg *types.MsgSubmitConsumerDoubleVoting) {
			msg.InfractionBlockHeader = nil
		}, types.ErrInvalidEvidence},
		{"unknown consumer", func(_ *fixture, _ string, msg *types.MsgSubmitConsumerDoubleVoting) {
			msg.ConsumerId = "9"
		}, types.ErrUnknownConsumerID},
		{"consumer without a client", func(f *fixture, _ string, msg *types.MsgSubmitConsumerDoubleVoting) {
			msg.ConsumerId = f.createConsumer(time.Time{})
		}, types.ErrNoConsumerClient},
		{"bad submitter", func(_ *fixture, _ string, msg *types.MsgSubmitConsumerDoubleVoting) {
			msg.Submitter = "nobody"
		}, types.ErrInvalidAddress},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, l, id := evidenceFixture(t)
			msg := doubleVote(t, id, key, 10)
			tc.malleate(f, id, msg)
			_, err := f.msgServer().SubmitConsumerDoubleVoting(f.ctx, msg)
			require.ErrorIs(t, err, tc.err)
			require.Empty(t, l.slashes, "invalid evidence punishes no one")
			require.Empty(t, l.tombstoned)
		})
	}
}

func TestDoubleVoteAcceptedForStoppedConsumer(t *testing.T) {
	f, l, id := evidenceFixture(t)
	require.NoError(t, f.k.StopConsumer(f.ctx, id))
	_, err := f.msgServer().SubmitConsumerDoubleVoting(f.ctx, doubleVote(t, id, consumerPrivKey(1), 10))
	require.NoError(t, err, "validators answer for a stopped consumer until it is deleted")
	require.Len(t, l.slashes, 1)
}

// findEvent returns the last event of a type, or nil.
func findEvent(ctx sdk.Context, eventType string) *sdk.Event {
	events := ctx.EventManager().Events()
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Type == eventType {
			return &events[i]
		}
	}
	return nil
}

func TestDeletedConsumerForgetsHandledEvidence(t *testing.T) {
	f, _, id := evidenceFixture(t)
	_, err := f.msgServer().SubmitConsumerDoubleVoting(f.ctx, doubleVote(t, id, consumerPrivKey(1), 10))
	require.NoError(t, err)
	require.NoError(t, f.k.StopConsumer(f.ctx, id))
	has := func() bool {
		iter, err := f.k.HandledEvidence.Iterate(f.ctx, collections.NewPrefixedPairRange[string, []byte](id))
		require.NoError(t, err)
		keys, err := iter.Keys()
		require.NoError(t, err)
		return len(keys) > 0
	}
	require.True(t, has(), "a stopped consumer keeps its handled evidence")

	f.channels.MockChannelKeeper.EXPECT().GetChannel(gomock.Any(), gomock.Any(), gomock.Any()).Return(channeltypes.Channel{}, false).AnyTimes()
	require.NoError(t, f.k.DeleteConsumer(f.ctx, id))
	require.False(t, has(), "a deleted consumer's handled evidence is gone")
	_, err = f.k.EquivocationEvidenceMinHeight.Get(f.ctx, id)
	require.ErrorIs(t, err, collections.ErrNotFound)
}
