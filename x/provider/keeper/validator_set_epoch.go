package keeper

import (
	"errors"

	"cosmossdk.io/collections"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// What an epoch reads, split into the part every consumer shares (read
// once per epoch) and the part that is a consumer's own (read with one
// prefix iteration per collection). Reading the consumer's opt-ins, keys
// and join heights one store lookup per candidate was most of an epoch's
// cost.

// epochValidators are the bonded validators as every consumer's next set
// is computed from them this epoch.
type epochValidators struct {
	// bonded are the bonded validators with power, in staking's order.
	bonded []bondedValidator
	// active is how many of the first bonded validators make the
	// provider's active set.
	active int
	// byAddr gives a validator's position in bonded by consensus address.
	byAddr map[string]int
}

func (k *Keeper) newEpochValidators(ctx sdk.Context) (*epochValidators, error) {
	bonded, err := k.bondedValidators(ctx)
	if err != nil {
		return nil, err
	}
	byAddr := make(map[string]int, len(bonded))
	for i, v := range bonded {
		byAddr[string(v.ConsAddr)] = i
	}
	maxVals := int(k.mustGetParams(ctx).MaxProviderConsensusValidators)
	return &epochValidators{bonded: bonded, active: min(len(bonded), maxVals), byAddr: byAddr}, nil
}

func (ev *epochValidators) activeSet() []bondedValidator { return ev.bonded[:ev.active] }

// optedInMask tells, by position in ev.bonded, which validators are opted
// in to the consumer. Opt-ins of validators that are not bonded are of no
// use to an epoch and are skipped.
func (k *Keeper) optedInMask(ctx sdk.Context, consumerID string, ev *epochValidators) ([]bool, error) {
	mask := make([]bool, len(ev.bonded))
	err := k.walkConsumerEntries(ctx, types.OptedInKey.Bytes(), consumerID, func(addr, _ []byte) error {
		if p, ok := ev.byAddr[string(addr)]; ok {
			mask[p] = true
		}
		return nil
	})
	return mask, err
}

// assignedKeys are the keys bonded validators assigned on a consumer, by
// position in epochValidators.bonded.
type assignedKeys struct {
	key []cmtprotocrypto.PublicKey
	has []bool
}

func (k *Keeper) readAssignedKeys(ctx sdk.Context, consumerID string, ev *epochValidators) (assignedKeys, error) {
	keys := assignedKeys{key: make([]cmtprotocrypto.PublicKey, len(ev.bonded)), has: make([]bool, len(ev.bonded))}
	err := k.walkConsumerEntries(ctx, types.ConsumerKeysKey.Bytes(), consumerID, func(addr, value []byte) error {
		p, ok := ev.byAddr[string(addr)]
		if !ok {
			return nil
		}
		pk, err := k.ConsumerKeys.ValueCodec().Decode(value)
		if err != nil {
			return err
		}
		keys.key[p], keys.has[p] = pk, true
		return nil
	})
	return keys, err
}

// walkConsumerEntries calls fn with the last key part (an address) and the
// raw value of each entry, for one consumer, of a collection keyed by
// (consumer id, bytes) under collPrefix. It reads the store directly:
// collections' walks decode every key into a Pair holding a new string and
// two pointers, a third of an epoch's allocations, for keys the epoch only
// looks up. The key layout is PairKeyCodec(StringKey, BytesKey)'s: the
// collection's prefix, the consumer id in StringKey's non-terminal form
// (which ends it with a delimiter, so "1" is no prefix of "10"), then the
// address as is.
func (k *Keeper) walkConsumerEntries(ctx sdk.Context, collPrefix []byte, consumerID string, fn func(addr, value []byte) error) (err error) {
	prefix := make([]byte, len(collPrefix)+collections.StringKey.SizeNonTerminal(consumerID))
	copy(prefix, collPrefix)
	if _, err := collections.StringKey.EncodeNonTerminal(prefix[len(collPrefix):], consumerID); err != nil {
		return err
	}
	it, err := k.storeService.OpenKVStore(ctx).Iterator(prefix, storetypes.PrefixEndBytes(prefix))
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, it.Close()) }()
	// As collections' walks do, the loop ends when the iterator is no
	// longer valid; the SDK's iterators report an error once exhausted.
	for ; it.Valid(); it.Next() {
		if err := fn(it.Key()[len(prefix):], it.Value()); err != nil {
			return err
		}
	}
	return nil
}

// consumerSet turns shaped candidates into set members with the key each
// validator uses on the consumer (assigned, else its provider key) and its
// join height: the one it has in current, the consumer's stored set, or
// height for a newcomer.
func (ev *epochValidators) consumerSet(height int64, shaped []Candidate, keys assignedKeys, current []types.ConsensusValidator) []types.ConsensusValidator {
	// inCurrent holds, by position in bonded, 1 + the position in current.
	inCurrent := make([]int, len(ev.bonded))
	for i, v := range current {
		if p, ok := ev.byAddr[string(v.ProviderConsAddr)]; ok {
			inCurrent[p] = i + 1
		}
	}
	// One allocation for all the members' keys.
	pks := make([]cmtprotocrypto.PublicKey, len(shaped))
	set := make([]types.ConsensusValidator, len(shaped))
	for i, c := range shaped {
		p := ev.byAddr[string(c.ConsAddr)]
		pks[i] = ev.bonded[p].providerKey
		if keys.has[p] {
			pks[i] = keys.key[p]
		}
		joinHeight := height
		if j := inCurrent[p]; j > 0 {
			joinHeight = current[j-1].JoinHeight
		}
		set[i] = types.ConsensusValidator{ProviderConsAddr: c.ConsAddr, Power: c.Power, PublicKey: &pks[i], JoinHeight: joinHeight}
	}
	return set
}
