package keeper

import (
	"bytes"
	"cmp"
	"slices"
	"sort"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// Comparing validator sets. Both the diff sent to CometBFT and the writes
// to a stored set match members through an index sorted by key (public key
// or consensus address) and binary searches: every epoch does this for
// every consumer, and building a map keyed by a string per member (a
// public key's String() in particular) cost more than computing the set.

// keyIndex lists a slice's elements by a key made of a kind and bytes,
// each with its position in the slice; equal keys stay in slice order.
type keyIndex []keyRef

type keyRef struct {
	kind int8
	key  []byte
	pos  int
}

func compareKeyRefs(a, b keyRef) int {
	return cmp.Or(cmp.Compare(a.kind, b.kind), bytes.Compare(a.key, b.key), cmp.Compare(a.pos, b.pos))
}

func newKeyIndex(n int, keyOf func(i int) (int8, []byte)) keyIndex {
	idx := make(keyIndex, n)
	for i := range idx {
		kind, key := keyOf(i)
		idx[i] = keyRef{kind: kind, key: key, pos: i}
	}
	slices.SortFunc(idx, compareKeyRefs)
	return idx
}

// last returns the position of the last element (in slice order) with the
// given key, or -1. Taking the last one makes a lookup behave as a map
// filled in slice order, where a later duplicate wins.
func (x keyIndex) last(kind int8, key []byte) int {
	n := sort.Search(len(x), func(i int) bool {
		return cmp.Or(cmp.Compare(x[i].kind, kind), bytes.Compare(x[i].key, key)) > 0
	})
	if n == 0 || x[n-1].kind != kind || !bytes.Equal(x[n-1].key, key) {
		return -1
	}
	return x[n-1].pos
}

// publicKeyID is what identifies a public key: its kind and its raw bytes.
// A nil key and a key of no kind are the same empty key. Kinds this code
// does not know (the decoder produces none) share one kind.
func publicKeyID(pk *cmtprotocrypto.PublicKey) (int8, []byte) {
	if pk == nil {
		return 0, nil
	}
	switch sum := pk.Sum.(type) {
	case nil:
		return 0, nil
	case *cmtprotocrypto.PublicKey_Ed25519:
		return 1, sum.Ed25519
	case *cmtprotocrypto.PublicKey_Secp256K1:
		return 2, sum.Secp256K1
	case *cmtprotocrypto.PublicKey_Bls12381:
		return 3, sum.Bls12381
	default:
		return -1, nil
	}
}

func byPublicKey(set []types.ConsensusValidator) keyIndex {
	return newKeyIndex(len(set), func(i int) (int8, []byte) { return publicKeyID(set[i].PublicKey) })
}

func byConsAddr(set []types.ConsensusValidator) keyIndex {
	return newKeyIndex(len(set), func(i int) (int8, []byte) { return 0, set[i].ProviderConsAddr })
}

// DiffValidators returns the CometBFT updates that turn current into next,
// keyed by public key (its type and raw bytes): first the keys that leave
// or change power (in current's order; leaving keys get power 0), then the
// new keys (in next's order). A key rotation thus shows as (old key, 0) and
// (new key, power).
func DiffValidators(current, next []types.ConsensusValidator) []abci.ValidatorUpdate {
	nextByKey, currentByKey := byPublicKey(next), byPublicKey(current)
	updates := make([]abci.ValidatorUpdate, 0)
	for _, v := range current {
		var power int64
		if j := nextByKey.last(publicKeyID(v.PublicKey)); j >= 0 {
			if next[j].Power == v.Power {
				continue
			}
			power = next[j].Power
		}
		updates = append(updates, abci.ValidatorUpdate{PubKey: *v.PublicKey, Power: power})
	}
	for _, v := range next {
		if currentByKey.last(publicKeyID(v.PublicKey)) < 0 {
			updates = append(updates, abci.ValidatorUpdate{PubKey: *v.PublicKey, Power: v.Power})
		}
	}
	return updates
}

// writeSetChanges turns a stored set, current, into next by writing only
// what differs, members being matched by provider consensus address: put
// is called for each member of next that is new or changed, drop for each
// member of current that is not in next. An epoch usually moves a few
// validators, and rewriting whole sets dominated its cost.
func writeSetChanges(current, next []types.ConsensusValidator, put, drop func(types.ConsensusValidator) error) error {
	currentByAddr, nextByAddr := byConsAddr(current), byConsAddr(next)
	for _, v := range next {
		i := currentByAddr.last(0, v.ProviderConsAddr)
		if i >= 0 && sameMember(current[i], v) {
			continue
		}
		if err := put(v); err != nil {
			return err
		}
	}
	for _, v := range current {
		if nextByAddr.last(0, v.ProviderConsAddr) >= 0 {
			continue
		}
		if err := drop(v); err != nil {
			return err
		}
	}
	return nil
}

func sameMember(a, b types.ConsensusValidator) bool {
	return a.Power == b.Power && a.JoinHeight == b.JoinHeight && a.PublicKey.Equal(b.PublicKey)
}
