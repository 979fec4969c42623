package keeper_test

import (
	"testing"

	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// FuzzDoubleVoteEvidence decodes arbitrary bytes as a double-voting
// message and verifies it: evidence comes from anyone, so no input may
// panic. The committed corpus (testdata/fuzz) holds valid evidence and
// mutations of it, so this runs as an ordinary test.
func FuzzDoubleVoteEvidence(f *testing.F) {
	valid, err := doubleVote(f, "0", consumerKey(2), 10).Marshal()
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
