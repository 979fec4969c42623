package keeper_test

import (
	"bytes"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"testing/quick"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/rampart-ics/rampart/x/provider/keeper"
)

// scenario is a random set of candidates and rules for property tests.
type scenario struct {
	Candidates []keeper.Candidate
	Rules      keeper.ShapingRules
}

// Generate makes up to size candidates with distinct addresses, powers that
// often tie, random opt-ins and random lists and caps.
func (scenario) Generate(r *rand.Rand, size int) reflect.Value {
	n := r.Intn(size + 1)
	s := scenario{Rules: keeper.ShapingRules{
		Denylist:     map[string]bool{},
		Prioritylist: map[string]bool{},
	}}
	if r.Intn(3) == 0 {
		s.Rules.Allowlist = map[string]bool{}
	}
	for i := range n {
		addr := make([]byte, 20)
		r.Read(addr)
		addr[0] = byte(i)          // distinct
		power := int64(r.Intn(20)) // 0 is possible: no power, never kept
		if r.Intn(10) == 0 {
			power = r.Int63n(1 << 50)
		}
		c := keeper.Candidate{ConsAddr: addr, Power: power, Tokens: math.NewInt(r.Int63n(1000)), OptedIn: r.Intn(2) == 0}
		s.Candidates = append(s.Candidates, c)
		key := string(addr)
		if r.Intn(5) == 0 {
			s.Rules.Denylist[key] = true
		}
		if r.Intn(4) == 0 {
			s.Rules.Prioritylist[key] = true
		}
		if s.Rules.Allowlist != nil && r.Intn(2) == 0 {
			s.Rules.Allowlist[key] = true
		}
	}
	if r.Intn(2) == 0 {
		s.Rules.TopN = uint32(50 + r.Intn(51))
		s.Rules.MinPowerInTopN = int64(r.Intn(20))
	}
	if r.Intn(3) == 0 {
		s.Rules.MinStake = uint64(r.Intn(1000))
	}
	if r.Intn(2) == 0 {
		s.Rules.ValidatorSetCap = uint32(r.Intn(n + 2))
	}
	if r.Intn(2) == 0 {
		s.Rules.ValidatorsPowerCap = uint32(r.Intn(101))
	}
	return reflect.ValueOf(s)
}

// GoString keeps a failing case readable: powers, opt-ins and list sizes.
func (s scenario) GoString() string {
	var b strings.Builder
	for _, c := range s.Candidates {
		fmt.Fprintf(&b, "{%x power=%d tokens=%s optedIn=%t} ", c.ConsAddr[:2], c.Power, c.Tokens, c.OptedIn)
	}
	r := s.Rules
	fmt.Fprintf(&b, "rules{topN=%d min=%d allow=%d deny=%d priority=%d minStake=%d setCap=%d powerCap=%d}",
		r.TopN, r.MinPowerInTopN, len(r.Allowlist), len(r.Denylist), len(r.Prioritylist), r.MinStake, r.ValidatorSetCap, r.ValidatorsPowerCap)
	return b.String()
}

func checkProperty(t *testing.T, name string, property func(scenario) bool) {
	t.Helper()
	cfg := &quick.Config{MaxCount: 500, Rand: rand.New(rand.NewSource(1))}
	if err := quick.Check(property, cfg); err != nil {
		t.Errorf("%s: %v", name, err)
	}
}

func shape(s scenario) []keeper.Candidate {
	return keeper.ShapeValidatorSet(s.Candidates, s.Rules)
}

func TestPowerShapingProperties(t *testing.T) {
	checkProperty(t, "the set never exceeds validator_set_cap on an opt-in chain", func(s scenario) bool {
		out := shape(s)
		return s.Rules.TopN != 0 || s.Rules.ValidatorSetCap == 0 || len(out) <= int(s.Rules.ValidatorSetCap)
	})
	checkProperty(t, "validator_set_cap does not apply to a top-N chain", func(s scenario) bool {
		if s.Rules.TopN == 0 {
			return true
		}
		uncapped := s.Rules
		uncapped.ValidatorSetCap = 0
		return len(shape(s)) == len(keeper.ShapeValidatorSet(s.Candidates, uncapped))
	})
	checkProperty(t, "denylisted validators never appear", func(s scenario) bool {
		for _, c := range shape(s) {
			if s.Rules.Denylist[string(c.ConsAddr)] {
				return false
			}
		}
		return true
	})
	checkProperty(t, "with an allowlist only allowlisted validators appear", func(s scenario) bool {
		for _, c := range shape(s) {
			if s.Rules.Allowlist != nil && !s.Rules.Allowlist[string(c.ConsAddr)] {
				return false
			}
		}
		return true
	})
	checkProperty(t, "every member is opted in or in the top N, has power and enough stake", func(s scenario) bool {
		for _, c := range keeper.FilterCandidates(s.Candidates, s.Rules) {
			inTopN := s.Rules.TopN > 0 && c.Power >= s.Rules.MinPowerInTopN
			if (!c.OptedIn && !inTopN) || c.Power <= 0 || c.Tokens.LT(math.NewIntFromUint64(s.Rules.MinStake)) {
				return false
			}
		}
		return true
	})
	checkProperty(t, "without caps every eligible validator is kept", func(s scenario) bool {
		rules := s.Rules
		rules.ValidatorSetCap, rules.ValidatorsPowerCap = 0, 0
		return len(keeper.ShapeValidatorSet(s.Candidates, rules)) == len(keeper.FilterCandidates(s.Candidates, rules))
	})
	checkProperty(t, "prioritylisted validators come first, each part by power", func(s scenario) bool {
		out := keeper.OrderByPriority(keeper.FilterCandidates(s.Candidates, s.Rules), s.Rules.Prioritylist)
		for i := 1; i < len(out); i++ {
			pa, pb := s.Rules.Prioritylist[string(out[i-1].ConsAddr)], s.Rules.Prioritylist[string(out[i].ConsAddr)]
			if !pa && pb {
				return false
			}
			if pa == pb && out[i-1].Power < out[i].Power {
				return false
			}
			if pa == pb && out[i-1].Power == out[i].Power && bytes.Compare(out[i-1].ConsAddr, out[i].ConsAddr) > 0 {
				return false
			}
		}
		return true
	})
	checkProperty(t, "the set cap keeps the prioritylisted validators first", func(s scenario) bool {
		rules := s.Rules
		rules.ValidatorsPowerCap = 0
		out := keeper.ShapeValidatorSet(s.Candidates, rules)
		ordered := keeper.OrderByPriority(keeper.FilterCandidates(s.Candidates, rules), rules.Prioritylist)
		return reflect.DeepEqual(out, ordered[:len(out)])
	})
	checkProperty(t, "the result does not depend on the candidates' order", func(s scenario) bool {
		reversed := make([]keeper.Candidate, len(s.Candidates))
		for i, c := range s.Candidates {
			reversed[len(s.Candidates)-1-i] = c
		}
		return reflect.DeepEqual(shape(s), keeper.ShapeValidatorSet(reversed, s.Rules))
	})
}

func sum(cs []keeper.Candidate) int64 {
	var s int64
	for _, c := range cs {
		s += c.Power
	}
	return s
}

func TestCapPowersProperties(t *testing.T) {
	capped := func(s scenario) (in, out []keeper.Candidate) {
		in = keeper.FilterCandidates(s.Candidates, keeper.ShapingRules{TopN: 100})
		return in, keeper.CapPowers(in, s.Rules.ValidatorsPowerCap)
	}
	checkProperty(t, "no power exceeds the cap when the cap is feasible", func(s scenario) bool {
		in, out := capped(s)
		if s.Rules.ValidatorsPowerCap == 0 || len(in) == 0 {
			return true
		}
		maxPower := keeper.PercentOf(sum(in), s.Rules.ValidatorsPowerCap)
		feasible := int64(len(in))*maxPower >= sum(in)
		for _, c := range out {
			if feasible && c.Power > maxPower {
				return false
			}
		}
		return true
	})
	checkProperty(t, "the total power is kept", func(s scenario) bool {
		in, out := capped(s)
		return sum(in) == sum(out)
	})
	checkProperty(t, "a stronger validator never ends weaker", func(s scenario) bool {
		in, out := capped(s)
		for i := range in {
			for j := range in {
				if in[i].Power > in[j].Power && out[i].Power < out[j].Power {
					return false
				}
			}
		}
		return true
	})
	checkProperty(t, "validators are neither added, removed nor reordered", func(s scenario) bool {
		in, out := capped(s)
		if len(in) != len(out) {
			return false
		}
		for i := range in {
			if !bytes.Equal(in[i].ConsAddr, out[i].ConsAddr) || out[i].Power <= 0 {
				return false
			}
		}
		return true
	})
}

func TestCapPowersExamples(t *testing.T) {
	mk := func(powers ...int64) []keeper.Candidate {
		cs := make([]keeper.Candidate, len(powers))
		for i, p := range powers {
			cs[i] = keeper.Candidate{ConsAddr: []byte{byte(i)}, Power: p}
		}
		return cs
	}
	powers := func(cs []keeper.Candidate) []int64 {
		out := make([]int64, len(cs))
		for i, c := range cs {
			out[i] = c.Power
		}
		return out
	}
	// Total 100, cap 30%: the 60 is cut to 30 and its 30 fill the next
	// strongest up to 30 each.
	require.Equal(t, []int64{30, 30, 30, 10}, powers(keeper.CapPowers(mk(60, 20, 10, 10), 30)))
	// Two validators cannot each hold at most 20%: they end equal.
	require.Equal(t, []int64{5, 5}, powers(keeper.CapPowers(mk(9, 1), 20)))
	require.Equal(t, []int64{9, 1}, powers(keeper.CapPowers(mk(9, 1), 0)), "0 disables the cap")
}

func TestMinPowerInTopNProperties(t *testing.T) {
	checkProperty(t, "validators at or above the minimum hold N%, those above it less", func(s scenario) bool {
		powers := make([]int64, len(s.Candidates))
		var total int64
		for i, c := range s.Candidates {
			powers[i] = c.Power % 1000
			total += powers[i]
		}
		topN := uint32(50 + len(powers)%51)
		minPower, ok := keeper.MinPowerInTopN(powers, topN)
		if total == 0 {
			return !ok
		}
		var atOrAbove, above int64
		for _, p := range powers {
			if p >= minPower {
				atOrAbove += p
			}
			if p > minPower {
				above += p
			}
		}
		return ok && minPower > 0 && atOrAbove*100 >= int64(topN)*total && above*100 < int64(topN)*total
	})
}

func TestMinPowerInTopNExamples(t *testing.T) {
	tests := []struct {
		powers []int64
		topN   uint32
		want   int64
	}{
		{[]int64{4, 3, 2, 1}, 50, 3},  // 4 is 40%, 4+3 is 70%
		{[]int64{1, 2, 3, 4}, 70, 3},  // order does not matter; exactly 70% counts
		{[]int64{4, 3, 2, 1}, 100, 1}, // everybody
		{[]int64{5, 5, 5, 5}, 50, 5},  // ties: all four are in
		{[]int64{0, 10}, 100, 10},     // no power, no part in the top N
	}
	for _, tc := range tests {
		got, ok := keeper.MinPowerInTopN(tc.powers, tc.topN)
		require.True(t, ok)
		require.Equal(t, tc.want, got, "powers %v, top %d%%", tc.powers, tc.topN)
	}
	_, ok := keeper.MinPowerInTopN([]int64{0}, 50)
	require.False(t, ok)
}
