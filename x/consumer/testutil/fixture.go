package testutil

import (
	"testing"
	"time"

	"go.uber.org/mock/gomock"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdktestutil "github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	commitmenttypes "github.com/cosmos/ibc-go/v11/modules/core/23-commitment/types"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/keeper"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

// Identifiers used across the consumer's tests.
const (
	ConsumerChainID   = "consumer-1"
	ProviderChainID   = "provider-1"
	ProviderClientID  = "07-tendermint-0"
	ConnectionID      = "connection-0"
	ChannelID         = "channel-0"
	OtherChannelID    = "channel-1"
	ProviderChannelID = "channel-7"
	GenesisHeight     = 10
)

// Fixture is a consumer keeper on a real in-memory store, with mocked IBC
// keepers, a fake ICS4 wrapper and fake slashing hooks.
type Fixture struct {
	Ctx                  sdk.Context
	Keeper               *keeper.Keeper
	Codec                codec.Codec
	Authority            string
	ClientKeeper         *MockClientKeeper
	ConnectionKeeper     *MockConnectionKeeper
	ChannelKeeper        *MockChannelKeeper
	ChannelOpenInitiator *MockChannelOpenInitiator
	ICS4                 *FakeICS4Wrapper
	SlashingHooks        *FakeSlashingHooks
	// FakeChannels replaces ChannelKeeper in a fuzz fixture.
	FakeChannels *FakeChannelKeeper
	// Bank and Transfer hold the reward split's balances and record the
	// reward transfers.
	Bank     *FakeBank
	Transfer *FakeTransfer
}

// NewFixture builds a fresh fixture at height GenesisHeight.
func NewFixture(t testing.TB) *Fixture {
	t.Helper()
	return newFixture(t, nil)
}

// NewFuzzFixture is NewFixture with FakeChannels instead of the channel
// keeper mock: gomock cannot be called from inside a fuzz target.
func NewFuzzFixture(t testing.TB) *Fixture {
	t.Helper()
	return newFixture(t, &FakeChannelKeeper{})
}

func newFixture(t testing.TB, fakeChannels *FakeChannelKeeper) *Fixture {
	t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	testCtx := sdktestutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("transient_test"))
	encCfg := moduletestutil.MakeTestEncodingConfig()
	types.RegisterInterfaces(encCfg.InterfaceRegistry)
	ctrl := gomock.NewController(t)

	f := &Fixture{
		Ctx:                  testCtx.Ctx.WithBlockHeight(GenesisHeight).WithChainID(ConsumerChainID),
		Codec:                encCfg.Codec,
		Authority:            authtypes.NewModuleAddress("gov").String(),
		ClientKeeper:         NewMockClientKeeper(ctrl),
		ConnectionKeeper:     NewMockConnectionKeeper(ctrl),
		ChannelKeeper:        NewMockChannelKeeper(ctrl),
		ChannelOpenInitiator: NewMockChannelOpenInitiator(ctrl),
		ICS4:                 &FakeICS4Wrapper{},
		SlashingHooks:        &FakeSlashingHooks{},
		FakeChannels:         fakeChannels,
		Bank:                 NewFakeBank(),
	}
	f.Transfer = &FakeTransfer{Bank: f.Bank, Fail: map[string]error{}}
	var channelKeeper types.ChannelKeeper = f.ChannelKeeper
	if fakeChannels != nil {
		channelKeeper = fakeChannels
	}
	f.Keeper = keeper.NewKeeper(encCfg.Codec, runtime.NewKVStoreService(key), address.NewBech32Codec("cosmosvalcons"),
		f.ClientKeeper, f.ConnectionKeeper, channelKeeper, f.ChannelOpenInitiator,
		f.Bank, FakeAccounts{}, f.Transfer, f.Authority)
	f.Keeper.SetICS4Wrapper(f.ICS4)
	f.Keeper.SetSlashingHooks(f.SlashingHooks)
	return f
}

// Validator returns an update for a deterministic ed25519 key.
func Validator(seed byte, power int64) abci.ValidatorUpdate {
	pk := ed25519.GenPrivKeyFromSecret([]byte{seed}).PubKey()
	return abci.ValidatorUpdate{
		PubKey: cmtprotocrypto.PublicKey{Sum: &cmtprotocrypto.PublicKey_Ed25519{Ed25519: pk.Bytes()}},
		Power:  power,
	}
}

// ConsAddress returns the consensus address of Validator(seed, _).
func ConsAddress(seed byte) sdk.ConsAddress {
	return sdk.ConsAddress(ed25519.GenPrivKeyFromSecret([]byte{seed}).PubKey().Address())
}

// ProviderClientState returns a valid light client of the provider.
func ProviderClientState() *ibctm.ClientState {
	return ibctm.NewClientState(ProviderChainID, ibctm.DefaultTrustLevel, 14*24*time.Hour, 21*24*time.Hour,
		10*time.Second, clienttypes.NewHeight(1, 100), commitmenttypes.GetSDKSpecs(), []string{"upgrade", "upgradedIBCState"})
}

// ProviderConsensusState returns a valid consensus state of the provider.
func ProviderConsensusState() *ibctm.ConsensusState {
	return ibctm.NewConsensusState(time.Unix(1700000000, 0).UTC(), commitmenttypes.NewMerkleRoot(make([]byte, 32)),
		make([]byte, 32))
}

// NewChainGenesis returns a provider-generated genesis that creates the
// provider client and starts with valset.
func NewChainGenesis(valset ...abci.ValidatorUpdate) *types.GenesisState {
	gs := types.DefaultGenesisState()
	gs.Params.Enabled = true
	gs.NewChain = true
	gs.Provider = ccvtypes.ProviderInfo{
		ClientState:    ProviderClientState(),
		ConsensusState: ProviderConsensusState(),
		InitialValSet:  valset,
	}
	return gs
}
