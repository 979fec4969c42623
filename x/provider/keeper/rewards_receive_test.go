package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"

	"github.com/rampart-ics/rampart/x/provider/keeper"
)

func TestParseRewardMemo(t *testing.T) {
	tests := []struct {
		name   string
		memo   string
		ok     bool
		wantID string
	}{
		// The exact memo the consumer sends, tabs and newlines included.
		{"consumer memo", "{\n\t\t\t\"provider\": {\"consumerId\":\"13\",\"chainId\":\"chain-13\",\"memo\":\"ICS rewards\"}\n\t\t}", true, "13"},
		{"empty", "", false, ""},
		{"pre-memo consumers", "consumer chain rewards distribution", false, ""},
		{"other middleware's memo", `{"wasm":{"contract":"x"}}`, false, ""},
		{"provider is a string", `{"provider":"13"}`, false, ""},
		{"consumer id is a number", `{"provider":{"consumerId":13}}`, false, ""},
		{"no consumer id", `{"provider":{"chainId":"chain-13"}}`, false, ""},
		{"null provider", `{"provider":null}`, false, ""},
		{"truncated", `{"provider":{"consumerId":"13"`, false, ""},
		{"array", `[{"provider":{"consumerId":"13"}}]`, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := keeper.ParseRewardMemo(tc.memo)
			require.Equal(t, tc.ok, ok)
			require.Equal(t, tc.wantID, m.ConsumerID)
		})
	}
}

func TestProviderDenom(t *testing.T) {
	packet := transferPacket()
	// A consumer token gains the provider end's hop.
	native := transfertypes.ExtractDenomFromPath("ucon")
	want := transfertypes.NewDenom("ucon", transfertypes.NewHop("transfer", transferChannel)).IBCDenom()
	require.Equal(t, want, keeper.ProviderDenom(native, packet))
	require.Regexp(t, "^ibc/[0-9A-F]{64}$", want)
	// A provider token coming back is the provider's own denom again.
	home := transfertypes.ExtractDenomFromPath("transfer/" + consumerTransferChannel + "/stake")
	require.Equal(t, "stake", keeper.ProviderDenom(home, packet))
	// A third chain's voucher coming back is that chain's voucher again.
	third := transfertypes.ExtractDenomFromPath("transfer/" + consumerTransferChannel + "/transfer/channel-0/uatom")
	require.Equal(t, transfertypes.NewDenom("uatom", transfertypes.NewHop("transfer", "channel-0")).IBCDenom(),
		keeper.ProviderDenom(third, packet))
}

func TestRewardsAttribution(t *testing.T) {
	tests := []struct {
		name        string
		memo        func(rf *rewardsFixture) string
		ccvChannel  bool
		attribution string // empty: unattributed
	}{
		{"memo", (*rewardsFixture).rewardMemo, false, keeper.AttributionMemo},
		{"memo with another chain id, no CCV channel", func(rf *rewardsFixture) string {
			return `{"provider":{"consumerId":"` + rf.id + `","chainId":"other-1"}}`
		}, false, ""},
		{"memo with an unknown consumer falls back to the channel", func(*rewardsFixture) string {
			return `{"provider":{"consumerId":"99","chainId":"consumer-1"}}`
		}, true, keeper.AttributionClient},
		{"no memo: the channel's client", func(*rewardsFixture) string { return "" }, true, keeper.AttributionClient},
		{"pre-memo consumer memo: the channel's client", func(*rewardsFixture) string {
			return "consumer chain rewards distribution"
		}, true, keeper.AttributionClient},
		{"malformed memo: the channel's client", func(*rewardsFixture) string { return `{"provider":` }, true, keeper.AttributionClient},
		{"no memo and no CCV channel", func(*rewardsFixture) string { return "" }, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rf := newRewardsFixture(t, 30, 20)
			if tc.ccvChannel {
				require.NoError(t, rf.k.ConsumerChannelID.Set(rf.ctx, rf.id, "channel-7"))
			}
			rf.ctx = rf.ctx.WithEventManager(sdk.NewEventManager())
			rf.receive(500, tc.memo(rf))

			if tc.attribution == "" {
				require.True(t, rf.pending("stake").IsZero(), "nothing is booked")
				reason, ok := eventAttr(rf.ctx, keeper.EventTypeConsumerRewardsUnattributed, keeper.AttributeReason)
				require.True(t, ok, "an event says the transfer was not attributed")
				require.NotEmpty(t, reason)
				return
			}
			require.Equal(t, "500.000000000000000000", rf.pending("stake").String())
			how, ok := eventAttr(rf.ctx, keeper.EventTypeConsumerRewardsReceived, keeper.AttributeAttribution)
			require.True(t, ok)
			require.Equal(t, tc.attribution, how)
			id, _ := eventAttr(rf.ctx, keeper.EventTypeConsumerRewardsReceived, keeper.AttributeConsumerID)
			require.Equal(t, rf.id, id)
		})
	}
}

func TestRewardsReceivedAccumulate(t *testing.T) {
	rf := newRewardsFixture(t, 30, 20)
	rf.receive(500, rf.rewardMemo())
	rf.receive(250, rf.rewardMemo())
	rf.k.OnRewardsReceived(rf.ctx, transferPacket(), transferData("ucon", 7, rf.rewardMemo()))

	alloc, err := rf.k.ConsumerRewardsAllocation.Get(rf.ctx, rf.id)
	require.NoError(t, err)
	voucher := transfertypes.NewDenom("ucon", transfertypes.NewHop("transfer", transferChannel)).IBCDenom()
	require.Equal(t, sdk.NewDecCoins(sdk.NewInt64DecCoin("stake", 750), sdk.NewInt64DecCoin(voucher, 7)), alloc.Rewards)
}
