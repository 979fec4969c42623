package keeper

import (
	"bytes"
	"slices"
	"sort"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// Comparing validator sets. Both the diff sent to CometBFT and the writes
// to a stored set match members through an index sorted by key (public key
// or consensus address) and binary searches: every epoch does this for
// every consumer, and building a map keyed by a string per member (a
// public key's String() in particular) cost more than computing the set.

// sortedIndex holds positions of a slice ordered by some key of its
// elements. The sort is stable, so equal keys keep the slice's order.
type sortedIndex []int

func newSortedIndex(n int, cmp func(a, b int) int) sortedIndex {
	idx := make(sortedIndex, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, cmp)
	return idx
}

// last returns the position of the last element (in the slice's order)
// whose key equals the target, or -1. probe(i) compares element i's key
// with the target. Taking the last one makes a lookup behave as a map
// filled in slice order, where a later duplicate wins.
func (s sortedIndex) last(probe func(i int) int) int {
	n := sort.Search(len(s), func(k int) bool { return probe(s[k]) > 0 })
	if n == 0 || probe(s[n-1]) != 0 {
		return -1
	}
	return s[n-1]
}

func byPublicKey(set []types.ConsensusValidator) sortedIndex {
	return newSortedIndex(len(set), func(a, b int) int { return set[a].PublicKey.Compare(set[b].PublicKey) })
}

func byConsAddr(set []types.ConsensusValidator) sortedIndex {
	return newSortedIndex(len(set), func(a, b int) int { return bytes.Compare(set[a].ProviderConsAddr, set[b].ProviderConsAddr) })
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
		if j := nextByKey.last(func(i int) int { return next[i].PublicKey.Compare(v.PublicKey) }); j >= 0 {
			if next[j].Power == v.Power {
				continue
			}
			power = next[j].Power
		}
		updates = append(updates, abci.ValidatorUpdate{PubKey: *v.PublicKey, Power: power})
	}
	for _, v := range next {
		if currentByKey.last(func(i int) int { return current[i].PublicKey.Compare(v.PublicKey) }) < 0 {
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
		i := currentByAddr.last(func(i int) int { return bytes.Compare(current[i].ProviderConsAddr, v.ProviderConsAddr) })
		if i >= 0 && sameMember(current[i], v) {
			continue
		}
		if err := put(v); err != nil {
			return err
		}
	}
	for _, v := range current {
		if nextByAddr.last(func(i int) int { return bytes.Compare(next[i].ProviderConsAddr, v.ProviderConsAddr) }) >= 0 {
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
