package keeper

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdktestutil "github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	"github.com/rampart-ics/rampart/x/consumer/types"
)

type attr struct{ key, value string }

// TestEventsWireNames pins, for every consumer event, the type and the
// attributes exactly as emitted: keys, values and order, with the module
// attribute first. The expected names are literals, not the package's
// constants, so that renaming a constant fails here: relayers and
// explorers match on these strings.
func TestEventsWireNames(t *testing.T) {
	cases := []struct {
		name  string
		event Event
		typ   string
		attrs []attr
	}{
		{
			name:  "channel established",
			event: EventChannelEstablished{ChannelID: "channel-0", PortID: "consumer"},
			typ:   "channel_established",
			attrs: []attr{{"channel_id", "channel-0"}, {"port_id", "consumer"}},
		},
		{
			name:  "VSC packet applied",
			event: EventVSCPacketReceived{ValsetUpdateID: 42},
			typ:   "ccv_packet",
			attrs: []attr{{"valset_update_id", "42"}, {"success", "true"}},
		},
		{
			name:  "VSC packet refused",
			event: EventVSCPacketReceived{ValsetUpdateID: 0, Err: errors.New("cannot decode")},
			typ:   "ccv_packet",
			attrs: []attr{{"valset_update_id", "0"}, {"success", "false"}, {"error", "cannot decode"}},
		},
		{
			name:  "result acknowledgement",
			event: EventAcknowledgement{Ack: channeltypes.NewResultAcknowledgement([]byte{1})},
			typ:   "ccv_packet",
			attrs: []attr{
				{"acknowledgement", `result:"\001" `}, // the acknowledgement in proto text form
				{"success", "\x01"},
			},
		},
		{
			name:  "error acknowledgement",
			event: EventAcknowledgement{Ack: channeltypes.Acknowledgement{Response: &channeltypes.Acknowledgement_Error{Error: "ABCI code: 1: error handling packet: see events for details"}}},
			typ:   "ccv_packet",
			attrs: []attr{
				{"acknowledgement", `error:"ABCI code: 1: error handling packet: see events for details" `},
				{"error", "ABCI code: 1: error handling packet: see events for details"},
			},
		},
		{
			name:  "timeout",
			event: EventTimeout{ChannelID: "channel-3"},
			typ:   "timeout",
			attrs: []attr{{"channel_id", "channel-3"}},
		},
		{
			name: "slash request",
			event: EventSlashRequest{
				ValidatorAddress: "cosmosvalcons1abc",
				ValsetUpdateID:   7,
				Infraction:       stakingtypes.Infraction_INFRACTION_DOWNTIME,
				InfractionHeight: 11,
			},
			typ: "consumer_slash_request",
			attrs: []attr{
				{"validator_address", "cosmosvalcons1abc"},
				{"valset_update_id", "7"},
				{"infraction_type", "INFRACTION_DOWNTIME"},
				{"infraction_height", "11"},
			},
		},
		{
			name: "fee distribution",
			event: EventFeeDistribution{
				CurrentHeight: 15, NextHeight: 1015, Fraction: "0.75",
				Total:     sdk.NewCoins(sdk.NewInt64Coin("stake", 10), sdk.NewInt64Coin("utoken", 3)),
				Sent:      sdk.NewCoins(sdk.NewInt64Coin("stake", 10)),
				ChannelID: "channel-4", Memo: "m",
			},
			typ: "fee_distribution",
			attrs: []attr{
				{"current_distribution_height", "15"},
				{"next_distribution_height", "1015"},
				{"distribution_fraction", "0.75"},
				{"total", "10stake,3utoken"},
				{"provider_amount", "10stake"},
				{"channel_id", "channel-4"},
				{"memo", "m"},
			},
		},
		{
			name: "fee distribution with nothing sent",
			event: EventFeeDistribution{
				CurrentHeight: 15, NextHeight: 1015, Fraction: "0.75",
				Total: sdk.NewCoins(), Sent: sdk.NewCoins(), ChannelID: "channel-4", Memo: "m",
			},
			typ: "fee_distribution",
			attrs: []attr{
				{"current_distribution_height", "15"},
				{"next_distribution_height", "1015"},
				{"distribution_fraction", "0.75"},
				{"total", ""},
				{"provider_amount", ""},
				{"channel_id", "channel-4"},
				{"memo", "m"},
			},
		},
		{
			name:  "fee transfer failed",
			event: EventFeeTransferFailed{ChannelID: "channel-4", Amount: sdk.NewInt64Coin("stake", 10), Err: errors.New("send disabled")},
			typ:   "fee_transfer_failed",
			attrs: []attr{{"channel_id", "channel-4"}, {"amount", "10stake"}, {"error", "send disabled"}},
		},
		{
			name:  "fee transfer channel opened",
			event: EventFeeTransferChannelOpened{ChannelID: "channel-4", ConnectionHops: []string{"connection-0"}},
			typ:   "fee_transfer_channel_opened",
			attrs: []attr{{"channel_id", "channel-4"}, {"port_id", "transfer"}, {"connection_id", "connection-0"}},
		},
		{
			name:  "fee transfer channel opened without hops",
			event: EventFeeTransferChannelOpened{ChannelID: "channel-4"},
			typ:   "fee_transfer_channel_opened",
			attrs: []attr{{"channel_id", "channel-4"}, {"port_id", "transfer"}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := eventsTestContext(t)
			emitEvent(ctx, tc.event)
			events := ctx.EventManager().Events()
			require.Len(t, events, 1)
			require.Equal(t, tc.typ, events[0].Type)
			want := append([]attr{{"module", "ccvconsumer"}}, tc.attrs...)
			require.Equal(t, want, attrsOf(events[0]))
		})
	}
}

// TestEventModuleAttribute: the module attribute carries the module name,
// and ToSDKEvent alone does not add it (emitEvent does, exactly once).
func TestEventModuleAttribute(t *testing.T) {
	require.Equal(t, "ccvconsumer", types.ModuleName)
	ev := EventTimeout{ChannelID: "channel-0"}.ToSDKEvent()
	for _, a := range ev.Attributes {
		require.NotEqual(t, sdk.AttributeKeyModule, a.Key)
	}
}

// TestEmitRecvPacket: the IBC module's entry point emits the typed event.
func TestEmitRecvPacket(t *testing.T) {
	ctx := eventsTestContext(t)
	EmitRecvPacket(ctx, 3, nil)
	events := ctx.EventManager().Events()
	require.Len(t, events, 1)
	require.Equal(t, "ccv_packet", events[0].Type)
	require.Equal(t, []attr{{"module", "ccvconsumer"}, {"valset_update_id", "3"}, {"success", "true"}}, attrsOf(events[0]))
}

func eventsTestContext(t *testing.T) sdk.Context {
	t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	return sdktestutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("transient_events_test")).Ctx.
		WithEventManager(sdk.NewEventManager())
}

func attrsOf(e sdk.Event) []attr {
	out := make([]attr, 0, len(e.Attributes))
	for _, a := range e.Attributes {
		out = append(out, attr{a.Key, a.Value})
	}
	return out
}
