package keeper_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"

	"github.com/rampart-ics/rampart/x/consumer/testutil"
)

// BenchmarkApplyVSCPacket measures a consumer applying one VSC packet of a
// 200-validator set: OnRecvVSCPacket (validation, accumulation, the valset
// update id; the packet arrives decoded) and the EndBlock that hands the updates to CometBFT, each
// block in a cached context over a chain running 200 validators.
//
//   - repower: every validator's power changes (200 updates);
//
//   - replace: every validator leaves and a new one joins (400 updates).
//
//     go test ./x/consumer/keeper/ -run '^$' -bench ApplyVSCPacket -benchmem -benchtime 200x
func BenchmarkApplyVSCPacket(b *testing.B) {
	const validators = 200
	initial := make([]abci.ValidatorUpdate, validators)
	repower := make([]abci.ValidatorUpdate, validators)
	replace := make([]abci.ValidatorUpdate, 0, 2*validators)
	for i := range initial {
		initial[i] = benchValidator(fmt.Sprintf("initial/%d", i), int64(10+i%50))
		repower[i] = initial[i]
		repower[i].Power++
		leave := initial[i]
		leave.Power = 0
		replace = append(replace, leave, benchValidator(fmt.Sprintf("new/%d", i), int64(10+i%50)))
	}
	for _, bc := range []struct {
		name    string
		updates []abci.ValidatorUpdate
		applied int
	}{
		{"repower", repower, validators},
		{"replace", replace, 2 * validators},
	} {
		b.Run(fmt.Sprintf("%s/validators=%d", bc.name, validators), func(b *testing.B) {
			f := testutil.NewFixture(b)
			f.ClientKeeper.EXPECT().CreateClient(gomock.Any(), gomock.Any(), gomock.Any(), gomock.Any()).
				Return(testutil.ProviderClientID, nil)
			_, err := f.Keeper.InitGenesis(f.Ctx, testutil.NewChainGenesis(initial...))
			require.NoError(b, err)
			require.NoError(b, f.Keeper.ProviderChannelID.Set(f.Ctx, testutil.ChannelID))
			f.ChannelKeeper.EXPECT().GetChannel(gomock.Any(), gomock.Any(), gomock.Any()).
				Return(channeltypes.Channel{State: channeltypes.OPEN}, true).AnyTimes()
			f.Ctx = f.Ctx.WithBlockHeight(testutil.GenesisHeight + 1)
			// Every block is discarded, so the same packet applies each time.
			packet, data := vscPacket(testutil.ChannelID, 1, bc.updates)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				block, _ := f.Ctx.CacheContext()
				if err := f.Keeper.OnRecvVSCPacket(block, packet, data); err != nil {
					b.Fatal(err)
				}
				updates, err := f.Keeper.EndBlock(block)
				if err != nil {
					b.Fatal(err)
				}
				if len(updates) != bc.applied {
					b.Fatalf("%d updates handed to CometBFT, want %d", len(updates), bc.applied)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/packet")
		})
	}
}

// benchValidator is an update for a deterministic ed25519 key named by seed.
func benchValidator(seed string, power int64) abci.ValidatorUpdate {
	pk := ed25519.GenPrivKeyFromSecret([]byte(seed)).PubKey()
	return abci.ValidatorUpdate{
		PubKey: cmtprotocrypto.PublicKey{Sum: &cmtprotocrypto.PublicKey_Ed25519{Ed25519: pk.Bytes()}},
		Power:  power,
	}
}
