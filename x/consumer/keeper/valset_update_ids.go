package keeper

import (
	"cmp"
	"slices"
	"time"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/consumer/types"
)

// The height → valset update id map holds one entry per change of id, not
// one per block: an entry (h, id) says that id is in force from height h
// until the next entry. The id at a height is therefore the one of the
// greatest entry at or below it, which also answers correctly for heights
// a restarted chain never recorded.
//
// An entry is pruned once the entry after it was recorded more than an
// unbonding period ago: an infraction committed under it could no longer be
// punished on the provider, and neither x/slashing nor x/evidence (whose
// evidence max age must stay below the unbonding period) reports one that
// old. The newest entry is never pruned, nor is the genesis entry (id 0)
// while it is still in force.

// maxPrunedPerBlock bounds the pruning work of one BeginBlock; a backlog
// (after a long halt, or an import of an old genesis) drains over blocks.
const maxPrunedPerBlock = 100

// recordValsetUpdateID records that id is in force from height on, unless it
// already is.
func (k *Keeper) recordValsetUpdateID(ctx sdk.Context, height, id uint64) error {
	current, found, err := k.entryAtOrBelow(ctx, height)
	if err != nil || (found && current == id) {
		return err
	}
	if err := k.HeightToValsetUpdateID.Set(ctx, height, id); err != nil {
		return err
	}
	return k.HeightToValsetUpdateIDTime.Set(ctx, height, ctx.BlockTime().UnixNano())
}

// ValsetUpdateIDAt returns the valset update id in force at a height. known
// is false only for a height older than every entry left after pruning: the
// infraction is too old to report. Heights before the genesis entry (the
// SDK hands out negative distribution heights at the first blocks) belong
// to the genesis set, id 0.
func (k *Keeper) ValsetUpdateIDAt(ctx sdk.Context, height int64) (id uint64, known bool, err error) {
	h := uint64(max(height, 0))
	id, found, err := k.entryAtOrBelow(ctx, h)
	if err != nil || found {
		return id, found, err
	}
	oldest, found, err := k.oldestEntry(ctx)
	if err != nil {
		return 0, false, err
	}
	// No entry at all (before genesis) or an intact genesis entry: the
	// genesis set. Otherwise the entries below were pruned.
	return 0, !found || oldest == 0, nil
}

// entryAtOrBelow returns the id of the greatest entry at or below height.
func (k *Keeper) entryAtOrBelow(ctx sdk.Context, height uint64) (uint64, bool, error) {
	rng := new(collections.Range[uint64]).EndInclusive(height).Descending()
	return firstValue(ctx, k.HeightToValsetUpdateID, rng)
}

func (k *Keeper) oldestEntry(ctx sdk.Context) (uint64, bool, error) {
	return firstValue(ctx, k.HeightToValsetUpdateID, nil)
}

func firstValue(ctx sdk.Context, m collections.Map[uint64, uint64], rng collections.Ranger[uint64]) (uint64, bool, error) {
	iter, err := m.Iterate(ctx, rng)
	if err != nil {
		return 0, false, err
	}
	defer iter.Close()
	if !iter.Valid() {
		return 0, false, nil
	}
	v, err := iter.Value()
	return v, err == nil, err
}

// pruneValsetUpdateIDs deletes, oldest first, the entries superseded by an
// entry recorded more than retention ago.
func (k *Keeper) pruneValsetUpdateIDs(ctx sdk.Context, retention time.Duration) error {
	cutoff := ctx.BlockTime().Add(-retention).UnixNano()
	var prunable, untimed []uint64
	var previous uint64
	first := true
	err := k.HeightToValsetUpdateID.Walk(ctx, nil, func(height, _ uint64) (bool, error) {
		if first {
			first, previous = false, height
			return false, nil
		}
		recorded, found, err := getOptionalMap(ctx, k.HeightToValsetUpdateIDTime, height)
		switch {
		case err != nil:
			return true, err
		case !found:
			untimed = append(untimed, height)
			return len(untimed) >= maxPrunedPerBlock, nil
		case len(untimed) > 0 || recorded > cutoff:
			return true, nil
		}
		prunable = append(prunable, previous)
		previous = height
		return len(prunable) >= maxPrunedPerBlock, nil
	})
	if err != nil {
		return err
	}
	// Entries without a time (written by a build that kept none) count from
	// now, so that pruning does not stall on them.
	for _, height := range untimed {
		if err := k.HeightToValsetUpdateIDTime.Set(ctx, height, ctx.BlockTime().UnixNano()); err != nil {
			return err
		}
	}
	for _, height := range prunable {
		if err := k.HeightToValsetUpdateID.Remove(ctx, height); err != nil {
			return err
		}
		if err := k.HeightToValsetUpdateIDTime.Remove(ctx, height); err != nil {
			return err
		}
	}
	return nil
}

// importValsetUpdateIDs loads exported entries in height order, dropping
// those that repeat the id of the entry below (an export from a chain that
// recorded every height). Lookups are unchanged by the compaction. The
// export carries no times: imported entries count as recorded now.
func (k *Keeper) importValsetUpdateIDs(ctx sdk.Context, entries []types.HeightToValsetUpdateID) error {
	sorted := slices.Clone(entries)
	slices.SortFunc(sorted, func(a, b types.HeightToValsetUpdateID) int { return cmp.Compare(a.Height, b.Height) })
	for i, e := range sorted {
		if i > 0 && sorted[i-1].ValsetUpdateId == e.ValsetUpdateId {
			continue
		}
		if err := k.HeightToValsetUpdateID.Set(ctx, e.Height, e.ValsetUpdateId); err != nil {
			return err
		}
		if err := k.HeightToValsetUpdateIDTime.Set(ctx, e.Height, ctx.BlockTime().UnixNano()); err != nil {
			return err
		}
	}
	return nil
}
