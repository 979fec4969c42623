package exttypes

import "cosmossdk.io/math"

// intOrZero reads an unset Int as zero.
func intOrZero(i math.Int) math.Int {
	if i.IsNil() {
		return math.ZeroInt()
	}
	return i
}

// decOrZero reads an unset Dec as zero.
func decOrZero(d math.LegacyDec) math.LegacyDec {
	if d.IsNil() {
		return math.LegacyZeroDec()
	}
	return d
}

// NewConsumerRewardAmounts returns amounts with every field set.
func NewConsumerRewardAmounts(received, distributed, communityPool math.Int) ConsumerRewardAmounts {
	return ConsumerRewardAmounts{
		Received:      intOrZero(received),
		Distributed:   intOrZero(distributed),
		CommunityPool: intOrZero(communityPool),
	}
}

// Add returns the field-wise sum; unset fields count as zero.
func (a ConsumerRewardAmounts) Add(b ConsumerRewardAmounts) ConsumerRewardAmounts {
	return ConsumerRewardAmounts{
		Received:      intOrZero(a.Received).Add(intOrZero(b.Received)),
		Distributed:   intOrZero(a.Distributed).Add(intOrZero(b.Distributed)),
		CommunityPool: intOrZero(a.CommunityPool).Add(intOrZero(b.CommunityPool)),
	}
}

// Add returns the field-wise sum; unset fields count as zero.
func (a ValidatorRewardAmounts) Add(b ValidatorRewardAmounts) ValidatorRewardAmounts {
	return ValidatorRewardAmounts{
		Rewards:    intOrZero(a.Rewards).Add(intOrZero(b.Rewards)),
		Commission: decOrZero(a.Commission).Add(decOrZero(b.Commission)),
	}
}

// ZeroConsumerRewardAmounts returns amounts that are all zero.
func ZeroConsumerRewardAmounts() ConsumerRewardAmounts {
	return ConsumerRewardAmounts{}.Add(ConsumerRewardAmounts{})
}

// ZeroValidatorRewardAmounts returns amounts that are all zero.
func ZeroValidatorRewardAmounts() ValidatorRewardAmounts {
	return ValidatorRewardAmounts{}.Add(ValidatorRewardAmounts{})
}
