package keeper_test

import (
	"context"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	"cosmossdk.io/collections"
	corestore "cosmossdk.io/core/store"
	"cosmossdk.io/math"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	"github.com/rampart-ics/rampart/x/provider"
	"github.com/rampart-ics/rampart/x/provider/keeper"
	ptestutil "github.com/rampart-ics/rampart/x/provider/testutil"
	"github.com/rampart-ics/rampart/x/provider/types"
)

const (
	providerChainID = "provider-1"
	unbondingPeriod = 21 * 24 * time.Hour
)

var (
	genesisTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	govAddr     = authtypes.NewModuleAddress("gov").String()
	ownerAddr   = sdk.AccAddress("owner_______________").String()
	otherAddr   = sdk.AccAddress("other_______________").String()
)

// testValidator is a bonded provider validator with a fixed power.
type testValidator struct {
	val      stakingtypes.Validator
	valAddr  sdk.ValAddress
	consAddr sdk.ConsAddress
	power    int64
}

// fixture is a provider keeper on a real store, with mocked neighbours.
type fixture struct {
	t          testing.TB
	ctx        sdk.Context
	k          *keeper.Keeper
	staking    *ptestutil.MockStakingKeeper
	slashing   *ptestutil.MockSlashingKeeper
	clients    *ptestutil.MockClientKeeper
	conns      *ptestutil.MockConnectionKeeper
	channels   *mockChannelKeeper
	accounts   *ptestutil.MockAccountKeeper
	bank       *ptestutil.MockBankKeeper
	distr      *ptestutil.MockDistributionKeeper
	validators []*testValidator
	// byValAddr finds a validator by operator address, so that the staking
	// stand-in's per-validator lookups do not make benchmarks quadratic.
	byValAddr map[string]*testValidator
	// cms is the store under ctx; benchmarks commit it between blocks.
	cms storetypes.CommitMultiStore
	// storeKey is the provider's store, for tests that corrupt it.
	storeKey *storetypes.KVStoreKey
	// writes counts the keeper's store writes.
	writes *writeCounter
	// powerErr, when set, is the staking stand-in's answer to every last
	// power query.
	powerErr error
}

// writeCounter counts the Set and Delete calls the keeper makes, by the
// collection prefix (first key byte) they write under.
type writeCounter struct {
	corestore.KVStoreService
	byPrefix map[byte]int
}

func (w *writeCounter) OpenKVStore(ctx context.Context) corestore.KVStore {
	return countingStore{w.KVStoreService.OpenKVStore(ctx), w}
}

// count returns how many writes went under a collection's prefix since the
// last reset.
func (w *writeCounter) count(prefix collections.Prefix) int { return w.byPrefix[prefix.Bytes()[0]] }

func (w *writeCounter) reset() { clear(w.byPrefix) }

type countingStore struct {
	corestore.KVStore
	w *writeCounter
}

func (s countingStore) Set(key, value []byte) error {
	s.w.byPrefix[key[0]]++
	return s.KVStore.Set(key, value)
}

func (s countingStore) Delete(key []byte) error {
	s.w.byPrefix[key[0]]++
	return s.KVStore.Delete(key)
}

// mockChannelKeeper is the channel keeper and the ICS4 wrapper in one, as
// in the app.
type mockChannelKeeper struct {
	*ptestutil.MockChannelKeeper
	*mockICS4Wrapper
}

func newFixture(t testing.TB, powers ...int64) *fixture {
	t.Helper()
	ctrl := gomock.NewController(t)
	key := storetypes.NewKVStoreKey(types.StoreKey)
	tctx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("transient_test"))
	enc := moduletestutil.MakeTestEncodingConfig(provider.AppModule{})

	f := &fixture{
		t:        t,
		staking:  ptestutil.NewMockStakingKeeper(ctrl),
		slashing: ptestutil.NewMockSlashingKeeper(ctrl),
		clients:  ptestutil.NewMockClientKeeper(ctrl),
		conns:    ptestutil.NewMockConnectionKeeper(ctrl),
		channels: &mockChannelKeeper{ptestutil.NewMockChannelKeeper(ctrl), &mockICS4Wrapper{}},
		accounts: ptestutil.NewMockAccountKeeper(ctrl),
		bank:     ptestutil.NewMockBankKeeper(ctrl),
		distr:    ptestutil.NewMockDistributionKeeper(ctrl),
	}
	f.accounts.EXPECT().AddressCodec().Return(addresscodec.NewBech32Codec("cosmos")).AnyTimes()
	f.staking.EXPECT().ValidatorAddressCodec().Return(addresscodec.NewBech32Codec("cosmosvaloper")).AnyTimes()
	f.staking.EXPECT().ConsensusAddressCodec().Return(addresscodec.NewBech32Codec("cosmosvalcons")).AnyTimes()
	f.staking.EXPECT().UnbondingTime(gomock.Any()).Return(unbondingPeriod, nil).AnyTimes()
	f.staking.EXPECT().GetBondedValidatorsByPower(gomock.Any()).DoAndReturn(f.bondedByPower).AnyTimes()
	f.staking.EXPECT().GetLastValidatorPower(gomock.Any(), gomock.Any()).DoAndReturn(f.lastPower).AnyTimes()
	f.staking.EXPECT().GetLastTotalPower(gomock.Any()).DoAndReturn(f.totalPower).AnyTimes()
	f.slashing.EXPECT().SlashFractionDoubleSign(gomock.Any()).Return(math.LegacyNewDecWithPrec(5, 2), nil).AnyTimes()
	f.slashing.EXPECT().DowntimeJailDuration(gomock.Any()).Return(10*time.Minute, nil).AnyTimes()

	f.cms, f.storeKey = tctx.CMS, key
	f.writes = &writeCounter{KVStoreService: runtime.NewKVStoreService(key), byPrefix: map[byte]int{}}
	f.k = keeper.NewKeeper(enc.Codec, f.writes, f.clients, f.conns, f.channels,
		f.staking, f.slashing, f.accounts, f.bank, f.distr, govAddr)
	f.ctx = tctx.Ctx.WithChainID(providerChainID).WithBlockHeight(1).WithBlockTime(genesisTime).
		WithBlockHeader(cmtproto.Header{ChainID: providerChainID, Height: 1, Time: genesisTime, AppHash: make([]byte, 32), NextValidatorsHash: make([]byte, 32)})
	for i, p := range powers {
		f.addValidator(i+1, p)
	}
	f.k.InitGenesis(f.ctx, types.DefaultGenesisState())
	return f
}

// addValidator adds a bonded validator whose key derives from seed. Seeds
// below 256 keep the one-byte secrets (and keys) tests were written with;
// larger ones, for benchmarks with many validators, take two bytes.
func (f *fixture) addValidator(seed int, power int64) *testValidator {
	secret := []byte{byte(seed)}
	if seed > 255 {
		secret = []byte{byte(seed >> 8), byte(seed)}
	}
	pk := ed25519.GenPrivKeyFromSecret(secret).PubKey()
	valAddr := sdk.ValAddress(pk.Address())
	val, err := stakingtypes.NewValidator(valAddr.String(), pk, stakingtypes.Description{Moniker: string(rune(byte('a' + seed)))})
	require.NoError(f.t, err)
	val.Status = stakingtypes.Bonded
	val.Tokens = sdk.TokensFromConsensusPower(power, sdk.DefaultPowerReduction)
	tv := &testValidator{val: val, valAddr: valAddr, consAddr: sdk.ConsAddress(pk.Address()), power: power}
	f.validators = append(f.validators, tv)
	if f.byValAddr == nil {
		f.byValAddr = make(map[string]*testValidator)
	}
	f.byValAddr[string(valAddr)] = tv
	return tv
}

func (f *fixture) bondedByPower(_ any) ([]stakingtypes.Validator, error) {
	vals := make([]*testValidator, 0, len(f.validators))
	for _, v := range f.validators {
		if v.power > 0 {
			vals = append(vals, v)
		}
	}
	sort.SliceStable(vals, func(i, j int) bool { return vals[i].power > vals[j].power })
	out := make([]stakingtypes.Validator, len(vals))
	for i, v := range vals {
		out[i] = v.val
	}
	return out, nil
}

func (f *fixture) lastPower(_ any, addr sdk.ValAddress) (int64, error) {
	if f.powerErr != nil {
		return 0, f.powerErr
	}
	if v, ok := f.byValAddr[string(addr)]; ok {
		return v.power, nil
	}
	return 0, nil
}

func (f *fixture) totalPower(_ any) (math.Int, error) {
	var total int64
	for _, v := range f.validators {
		total += max(v.power, 0)
	}
	return math.NewInt(total), nil
}

// nextBlock moves the context to the next block, a few seconds later.
func (f *fixture) nextBlock() {
	h := f.ctx.BlockHeight() + 1
	now := f.ctx.BlockTime().Add(5 * time.Second)
	header := f.ctx.BlockHeader()
	header.Height, header.Time = h, now
	f.ctx = f.ctx.WithBlockHeight(h).WithBlockTime(now).WithBlockHeader(header)
}

func (f *fixture) msgServer() types.MsgServer { return keeper.NewMsgServerImpl(f.k) }

func validMetadata() types.ConsumerMetadata {
	return types.ConsumerMetadata{Name: "chain", Description: "a consumer", Metadata: "{}"}
}

// createConsumer registers a consumer owned by ownerAddr with the given
// spawn time (zero: not scheduled), and opts every validator with power in
// to it, so that it is secured by the whole provider set.
func (f *fixture) createConsumer(spawnTime time.Time) string {
	f.t.Helper()
	id := f.createOptInConsumer(spawnTime)
	for _, v := range f.validators {
		if v.power > 0 {
			require.NoError(f.t, f.k.SetOptedIn(f.ctx, id, v.consAddr))
		}
	}
	return id
}

// createOptInConsumer registers a consumer like createConsumer, without
// opting anybody in.
func (f *fixture) createOptInConsumer(spawnTime time.Time) string {
	f.t.Helper()
	init := types.DefaultConsumerInitializationParameters()
	init.SpawnTime = spawnTime
	msg := &types.MsgCreateConsumer{Submitter: ownerAddr, ChainId: "consumer-1", Metadata: validMetadata(), InitializationParameters: &init}
	require.NoError(f.t, msg.ValidateBasic())
	res, err := f.msgServer().CreateConsumer(f.ctx, msg)
	require.NoError(f.t, err)
	return res.ConsumerId
}
