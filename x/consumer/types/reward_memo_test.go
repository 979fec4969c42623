package types_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rampart-ics/rampart/x/consumer/types"
)

// TestRewardMemoGolden pins the memo to the bytes the incumbent consumer
// sends, indentation included.
func TestRewardMemoGolden(t *testing.T) {
	memo, err := types.RewardMemo("13", "chain-13")
	require.NoError(t, err)
	const golden = "{\n\t\t\t\"provider\": {\"consumerId\":\"13\",\"chainId\":\"chain-13\",\"memo\":\"ICS rewards\"}\n\t\t}"
	require.Equal(t, golden, memo)
}

// TestRewardMemoDecodes: the provider reads the memo with encoding/json.
func TestRewardMemoDecodes(t *testing.T) {
	memo, err := types.RewardMemo("7", `odd"chain`)
	require.NoError(t, err)
	var decoded struct {
		Provider struct {
			ConsumerID string `json:"consumerId"`
			ChainID    string `json:"chainId"`
			Memo       string `json:"memo"`
		} `json:"provider"`
	}
	require.NoError(t, json.Unmarshal([]byte(memo), &decoded))
	require.Equal(t, "7", decoded.Provider.ConsumerID)
	require.Equal(t, `odd"chain`, decoded.Provider.ChainID)
	require.Equal(t, "ICS rewards", decoded.Provider.Memo)
}
