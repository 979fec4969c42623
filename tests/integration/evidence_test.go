package integration_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	"github.com/cosmos/ibc-go/v11/modules/core/exported"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"
	ibctesting "github.com/cosmos/ibc-go/v11/testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/tmhash"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmtprotoversion "github.com/cometbft/cometbft/proto/tendermint/version"
	cmttypes "github.com/cometbft/cometbft/types"
	cmtversion "github.com/cometbft/cometbft/version"

	"github.com/rampart-ics/rampart/testutil/ccvtesting"
	"github.com/rampart-ics/rampart/x/provider/exttypes"
	providerkeeper "github.com/rampart-ics/rampart/x/provider/keeper"
	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// stakeOf is what the provider knows of a validator's stake and standing.
type stakeOf struct {
	tokens     math.Int
	tombstoned bool
	jailed     bool
}

// evidenceNetwork is the usual network, with the signing info slashing
// keeps of every validator that ever bonded (ibctesting's genesis bonds
// its validators without creating it).
func evidenceNetwork(t *testing.T) *ccvtesting.Network {
	t.Helper()
	n := newNetwork(t)
	app := ccvtesting.ProviderApp(n.Provider)
	ctx := n.Provider.GetContext()
	for _, v := range n.Provider.Vals.Validators {
		addr := sdk.ConsAddress(v.Address)
		info := slashingtypes.NewValidatorSigningInfo(addr, 1, 0, time.Unix(0, 0), false, 0)
		require.NoError(t, app.SlashingKeeper.SetValidatorSigningInfo(ctx, addr, info))
	}
	return n
}

func providerStake(t *testing.T, n *ccvtesting.Network, consAddr sdk.ConsAddress) stakeOf {
	t.Helper()
	app := ccvtesting.ProviderApp(n.Provider)
	ctx := n.Provider.GetContext()
	val, err := app.StakingKeeper.GetValidatorByConsAddr(ctx, consAddr)
	require.NoError(t, err)
	info, err := app.SlashingKeeper.GetValidatorSigningInfo(ctx, consAddr)
	require.NoError(t, err)
	return stakeOf{tokens: val.Tokens, tombstoned: info.Tombstoned, jailed: val.Jailed}
}

// requireSlashedAndTombstoned checks that a validator lost the double-sign
// fraction of its tokens, is tombstoned, and has a punishment on record.
func requireSlashedAndTombstoned(t *testing.T, n *ccvtesting.Network, consumer *ccvtesting.Consumer, consAddr sdk.ConsAddress,
	before stakeOf, kind exttypes.InfractionKind,
) {
	t.Helper()
	app := ccvtesting.ProviderApp(n.Provider)
	ctx := n.Provider.GetContext()
	fraction, err := app.SlashingKeeper.SlashFractionDoubleSign(ctx)
	require.NoError(t, err)
	after := providerStake(t, n, consAddr)
	power := sdk.TokensToConsensusPower(before.tokens, sdk.DefaultPowerReduction)
	burned := fraction.MulInt(sdk.TokensFromConsensusPower(power, sdk.DefaultPowerReduction)).TruncateInt()
	require.True(t, burned.IsPositive())
	require.Equal(t, before.tokens.Sub(burned), after.tokens, "tokens drop by the double-sign fraction")
	require.True(t, after.tombstoned)
	require.True(t, after.jailed)

	res, err := providerkeeper.NewExtQueryServer(app.ProviderKeeper).Punishments(ctx,
		&exttypes.QueryPunishmentsRequest{ConsumerId: consumer.ID, ProviderAddress: consAddr.String()})
	require.NoError(t, err)
	require.Len(t, res.Punishments, 1)
	require.Equal(t, kind, res.Punishments[0].Infraction)
	require.Equal(t, burned, res.Punishments[0].SlashedTokens)
	require.True(t, res.Punishments[0].Tombstoned)
}

// consumerVote is a prevote signed by one of the consumer's validators.
func consumerVote(t *testing.T, c *ccvtesting.Consumer, val *cmttypes.Validator, height int64, block byte) *cmtproto.Vote {
	t.Helper()
	vote := &cmtproto.Vote{
		Type:   cmtproto.PrevoteType,
		Height: height,
		BlockID: cmtproto.BlockID{
			Hash:          bytes.Repeat([]byte{block}, tmhash.Size),
			PartSetHeader: cmtproto.PartSetHeader{Total: 1, Hash: bytes.Repeat([]byte{block + 1}, tmhash.Size)},
		},
		Timestamp:        c.Chain.ProposedHeader.Time,
		ValidatorAddress: val.Address,
	}
	require.NoError(t, c.Chain.Signers[val.Address.String()].SignVote(c.Chain.ChainID, vote))
	return vote
}

func TestDoubleVoteOnConsumerSlashesProviderValidator(t *testing.T) {
	n := evidenceNetwork(t)
	consumer, other := n.Consumers[0], n.Consumers[1]
	offender := consumer.Chain.Vals.Validators[0]
	consAddr := sdk.ConsAddress(offender.Address)
	before := providerStake(t, n, consAddr)
	height := consumer.Chain.ProposedHeader.Height - 1

	msg := &providertypes.MsgSubmitConsumerDoubleVoting{
		Submitter:  n.Provider.SenderAccount.GetAddress().String(),
		ConsumerId: consumer.ID,
		DuplicateVoteEvidence: &cmtproto.DuplicateVoteEvidence{
			VoteA: consumerVote(t, consumer, offender, height, 1),
			VoteB: consumerVote(t, consumer, offender, height, 2),
		},
		InfractionBlockHeader: consumer.Chain.CurrentTMClientHeader(),
	}
	// Evidence from one consumer proves nothing about another: the votes
	// are signed for the first consumer's chain id.
	wrongChain := *msg
	wrongChain.ConsumerId = other.ID
	_, err := n.Provider.SendMsgs(&wrongChain)
	require.ErrorContains(t, err, providertypes.ErrInvalidEvidenceSignature.Error())
	require.Equal(t, before, providerStake(t, n, consAddr))

	res, err := n.Provider.SendMsgs(msg)
	require.NoError(t, err)
	require.True(t, hasEvent(res.Events, providerkeeper.EventTypeSubmitConsumerDoubleVoting))
	requireSlashedAndTombstoned(t, n, consumer, consAddr, before, exttypes.INFRACTION_KIND_DOUBLE_VOTE)

	// The same evidence again is refused and punishes nobody.
	slashed := providerStake(t, n, consAddr)
	_, err = n.Provider.SendMsgs(msg)
	require.ErrorContains(t, err, providertypes.ErrEvidenceAlreadyHandled.Error())
	require.Equal(t, slashed, providerStake(t, n, consAddr))
}

// consumerHeader builds a consumer header at height, trusting the
// provider's client of the consumer at trusted, committed in round by the
// consumer validators at the given indexes (the others are absent).
func consumerHeader(t *testing.T, c *ccvtesting.Consumer, height int64, trusted clienttypes.Height, when time.Time,
	appHash []byte, round int32, signers ...int,
) *ibctm.Header {
	t.Helper()
	vals := c.Chain.Vals
	filler := tmhash.Sum([]byte("filler"))
	header := cmttypes.Header{
		Version:            cmtprotoversion.Consensus{Block: cmtversion.BlockProtocol, App: 2},
		ChainID:            c.Chain.ChainID,
		Height:             height,
		Time:               when,
		LastBlockID:        ibctesting.MakeBlockID(filler, 1, filler),
		LastCommitHash:     filler,
		DataHash:           filler,
		ValidatorsHash:     vals.Hash(),
		NextValidatorsHash: vals.Hash(),
		ConsensusHash:      filler,
		AppHash:            appHash,
		LastResultsHash:    filler,
		EvidenceHash:       filler,
		ProposerAddress:    vals.Validators[0].Address,
	}
	blockID := ibctesting.MakeBlockID(header.Hash(), 1, filler)
	commit := &cmttypes.Commit{Height: height, Round: round, BlockID: blockID, Signatures: make([]cmttypes.CommitSig, vals.Size())}
	for i := range commit.Signatures {
		commit.Signatures[i] = cmttypes.NewCommitSigAbsent()
	}
	for _, i := range signers {
		val := vals.Validators[i]
		commit.Signatures[i] = cmttypes.CommitSig{BlockIDFlag: cmttypes.BlockIDFlagCommit, ValidatorAddress: val.Address, Timestamp: when}
		vote := commit.GetVote(int32(i)).ToProto()
		require.NoError(t, c.Chain.Signers[val.Address.String()].SignVote(c.Chain.ChainID, vote))
		commit.Signatures[i].Signature = vote.Signature
	}
	valSet, err := vals.ToProto()
	require.NoError(t, err)
	valSet.TotalVotingPower = vals.TotalVotingPower()
	trustedVals := c.Chain.TrustedValidators[trusted.RevisionHeight]
	if trustedVals == nil {
		trustedVals = vals
	}
	trustedSet, err := trustedVals.ToProto()
	require.NoError(t, err)
	trustedSet.TotalVotingPower = trustedVals.TotalVotingPower()
	return &ibctm.Header{
		SignedHeader:      &cmtproto.SignedHeader{Header: header.ToProto(), Commit: commit.ToProto()},
		ValidatorSet:      valSet,
		TrustedHeight:     trusted,
		TrustedValidators: trustedSet,
	}
}

// misbehaviourFor builds two headers at the height after the provider's
// latest trusted consumer height.
func misbehaviourFor(t *testing.T, n *ccvtesting.Network, c *ccvtesting.Consumer,
	build func(height int64, trusted clienttypes.Height, now time.Time) (h1, h2 *ibctm.Header),
) *ibctm.Misbehaviour {
	t.Helper()
	clientID := c.Path.EndpointB.ClientID
	trusted := ccvtesting.ProviderApp(n.Provider).IBCKeeper.ClientKeeper.GetClientLatestHeight(n.Provider.GetContext(), clientID)
	h1, h2 := build(int64(trusted.RevisionHeight)+1, trusted, c.Chain.ProposedHeader.Time)
	return &ibctm.Misbehaviour{ClientId: clientID, Header1: h1, Header2: h2}
}

func TestLightClientAttackSlashesSignersOfBoth(t *testing.T) {
	n := evidenceNetwork(t)
	consumer := n.Consumers[0]
	require.Len(t, consumer.Chain.Vals.Validators, 4)
	vals := consumer.Chain.Vals.Validators
	before := make([]stakeOf, len(vals))
	for i, v := range vals {
		before[i] = providerStake(t, n, sdk.ConsAddress(v.Address))
	}
	// Validators 0 and 1 sign both headers; 2 and 3 sign one each.
	m := misbehaviourFor(t, n, consumer, func(h int64, trusted clienttypes.Height, now time.Time) (*ibctm.Header, *ibctm.Header) {
		return consumerHeader(t, consumer, h, trusted, now, []byte("app-hash-honest-fork-one-________"), 0, 0, 1, 2),
			consumerHeader(t, consumer, h, trusted, now, []byte("app-hash-the-attackers-fork______"), 0, 0, 1, 3)
	})

	res, err := n.Provider.SendMsgs(&providertypes.MsgSubmitConsumerMisbehaviour{
		Submitter: n.Provider.SenderAccount.GetAddress().String(), ConsumerId: consumer.ID, Misbehaviour: m,
	})
	require.NoError(t, err)
	require.True(t, hasEvent(res.Events, providerkeeper.EventTypeSubmitConsumerMisbehaviour))
	for i := range 2 {
		requireSlashedAndTombstoned(t, n, consumer, sdk.ConsAddress(vals[i].Address), before[i], exttypes.INFRACTION_KIND_LIGHT_CLIENT_ATTACK)
	}
	for i := 2; i < 4; i++ {
		require.Equal(t, before[i], providerStake(t, n, sdk.ConsAddress(vals[i].Address)), "validator %d signed one header only", i)
	}
	ctx := n.Provider.GetContext()
	status := ccvtesting.ProviderApp(n.Provider).IBCKeeper.ClientKeeper.GetClientStatus(ctx, consumer.Path.EndpointB.ClientID)
	require.Equal(t, exported.Active, status, "evidence does not freeze the consumer's client")

	_, err = n.Provider.SendMsgs(&providertypes.MsgSubmitConsumerMisbehaviour{
		Submitter: n.Provider.SenderAccount.GetAddress().String(), ConsumerId: consumer.ID, Misbehaviour: m,
	})
	require.ErrorContains(t, err, providertypes.ErrEvidenceAlreadyHandled.Error())
}

func TestAmnesiaLookingMisbehaviourPunishesNoOne(t *testing.T) {
	n := evidenceNetwork(t)
	consumer := n.Consumers[0]
	vals := consumer.Chain.Vals.Validators
	before := make([]stakeOf, len(vals))
	for i, v := range vals {
		before[i] = providerStake(t, n, sdk.ConsAddress(v.Address))
	}
	// Same state transition, two blocks (different times) committed in
	// different rounds by the same validators.
	appHash := []byte("the-one-and-only-app-hash_______")
	m := misbehaviourFor(t, n, consumer, func(h int64, trusted clienttypes.Height, now time.Time) (*ibctm.Header, *ibctm.Header) {
		return consumerHeader(t, consumer, h, trusted, now, appHash, 0, 0, 1, 2),
			consumerHeader(t, consumer, h, trusted, now.Add(time.Second), appHash, 1, 0, 1, 2)
	})

	_, err := n.Provider.SendMsgs(&providertypes.MsgSubmitConsumerMisbehaviour{
		Submitter: n.Provider.SenderAccount.GetAddress().String(), ConsumerId: consumer.ID, Misbehaviour: m,
	})
	require.ErrorContains(t, err, providertypes.ErrNoValidatorToPunish.Error())
	require.ErrorContains(t, err, "amnesia-looking evidence punishes no one")
	for i, v := range vals {
		require.Equal(t, before[i], providerStake(t, n, sdk.ConsAddress(v.Address)))
	}
}

func hasEvent(events []abci.Event, eventType string) bool {
	for _, e := range events {
		if e.Type == eventType {
			return true
		}
	}
	return false
}
