package types

import (
	"encoding/json"
	"fmt"
)

// rewardMemoText is the free text the provider shows next to the rewards.
const rewardMemoText = "ICS rewards"

// rewardMemo is the provider's part of the memo; the field order is the
// order on the wire.
type rewardMemo struct {
	ConsumerID string `json:"consumerId"`
	ChainID    string `json:"chainId"`
	Memo       string `json:"memo"`
}

// RewardMemo returns the ICS-20 memo of a reward transfer, byte for byte as
// the incumbent consumer writes it, tabs and newlines included, so that our
// transfer packets are identical to theirs (reward_memo_test.go pins the
// bytes). The provider decodes it with encoding/json and uses consumerId to
// credit the right consumer.
func RewardMemo(consumerID, chainID string) (string, error) {
	bz, err := json.Marshal(rewardMemo{ConsumerID: consumerID, ChainID: chainID, Memo: rewardMemoText})
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("{\n\t\t\t\"provider\": %s\n\t\t}", bz), nil
}
