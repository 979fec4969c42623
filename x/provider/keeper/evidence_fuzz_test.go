package keeper_test

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// FuzzDoubleVoteEvidence decodes arbitrary bytes as a double-voting
// message and verifies it: evidence comes from anyone, so no input may
// panic. The committed corpus (testdata/fuzz) holds valid evidence and
// mutations of it, so this runs as an ordinary test.
func FuzzDoubleVoteEvidence(f *testing.F) {
	valid, err := doubleVote(f, "0", consumerPrivKey(2), 10).Marshal()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		var msg types.MsgSubmitConsumerDoubleVoting
		if err := msg.Unmarshal(data); err != nil {
			return
		}
		_ = msg.ValidateBasic()
		dv, err := keeper.VerifyDoubleVoteEvidence(consumerChainID, &msg)
		if err == nil && len(dv.Key) == 0 {
			t.Fatal("verified evidence without an offence key")
		}
	})
}

// FuzzMisbehaviour decodes arbitrary bytes as a misbehaviour message, and
// checks what can be checked without a light client.
func FuzzMisbehaviour(f *testing.F) {
	valid, err := (&types.MsgSubmitConsumerMisbehaviour{Submitter: otherAddr, ConsumerId: "0", Misbehaviour: attack(f)}).Marshal()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		var msg types.MsgSubmitConsumerMisbehaviour
		if err := msg.Unmarshal(data); err != nil {
			return
		}
		if err := msg.ValidateBasic(); err != nil {
			return
		}
		lca, err := keeper.CheckLightClientAttack(consumerChainID, consumerClientID, msg.Misbehaviour)
		if err == nil && lca.Amnesia && len(lca.Byzantine) > 0 {
			t.Fatal("amnesia-looking evidence blames validators")
		}
	})
}

// mutations returns n deterministic corruptions of data: a few bytes
// overwritten, or the tail cut off.
func mutations(data []byte, n int) [][]byte {
	r := rand.New(rand.NewSource(7))
	out := make([][]byte, n)
	for i := range out {
		m := append([]byte(nil), data...)
		if r.Intn(8) == 0 {
			m = m[:r.Intn(len(m))]
		}
		for range 1 + r.Intn(4) {
			if len(m) > 0 {
				m[r.Intn(len(m))] = byte(r.Intn(256))
			}
		}
		out[i] = m
	}
	return out
}

// TestEvidenceMutationsNeverPanic runs the fuzz bodies on thousands of
// corruptions of valid evidence in every ordinary test run.
func TestEvidenceMutationsNeverPanic(t *testing.T) {
	dv, err := doubleVote(t, "0", consumerPrivKey(2), 10).Marshal()
	require.NoError(t, err)
	for _, data := range mutations(dv, 3000) {
		var msg types.MsgSubmitConsumerDoubleVoting
		if msg.Unmarshal(data) == nil {
			_ = msg.ValidateBasic()
			_, _ = keeper.VerifyDoubleVoteEvidence(consumerChainID, &msg)
		}
	}
	mb, err := (&types.MsgSubmitConsumerMisbehaviour{Submitter: otherAddr, ConsumerId: "0", Misbehaviour: attack(t)}).Marshal()
	require.NoError(t, err)
	for _, data := range mutations(mb, 1000) {
		var msg types.MsgSubmitConsumerMisbehaviour
		if msg.Unmarshal(data) == nil && msg.ValidateBasic() == nil {
			_, _ = keeper.CheckLightClientAttack(consumerChainID, consumerClientID, msg.Misbehaviour)
		}
	}
}
