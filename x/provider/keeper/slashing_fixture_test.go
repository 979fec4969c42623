package keeper_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	abci "github.com/cometbft/cometbft/abci/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
)

// slashCall is one x/staking slash the provider asked for.
type slashCall struct {
	addr     sdk.ConsAddress
	height   int64
	power    int64
	fraction math.LegacyDec
}

// punishments stands in for x/staking and x/slashing: it keeps each test
// validator's jailed, tombstoned and jail-until state, and the slashes.
type punishments struct {
	f          *fixture
	slashes    []slashCall
	jailedTill map[string]time.Time
	tombstoned map[string]bool
	jailErr    error
}

// mockPunishments wires the staking and slashing calls that punishing makes
// to a small model of the validators' state.
func (f *fixture) mockPunishments() *punishments {
	p := &punishments{f: f, jailedTill: map[string]time.Time{}, tombstoned: map[string]bool{}}
	f.staking.EXPECT().GetValidatorByConsAddr(gomock.Any(), gomock.Any()).DoAndReturn(
		func(_ any, addr sdk.ConsAddress) (stakingtypes.Validator, error) {
			if v := f.validatorByConsAddr(addr); v != nil {
				return v.val, nil
			}
			return stakingtypes.Validator{}, stakingtypes.ErrNoValidatorFound
		}).AnyTimes()
	f.staking.EXPECT().Jail(gomock.Any(), gomock.Any()).DoAndReturn(func(_ any, addr sdk.ConsAddress) error {
		if p.jailErr != nil {
			return p.jailErr
		}
		v := f.validatorByConsAddr(addr)
		if v == nil || v.val.Jailed {
			return errors.New("cannot jail")
		}
		v.val.Jailed = true
		return nil
	}).AnyTimes()
	f.staking.EXPECT().SlashWithInfractionReason(gomock.Any(), gomock.Any(), gomock.Any(), gomock.Any(), gomock.Any(), gomock.Any()).
		DoAndReturn(func(_ any, addr sdk.ConsAddress, height, power int64, fraction math.LegacyDec, _ stakingtypes.Infraction) (math.Int, error) {
			p.slashes = append(p.slashes, slashCall{addr: addr, height: height, power: power, fraction: fraction})
			return fraction.MulInt(sdk.TokensFromConsensusPower(power, sdk.DefaultPowerReduction)).TruncateInt(), nil
		}).AnyTimes()
	f.slashing.EXPECT().JailUntil(gomock.Any(), gomock.Any(), gomock.Any()).DoAndReturn(func(_ any, addr sdk.ConsAddress, t time.Time) error {
		p.jailedTill[addr.String()] = t
		return nil
	}).AnyTimes()
	f.slashing.EXPECT().IsTombstoned(gomock.Any(), gomock.Any()).DoAndReturn(func(_ any, addr sdk.ConsAddress) bool {
		return p.tombstoned[addr.String()]
	}).AnyTimes()
	f.slashing.EXPECT().Tombstone(gomock.Any(), gomock.Any()).DoAndReturn(func(_ any, addr sdk.ConsAddress) error {
		p.tombstoned[addr.String()] = true
		return nil
	}).AnyTimes()
	return p
}

func (f *fixture) validatorByConsAddr(addr sdk.ConsAddress) *testValidator {
	for _, v := range f.validators {
		if v.consAddr.Equals(addr) {
			return v
		}
	}
	return nil
}

// launchedConsumer is a launched consumer with an open channel and the
// punishment model in place.
func launchedConsumer(t testing.TB, powers ...int64) (*fixture, string, *punishments) {
	t.Helper()
	f := newFixture(t, powers...)
	p := f.mockPunishments()
	id := f.createConsumer(genesisTime)
	f.establish(id)
	return f, id, p
}

// downtime builds a downtime slash request for a validator, as a consumer
// sends it.
func downtime(addr sdk.ConsAddress, power int64, vscID uint64) ccv.SlashPacketData {
	return *ccv.NewSlashPacketData(abci.Validator{Address: addr, Power: power}, vscID, stakingtypes.Infraction_INFRACTION_DOWNTIME)
}

// recvSlash delivers a slash request on the consumer's channel the way
// core IBC does: in a cached context, written only on a successful ack.
func (f *fixture) recvSlash(data ccv.SlashPacketData) channeltypes.Acknowledgement {
	f.t.Helper()
	packet := channeltypes.Packet{
		DestinationPort: ccv.ProviderPortID, DestinationChannel: consumerChannel,
		Data: ccv.NewSlashPacket(&data).GetBytes(),
	}
	cacheCtx, write := f.ctx.CacheContext()
	var ack channeltypes.Acknowledgement
	require.NotPanics(f.t, func() {
		a := f.k.OnRecvConsumerPacket(cacheCtx, packet)
		var ok bool
		ack, ok = a.(channeltypes.Acknowledgement)
		require.True(f.t, ok)
	})
	if ack.Success() {
		write()
		f.ctx.EventManager().EmitEvents(cacheCtx.EventManager().Events())
	}
	return ack
}

func (f *fixture) meter() int64 {
	f.t.Helper()
	m, err := f.k.GetSlashMeter(f.ctx)
	require.NoError(f.t, err)
	return m.Int64()
}

func (f *fixture) slashAcks(id string) []string {
	f.t.Helper()
	acks, err := f.k.SlashAcks.Get(f.ctx, id)
	if err != nil {
		return nil
	}
	return acks.Addresses
}

// hasEvent reports whether an event of the type was emitted.
func (f *fixture) hasEvent(eventType string) bool {
	for _, e := range f.ctx.EventManager().Events() {
		if e.Type == eventType {
			return true
		}
	}
	return false
}
