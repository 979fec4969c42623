package keeper_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/exttypes"
	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// TestOnRecvSlashPacket walks every branch of slash packet handling. The
// provider has validators of power 30, 20 and 10 (allowance 3) and one
// launched consumer; slash requests name validator 0 (power 30) unless the
// case says otherwise.
func TestOnRecvSlashPacket(t *testing.T) {
	const vscID = 5
	type want struct {
		errCode  uint32 // error ack with this ABCI code; 0: success
		result   []byte
		jailed   bool
		meter    int64 // after the packet; the meter starts at 3
		slashAck bool
		records  int // punishment records
	}
	tests := []struct {
		name     string
		malleate func(f *fixture, id string, p *punishments, data *ccv.SlashPacketData)
		want     want
	}{
		{
			name:     "downtime jails the validator and takes its power off the meter",
			malleate: func(*fixture, string, *punishments, *ccv.SlashPacketData) {},
			want:     want{result: ccv.SlashPacketHandledResult, jailed: true, meter: 3 - 30, slashAck: true, records: 1},
		},
		{
			name:     "zero power is invalid",
			malleate: func(_ *fixture, _ string, _ *punishments, d *ccv.SlashPacketData) { d.Validator.Power = 0 },
			want:     want{errCode: ccv.ErrInvalidPacketData.ABCICode(), meter: 3},
		},
		{
			name:     "negative power is invalid",
			malleate: func(_ *fixture, _ string, _ *punishments, d *ccv.SlashPacketData) { d.Validator.Power = -30 },
			want:     want{errCode: ccv.ErrInvalidPacketData.ABCICode(), meter: 3},
		},
		{
			name:     "empty address is invalid",
			malleate: func(_ *fixture, _ string, _ *punishments, d *ccv.SlashPacketData) { d.Validator.Address = nil },
			want:     want{errCode: ccv.ErrInvalidPacketData.ABCICode(), meter: 3},
		},
		{
			name:     "unknown valset update id",
			malleate: func(_ *fixture, _ string, _ *punishments, d *ccv.SlashPacketData) { d.ValsetUpdateId = 99 },
			want:     want{errCode: types.ErrUnknownValsetUpdateID.ABCICode(), meter: 3},
		},
		{
			name: "double signing is only acknowledged",
			malleate: func(_ *fixture, _ string, _ *punishments, d *ccv.SlashPacketData) {
				d.Infraction = stakingtypes.Infraction_INFRACTION_DOUBLE_SIGN
			},
			want: want{result: ccv.V1Result, meter: 3},
		},
		{
			name: "a stopped consumer's request is acknowledged without punishment",
			malleate: func(f *fixture, id string, _ *punishments, _ *ccv.SlashPacketData) {
				require.NoError(f.t, f.k.StopConsumer(f.ctx, id))
			},
			want: want{result: ccv.SlashPacketHandledResult, meter: 3, slashAck: true},
		},
		{
			name: "a validator outside the consumer's set is not punished",
			malleate: func(f *fixture, _ string, _ *punishments, d *ccv.SlashPacketData) {
				d.Validator.Address = sdk.ConsAddress("not_a_validator_____")
			},
			want: want{result: ccv.SlashPacketHandledResult, meter: 3, slashAck: true},
		},
		{
			name: "a negative meter bounces the request and stores nothing",
			malleate: func(f *fixture, _ string, _ *punishments, _ *ccv.SlashPacketData) {
				require.NoError(f.t, f.k.SlashMeter.Set(f.ctx, math.NewInt(-1)))
			},
			want: want{result: ccv.SlashPacketBouncedResult, meter: -1},
		},
		{
			name: "a meter at zero still lets one request through",
			malleate: func(f *fixture, _ string, _ *punishments, _ *ccv.SlashPacketData) {
				require.NoError(f.t, f.k.SlashMeter.Set(f.ctx, math.ZeroInt()))
			},
			want: want{result: ccv.SlashPacketHandledResult, jailed: true, meter: -30, slashAck: true, records: 1},
		},
		{
			name: "an already jailed validator is acknowledged, not punished twice",
			malleate: func(f *fixture, _ string, _ *punishments, _ *ccv.SlashPacketData) {
				f.validators[0].val.Jailed = true
			},
			want: want{result: ccv.SlashPacketHandledResult, jailed: true, meter: 3, slashAck: true},
		},
		{
			name: "a tombstoned validator is acknowledged, not punished",
			malleate: func(f *fixture, _ string, p *punishments, _ *ccv.SlashPacketData) {
				p.tombstoned[f.validators[0].consAddr.String()] = true
			},
			want: want{result: ccv.SlashPacketHandledResult, meter: 3 - 30, slashAck: true},
		},
		{
			name: "an unbonded validator is acknowledged, not punished",
			malleate: func(f *fixture, _ string, _ *punishments, _ *ccv.SlashPacketData) {
				f.validators[0].val.Status = stakingtypes.Unbonded
			},
			want: want{result: ccv.SlashPacketHandledResult, meter: 3 - 30, slashAck: true},
		},
		{
			name: "a failure while punishing bounces the request and undoes everything",
			malleate: func(_ *fixture, _ string, p *punishments, _ *ccv.SlashPacketData) {
				p.jailErr = errors.New("staking refuses")
			},
			want: want{result: ccv.SlashPacketBouncedResult, meter: 3},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, id, p := launchedConsumer(t, 30, 20, 10)
			require.NoError(t, f.k.ValsetUpdateIDToHeight.Set(f.ctx, vscID, 1))
			f.nextBlock()
			val := f.validators[0]
			data := downtime(val.consAddr, val.power, vscID)
			tc.malleate(f, id, p, &data)

			ack := f.recvSlash(data)
			if tc.want.errCode != 0 {
				require.False(t, ack.Success())
				require.Contains(t, ack.GetError(), fmt.Sprintf("ABCI code: %d:", tc.want.errCode))
			} else {
				require.True(t, ack.Success(), ack.GetError())
				require.Equal(t, tc.want.result, ack.GetResult())
			}
			require.Equal(t, tc.want.jailed, val.val.Jailed, "jailed")
			require.Equal(t, tc.want.meter, f.meter(), "slash meter")
			if tc.want.slashAck {
				require.Equal(t, []string{f.k.SlashAckAddrForTest(sdk.ConsAddress(data.Validator.Address))}, f.slashAcks(id))
			} else {
				require.Empty(t, f.slashAcks(id))
			}
			records := 0
			require.NoError(t, f.k.Punishments.Walk(f.ctx, nil, func(uint64, exttypes.Punishment) (bool, error) {
				records++
				return false, nil
			}))
			require.Equal(t, tc.want.records, records, "punishment records")
			require.Equal(t, tc.want.records > 0, f.hasEvent(keeper.EventTypeExecuteConsumerChainSlash))
			require.Equal(t, tc.want.records > 0, f.hasEvent(keeper.EventTypePunishment))
		})
	}
}

// TestSlashPacketPunishment checks what the punishment is: the consumer's
// downtime parameters, the power in the packet, the infraction height the
// valset update id maps to, and the record.
func TestSlashPacketPunishment(t *testing.T) {
	f, id, p := launchedConsumer(t, 30, 20, 10)
	params, err := f.k.ConsumerInfractionParams.Get(f.ctx, id)
	require.NoError(t, err)
	params.Downtime = &types.SlashJailParameters{SlashFraction: math.LegacyNewDecWithPrec(1, 2), JailDuration: time.Hour}
	require.NoError(t, f.k.ConsumerInfractionParams.Set(f.ctx, id, params))
	initHeight, err := f.k.InitChainHeight.Get(f.ctx, id)
	require.NoError(t, err)
	f.nextBlock()
	f.nextBlock()

	val := f.validators[1]
	ack := f.recvSlash(downtime(val.consAddr, 17, 0)) // vscID 0: the consumer's first set
	require.Equal(t, ccv.SlashPacketHandledResult, ack.GetResult())
	require.Equal(t, []slashCall{{addr: val.consAddr, height: int64(initHeight), power: 17, fraction: math.LegacyNewDecWithPrec(1, 2)}}, p.slashes)
	require.Equal(t, f.ctx.BlockTime().Add(time.Hour), p.jailedTill[val.consAddr.String()])
	require.False(t, p.tombstoned[val.consAddr.String()], "downtime never tombstones")
	require.Equal(t, int64(3-20), f.meter(), "the meter loses the validator's power, not the packet's")

	rec, err := f.k.Punishments.Get(f.ctx, 1)
	require.NoError(t, err)
	require.Equal(t, exttypes.INFRACTION_KIND_DOWNTIME, rec.Infraction)
	require.Equal(t, id, rec.ConsumerId)
	require.Equal(t, val.consAddr.String(), rec.ProviderAddress)
	require.Equal(t, int64(initHeight), rec.InfractionHeight)
}

// TestSlashPacketAssignedKey: a consumer address that a validator assigned
// resolves to that validator; the slash ack names the consumer address.
func TestSlashPacketAssignedKey(t *testing.T) {
	f, id, _ := launchedConsumer(t, 30, 20, 10)
	consumerAddr := sdk.ConsAddress("assigned_consumer_k1")
	val := f.validators[2]
	require.NoError(t, f.k.ValidatorsByConsumerAddr.Set(f.ctx, collections.Join(id, []byte(consumerAddr)), val.consAddr))

	ack := f.recvSlash(downtime(consumerAddr, 10, 0))
	require.Equal(t, ccv.SlashPacketHandledResult, ack.GetResult())
	require.True(t, val.val.Jailed)
	require.Equal(t, []string{f.k.SlashAckAddrForTest(consumerAddr)}, f.slashAcks(id))
	require.Contains(t, f.slashAcks(id)[0], "cosmosvalcons1", "acks carry the provider's prefix")
}

// TestSlashAcksGoOutWithTheNextVSC: acks are attached to the next epoch's
// VSC packet, even one without validator changes, and are consumed.
func TestSlashAcksGoOutWithTheNextVSC(t *testing.T) {
	f, id, _ := launchedConsumer(t, 30, 20, 10)
	f.channels.sent = nil
	// Two requests for the same validator yield one ack; the validator
	// outside the set is acknowledged too.
	f.recvSlash(downtime(f.validators[0].consAddr, 30, 0))
	f.recvSlash(downtime(f.validators[0].consAddr, 30, 0))
	f.recvSlash(downtime(sdk.ConsAddress("not_a_validator_____"), 5, 0))
	want := []string{
		f.k.SlashAckAddrForTest(f.validators[0].consAddr),
		f.k.SlashAckAddrForTest(sdk.ConsAddress("not_a_validator_____")),
	}
	require.Equal(t, want, f.slashAcks(id))

	// The mock staking keeper keeps the jailed validator's power, so the
	// set does not change: the packet carries only the acks.
	f.ctx = f.ctx.WithBlockHeight(10)
	_, err := f.k.EndBlock(f.ctx)
	require.NoError(t, err)
	require.Len(t, f.channels.sent, 1)
	vsc := decodeVSC(t, f.channels.sent[0].data)
	require.Empty(t, vsc.ValidatorUpdates)
	require.Equal(t, want, vsc.SlashAcks)
	require.Empty(t, f.slashAcks(id), "acks are sent once")

	f.channels.sent = nil
	f.ctx = f.ctx.WithBlockHeight(20)
	_, err = f.k.EndBlock(f.ctx)
	require.NoError(t, err)
	require.Empty(t, f.channels.sent, "nothing to send without changes or acks")
}

// TestDeleteConsumerDropsSlashState: deletion forgets pending acks and a
// queued parameter change.
func TestDeleteConsumerDropsSlashState(t *testing.T) {
	f, id, _ := launchedConsumer(t, 30, 20, 10)
	f.recvSlash(downtime(f.validators[0].consAddr, 30, 0))
	update := types.InfractionParameters{Downtime: &types.SlashJailParameters{SlashFraction: math.LegacyZeroDec(), JailDuration: time.Hour}}
	_, err := f.msgServer().UpdateConsumer(f.ctx, &types.MsgUpdateConsumer{Owner: ownerAddr, ConsumerId: id, InfractionParameters: &update})
	require.NoError(t, err)
	require.NotEmpty(t, f.slashAcks(id))

	f.channels.MockChannelKeeper.EXPECT().ChanCloseInit(gomockAny, ccv.ProviderPortID, consumerChannel).Return(nil).AnyTimes()
	require.NoError(t, f.k.StopConsumer(f.ctx, id))
	require.NoError(t, f.k.DeleteConsumer(f.ctx, id))
	require.Empty(t, f.slashAcks(id))
	has, err := f.k.QueuedInfractionParams.Has(f.ctx, id)
	require.NoError(t, err)
	require.False(t, has)
	empty := true
	require.NoError(t, f.k.InfractionParamsQueue.Walk(f.ctx, nil, func(collections.Pair[time.Time, string]) (bool, error) {
		empty = false
		return true, nil
	}))
	require.True(t, empty)
}
