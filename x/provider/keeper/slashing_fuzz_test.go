package keeper_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	abci "github.com/cometbft/cometbft/abci/types"
	cmttypes "github.com/cometbft/cometbft/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
)

// FuzzOnRecvConsumerPacket: whatever bytes a consumer sends, the provider
// answers with a well-formed acknowledgement and never panics; a success
// carries byte 1, 2 or 3; anything that does not decode to a valid packet
// gets an error; a bounce changes nothing; the meter stays in bounds.
// Seeds: testdata/fuzz/FuzzOnRecvConsumerPacket.
func FuzzOnRecvConsumerPacket(f *testing.F) {
	fx := newFuzzFixture(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fx.isolate(t)()
		checkConsumerPacket(t, fx.fixture, data)
	})
}

// fuzzFixture is one launched consumer shared by all inputs of a target;
// isolate runs each input on a cached copy of the state with a fresh
// validator model, and points the fixture's mocks at the input's t.
type fuzzFixture struct {
	*fixture
	tb *fuzzTB
	p  *punishments
}

func newFuzzFixture(f *testing.F) *fuzzFixture {
	f.Helper()
	tb := &fuzzTB{TB: f}
	fx, _, p := launchedConsumer(tb, 30, 20, 10)
	return &fuzzFixture{fixture: fx, tb: tb, p: p}
}

func (fx *fuzzFixture) isolate(t *testing.T) (restore func()) {
	t.Helper()
	ctx := fx.ctx
	fx.ctx, _ = ctx.CacheContext()
	fx.tb.cur = t
	return func() {
		fx.tb.cur = nil
		fx.ctx = ctx
		for _, v := range fx.validators {
			v.val.Jailed = false
		}
		fx.p.slashes, fx.p.jailedTill, fx.p.tombstoned = nil, map[string]time.Time{}, map[string]bool{}
	}
}

// fuzzTB reports to the input being run: testing.F refuses Helper and
// failures inside the fuzz target, and gomock calls both.
type fuzzTB struct {
	testing.TB
	cur *testing.T
}

func (tb *fuzzTB) target() testing.TB {
	if tb.cur != nil {
		return tb.cur
	}
	return tb.TB
}

func (tb *fuzzTB) Helper()                      { tb.target().Helper() }
func (tb *fuzzTB) Errorf(f string, args ...any) { tb.target().Errorf(f, args...) }
func (tb *fuzzTB) Fatalf(f string, args ...any) { tb.target().Fatalf(f, args...) }
func (tb *fuzzTB) Error(args ...any)            { tb.target().Error(args...) }
func (tb *fuzzTB) Fatal(args ...any)            { tb.target().Fatal(args...) }
func (tb *fuzzTB) FailNow()                     { tb.target().FailNow() }
func (tb *fuzzTB) Logf(f string, args ...any)   { tb.target().Logf(f, args...) }

// FuzzOnRecvSlashPacket drives the handling itself with well-formed slash
// packets in both wire forms: any address (a provider validator's when
// validator is 1..3), power, valset update id, infraction and meter.
// Seeds: testdata/fuzz/FuzzOnRecvSlashPacket.
func FuzzOnRecvSlashPacket(f *testing.F) {
	fx := newFuzzFixture(f)
	f.Fuzz(func(t *testing.T, validator uint8, addr []byte, power int64, vscID uint64, infraction int32, v1 bool, meter int64) {
		defer fx.isolate(t)()
		if i := int(validator); i >= 1 && i <= len(fx.validators) {
			addr = fx.validators[i-1].consAddr
		}
		require.NoError(t, fx.k.SlashMeter.Set(fx.ctx, math.NewInt(meter%1000)))
		data := ccv.NewSlashPacketData(abci.Validator{Address: addr, Power: power}, vscID, stakingtypes.Infraction(infraction))
		bz := ccv.NewSlashPacket(data).GetBytes() // V1 names
		if !v1 {
			current, err := ccv.ModuleCdc.MarshalJSON(&ccv.ConsumerPacketData{
				Type: ccv.SlashPacket, Data: &ccv.ConsumerPacketData_SlashPacketData{SlashPacketData: data},
			})
			if err != nil {
				t.Skip("not encodable in the current form")
			}
			bz = current
		}
		checkConsumerPacket(t, fx.fixture, bz)
	})
}

func checkConsumerPacket(t *testing.T, fx *fixture, data []byte) {
	t.Helper()
	before, err := fx.k.ExportGenesis(fx.ctx)
	require.NoError(t, err)
	packet := channeltypes.Packet{DestinationPort: ccv.ProviderPortID, DestinationChannel: consumerChannel, Data: data}
	var ack channeltypes.Acknowledgement
	require.NotPanics(t, func() {
		a := fx.k.OnRecvConsumerPacket(fx.ctx, packet)
		var ok bool
		ack, ok = a.(channeltypes.Acknowledgement)
		require.True(t, ok)
	})
	require.NoError(t, ack.ValidateBasic())

	decoded, decodeErr := ccv.UnmarshalConsumerPacketData(data)
	if decodeErr != nil || decoded.Validate() != nil {
		require.False(t, ack.Success(), "invalid packet data must get an error ack")
		return
	}
	if !ack.Success() {
		return
	}
	result := ack.GetResult()
	require.Contains(t, [][]byte{ccv.V1Result, ccv.SlashPacketHandledResult, ccv.SlashPacketBouncedResult}, result)
	meter, err := fx.k.SlashMeter.Get(fx.ctx)
	require.NoError(t, err)
	require.True(t, meter.Abs().LTE(math.NewInt(cmttypes.MaxTotalVotingPower)))
	if bytes.Equal(result, ccv.SlashPacketBouncedResult) {
		after, err := fx.k.ExportGenesis(fx.ctx)
		require.NoError(t, err)
		require.Equal(t, before, after, "a bounce changes nothing")
	}
}

// BenchmarkOnRecvSlashPacket measures slash packet handling, decoding
// included, each packet in a cached context as core IBC delivers it. The
// store is real; x/staking and x/slashing are the fixture's models.
//   - bounced: the meter is negative (a flood being refused);
//   - acknowledged: the validator is already jailed (a flood of repeats);
//   - jailed: the whole punishment path (the jailing is discarded after
//     each packet so that every packet jails).
func BenchmarkOnRecvSlashPacket(b *testing.B) {
	cases := []struct {
		name  string
		setup func(fx *fixture)
		keep  bool // write each packet's state
	}{
		{"bounced", func(fx *fixture) { require.NoError(b, fx.k.SlashMeter.Set(fx.ctx, math.NewInt(-1))) }, true},
		{"acknowledged", func(fx *fixture) { fx.validators[0].val.Jailed = true }, true},
		{"jailed", func(*fixture) {}, false},
	}
	for _, bc := range cases {
		b.Run(bc.name, func(b *testing.B) {
			fx, _, _ := launchedConsumer(b, 30, 20, 10)
			bc.setup(fx)
			val := fx.validators[0]
			data := downtime(val.consAddr, val.power, 0)
			packet := channeltypes.Packet{
				DestinationPort: ccv.ProviderPortID, DestinationChannel: consumerChannel,
				Data: ccv.NewSlashPacket(&data).GetBytes(),
			}
			b.ResetTimer()
			for b.Loop() {
				cacheCtx, write := fx.ctx.CacheContext()
				if !fx.k.OnRecvConsumerPacket(cacheCtx, packet).Success() {
					b.Fatal("error acknowledgement")
				}
				if bc.keep {
					write()
				} else {
					val.val.Jailed = false
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "packets/s")
		})
	}
}
