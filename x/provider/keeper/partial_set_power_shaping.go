package keeper

import (
	"bytes"
	"cmp"
	"slices"

	"cosmossdk.io/math"
)

// Power shaping as pure functions of plain slices, so that they can be
// property-tested without a store (the steps are listed in x/provider/README.md,
// "Validator set"). The keeper gathers
// the candidates and stores the result.

// Candidate is a bonded provider validator as power shaping sees it.
type Candidate struct {
	ConsAddr []byte
	// Power is the validator's last power on the provider.
	Power int64
	// Tokens are the validator's bonded tokens.
	Tokens math.Int
	// OptedIn is true if the validator opted in (or was opted in as part of
	// the top N) on this consumer.
	OptedIn bool
}

// ShapingRules are a consumer's power-shaping parameters with the address
// lists decoded. Lists are keyed by string(consensus address bytes). A nil
// Allowlist allows everybody; a non-nil one, even empty, only its members.
type ShapingRules struct {
	TopN uint32
	// MinPowerInTopN is the power at or above which a validator belongs to
	// the top N; only read when TopN > 0.
	MinPowerInTopN int64
	Allowlist      map[string]bool
	Denylist       map[string]bool
	Prioritylist   map[string]bool
	MinStake       uint64
	// ValidatorSetCap limits the set's size when TopN == 0; 0 disables it.
	ValidatorSetCap uint32
	// ValidatorsPowerCap is the largest share of the total power, in
	// percent, any validator may hold; 0 disables it.
	ValidatorsPowerCap uint32
}

// ShapeValidatorSet applies a consumer's rules to the candidates: filter,
// order (prioritylisted first, then by power), cap the set's size, then cap
// each validator's power. The result is in that order.
func ShapeValidatorSet(candidates []Candidate, rules ShapingRules) []Candidate {
	kept := FilterCandidates(candidates, rules)
	kept = OrderByPriority(kept, rules.Prioritylist)
	if rules.TopN == 0 && rules.ValidatorSetCap != 0 && len(kept) > int(rules.ValidatorSetCap) {
		kept = kept[:rules.ValidatorSetCap]
	}
	return CapPowers(kept, rules.ValidatorsPowerCap)
}

// FilterCandidates keeps the candidates that may validate the consumer:
// opted in (or in the top N), allowlisted if there is an allowlist, not
// denylisted (the denylist wins), with at least min_stake bonded tokens.
// Candidates without power are dropped. The order is kept.
func FilterCandidates(candidates []Candidate, rules ShapingRules) []Candidate {
	kept := make([]Candidate, 0, len(candidates))
	for _, c := range candidates {
		if c.Power <= 0 {
			continue
		}
		inTopN := rules.TopN > 0 && c.Power >= rules.MinPowerInTopN
		if !c.OptedIn && !inTopN {
			continue
		}
		if rules.Allowlist != nil && !rules.Allowlist[string(c.ConsAddr)] {
			continue
		}
		if rules.Denylist[string(c.ConsAddr)] {
			continue
		}
		if rules.MinStake > 0 && (c.Tokens.IsNil() || c.Tokens.LT(math.NewIntFromUint64(rules.MinStake))) {
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// OrderByPriority returns the candidates with the prioritylisted ones first;
// each part is sorted by power, highest first, equal powers by consensus
// address, so the order never depends on the input's.
func OrderByPriority(candidates []Candidate, priority map[string]bool) []Candidate {
	out := slices.Clone(candidates)
	slices.SortStableFunc(out, func(a, b Candidate) int {
		pa, pb := priority[string(a.ConsAddr)], priority[string(b.ConsAddr)]
		if pa != pb {
			if pa {
				return -1
			}
			return 1
		}
		return byPowerThenAddress(a, b)
	})
	return out
}

func byPowerThenAddress(a, b Candidate) int {
	return cmp.Or(cmp.Compare(b.Power, a.Power), bytes.Compare(a.ConsAddr, b.ConsAddr))
}

// CapPowers limits every validator's power to percent of the total
// (floor, at least 1), keeping the total: the excess of the capped
// validators goes to the others, highest first, each up to the cap. When no
// assignment can respect the cap (too few validators), every validator gets
// an equal share, the remainder going to the highest. The input order is
// kept; percent 0 or 100 changes nothing.
func CapPowers(candidates []Candidate, percent uint32) []Candidate {
	out := slices.Clone(candidates)
	if percent == 0 || percent >= 100 || len(out) == 0 {
		return out
	}
	var total int64
	for _, c := range out {
		total += c.Power
	}
	maxPower := PercentOf(total, percent)
	// Fill order: highest power first, ties by address.
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return byPowerThenAddress(out[i], out[j]) })

	n := int64(len(out))
	if maxPower < (total+n-1)/n {
		// Infeasible: even shares exceed the cap.
		share, rest := total/n, total%n
		for rank, i := range order {
			out[i].Power = share
			if int64(rank) < rest {
				out[i].Power++
			}
		}
		return out
	}
	var excess int64
	for _, i := range order {
		if out[i].Power > maxPower {
			excess += out[i].Power - maxPower
			out[i].Power = maxPower
		}
	}
	for _, i := range order {
		if excess == 0 {
			break
		}
		add := min(maxPower-out[i].Power, excess)
		out[i].Power += add
		excess -= add
	}
	return out
}

// PercentOf returns floor(total × percent / 100), at least 1, without
// overflowing for any int64 total.
func PercentOf(total int64, percent uint32) int64 {
	p := int64(percent)
	v := (total/100)*p + (total%100)*p/100
	return max(v, 1)
}

// MinPowerInTopN returns the smallest power p such that the validators with
// power at least p hold at least topN percent of the total power. ok is
// false if no validator has power.
func MinPowerInTopN(powers []int64, topN uint32) (minPower int64, ok bool) {
	sorted := make([]int64, 0, len(powers))
	total := math.ZeroInt()
	for _, p := range powers {
		if p > 0 {
			sorted = append(sorted, p)
			total = total.AddRaw(p)
		}
	}
	if len(sorted) == 0 {
		return 0, false
	}
	slices.SortFunc(sorted, func(a, b int64) int { return cmp.Compare(b, a) })
	threshold := total.MulRaw(int64(topN))
	sum := math.ZeroInt()
	for _, p := range sorted {
		sum = sum.AddRaw(p)
		if sum.MulRaw(100).GTE(threshold) {
			return p, true
		}
	}
	// topN ≤ 100, so the whole set always reaches the threshold.
	return sorted[len(sorted)-1], true
}
