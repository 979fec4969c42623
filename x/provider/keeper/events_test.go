package keeper_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// TestEventsKeepTheirNames pins every event's type and attribute keys, in
// order. Relayers, explorers and indexers match on these strings: the
// incumbent's events must keep its names, and a rename of Rampart's own is a
// breaking change for whoever indexes them.
func TestEventsKeepTheirNames(t *testing.T) {
	spawn := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		event keeper.Event
		want  string // type, then key=value pairs
	}{
		{
			keeper.EventCreateConsumer{ConsumerID: "0", ChainID: "c-1", Owner: "own", SpawnTime: spawn},
			"create_consumer consumer_id=0 consumer_chain_id=c-1 consumer_owner=own consumer_spawn_time=2026-01-02T03:04:05Z",
		},
		{
			keeper.EventUpdateConsumer{ConsumerID: "0", Phase: types.CONSUMER_PHASE_INITIALIZED},
			"update_consumer consumer_id=0 consumer_phase=CONSUMER_PHASE_INITIALIZED",
		},
		{keeper.EventRemoveConsumer{ConsumerID: "0"}, "remove_consumer consumer_id=0"},
		{
			keeper.EventConsumerClientCreated{
				ConsumerID: "0", ChainID: "c-1", ClientID: "07-tendermint-0", InitialHeight: "1-1",
				TrustingPeriod: time.Hour, UnbondingPeriod: 2 * time.Hour,
			},
			"consumer_client_created consumer_id=0 consumer_chain_id=c-1 client_id=07-tendermint-0 initial_height=1-1 trusting_period=1h0m0s unbonding_period=2h0m0s",
		},
		{
			keeper.EventConsumerLaunchFailed{ConsumerID: "0", Err: errors.New("no validators")},
			"consumer_launch_failed consumer_id=0 consumer_phase=CONSUMER_PHASE_REGISTERED reason=no validators",
		},
		{
			keeper.EventConsumerStopped{ConsumerID: "0", Reason: "timeout"},
			"consumer_stopped consumer_id=0 consumer_phase=CONSUMER_PHASE_STOPPED reason=timeout",
		},
		{keeper.EventConsumerDeleted{ConsumerID: "0"}, "consumer_deleted consumer_id=0 consumer_phase=CONSUMER_PHASE_DELETED"},
		{
			keeper.EventChannelEstablished{ConsumerID: "0", ChannelID: "channel-0", ConnectionID: "connection-0", ClientID: "cl"},
			"channel_established consumer_id=0 channel_id=channel-0 connection_id=connection-0 client_id=cl",
		},
		{
			keeper.EventVSCPacketSent{ConsumerID: "0", ChannelID: "channel-0", ValsetUpdateID: 7, Updates: 2},
			"ccv_packet consumer_id=0 channel_id=channel-0 valset_update_id=7 validator_updates=2",
		},
		{keeper.EventAcknowledgement{ConsumerID: "0", ChannelID: "channel-0"}, "packet consumer_id=0 channel_id=channel-0 success=true"},
		{keeper.EventAcknowledgement{ConsumerID: "0", ChannelID: "channel-0", AckError: "bad"}, "packet consumer_id=0 channel_id=channel-0 error=bad"},
		{keeper.EventTimeout{ConsumerID: "0", ChannelID: "channel-0"}, "timeout consumer_id=0 channel_id=channel-0"},
		{
			keeper.EventAssignConsumerKey{ConsumerID: "0", ChainID: "c-1", Validator: "val", ConsumerKey: "key"},
			"assign_consumer_key consumer_id=0 consumer_chain_id=c-1 provider_validator_address=val consumer_consensus_pub_key=key",
		},
		{
			keeper.EventOptIn{ConsumerID: "0", ChainID: "c-1", Validator: "val", ConsumerKey: "key"},
			"opt_in consumer_id=0 consumer_chain_id=c-1 provider_validator_address=val consumer_consensus_pub_key=key",
		},
		{
			keeper.EventOptOut{ConsumerID: "0", ChainID: "c-1", Validator: "val", Submitter: "sub"},
			"opt_out consumer_id=0 consumer_chain_id=c-1 provider_validator_address=val submitter_address=sub",
		},
		{
			keeper.EventSetConsumerCommissionRate{ConsumerID: "0", ChainID: "c-1", Validator: "val", Rate: "0.1"},
			"set_consumer_commission_rate consumer_id=0 consumer_chain_id=c-1 provider_validator_address=val consumer_commission_rate=0.1",
		},
		{
			keeper.EventExecuteConsumerChainSlash{
				ConsumerID: "0", ProviderAddr: "p", ConsumerAddr: "c", Infraction: "INFRACTION_DOWNTIME",
				InfractionHeight: 5, ValsetUpdateID: 3,
			},
			"execute_consumer_chain_slash validator_address=p infraction_type=INFRACTION_DOWNTIME infraction_height=5 valset_update_id=3 consumer_id=0 validator_consumer_address=c",
		},
		{
			keeper.EventSlashPacketBounced{ConsumerID: "0", ConsumerAddr: "c", Meter: "-5"},
			"slash_packet_bounced consumer_id=0 validator_consumer_address=c slash_meter=-5",
		},
		{
			keeper.EventSlashPacketIgnored{ConsumerID: "0", ConsumerAddr: "c", Infraction: "INFRACTION_DOWNTIME", Reason: "jailed"},
			"slash_packet_ignored consumer_id=0 validator_consumer_address=c infraction_type=INFRACTION_DOWNTIME reason=jailed",
		},
		{
			keeper.EventInfractionParamsQueued{ConsumerID: "0", ApplyTime: spawn, Cancelled: true},
			"infraction_parameters_queued consumer_id=0 apply_time=2026-01-02T03:04:05Z cancelled=true",
		},
		{keeper.EventInfractionParamsApplied{ConsumerID: "0"}, "infraction_parameters_applied consumer_id=0"},
		{
			keeper.EventSubmitConsumerDoubleVoting{
				ConsumerID: "0", ChainID: "c-1", Submitter: "sub",
				Vote: keeper.DoubleVote{ConsumerAddr: []byte{1}, Height: 9, Key: []byte{0xab}}, ProviderAddr: "p",
			},
			"submit_consumer_double_voting consumer_id=0 consumer_chain_id=c-1 submitter_address=sub evidence_hash=ab consumer_infraction_address=" +
				keeper.DoubleVote{ConsumerAddr: []byte{1}}.ConsumerAddr.String() + " infraction_height=9 provider_validator_address=p",
		},
		{
			keeper.EventSubmitConsumerMisbehaviour{
				ConsumerID: "0", ChainID: "c-1", Submitter: "sub",
				Attack: keeper.LightClientAttack{ClientID: "cl", Height: 4, Key: []byte{0xcd}}, Punished: []string{"p1", "p2"},
			},
			"submit_consumer_misbehaviour consumer_id=0 consumer_chain_id=c-1 submitter_address=sub evidence_hash=cd misbehaviour_client_id=cl misbehaviour_height=4 punished_provider_addresses=p1,p2",
		},
		{
			keeper.EventPunishment{Record: exttypes.Punishment{
				Sequence: 1, ConsumerId: "0", ConsumerChainId: "c-1", ProviderAddress: "p",
				ConsumerAddress: "c", OperatorAddress: "op", Infraction: exttypes.INFRACTION_KIND_DOWNTIME, InfractionHeight: 3,
				SlashFraction: math.LegacyNewDecWithPrec(1, 2), SlashedTokens: math.NewInt(10), JailedUntil: spawn, Tombstoned: false,
			}},
			"consumer_punishment sequence=1 consumer_id=0 consumer_chain_id=c-1 provider_validator_address=p consumer_validator_address=c operator_address=op infraction=" +
				exttypes.INFRACTION_KIND_DOWNTIME.String() + " infraction_height=3 slash_fraction=0.010000000000000000 slashed_tokens=10 jailed_until=2026-01-02T03:04:05Z tombstoned=false",
		},
		{
			keeper.EventChangeRewardDenoms{Added: []string{"a", "b"}, Removed: []string{"c"}},
			"change_consumer_reward_denom add_consumer_reward_denom=a,b remove_consumer_reward_denom=c",
		},
		{
			keeper.EventRewardsReceived{ConsumerID: "0", Denom: "ibc/X", Amount: math.NewInt(5), Attribution: "memo", DestChannel: "channel-1"},
			"consumer_rewards_received consumer_id=0 denom=ibc/X amount=5 attribution=memo destination_channel=channel-1",
		},
		{
			keeper.EventRewardsUnattributed{Denom: "ibc/X", Amount: "5", DestChannel: "channel-1", Reason: "unknown"},
			"consumer_rewards_unattributed denom=ibc/X amount=5 destination_channel=channel-1 reason=unknown",
		},
		{
			keeper.EventDistributedRewards{
				ConsumerID: "0", Denom: "ibc/X", Validators: math.NewInt(9), CommunityPool: math.NewInt(1),
				Pending: math.LegacyNewDec(2),
			},
			"distributed_ics_rewards consumer_id=0 denom=ibc/X amount=10 validators_amount=9 community_pool_amount=1 pending_amount=2.000000000000000000",
		},
		{
			keeper.EventRewardsAllocationFailed{ConsumerID: "0", Denom: "ibc/X", Err: errors.New("boom")},
			"consumer_rewards_allocation_failed consumer_id=0 denom=ibc/X reason=boom",
		},
	}
	for _, tc := range tests {
		ev := tc.event.ToSDKEvent()
		parts := []string{ev.Type}
		for _, a := range ev.Attributes {
			parts = append(parts, a.Key+"="+a.Value)
		}
		require.Equal(t, tc.want, strings.Join(parts, " "))
	}
}
