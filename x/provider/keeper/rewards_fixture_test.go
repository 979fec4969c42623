package keeper_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	conntypes "github.com/cosmos/ibc-go/v11/modules/core/03-connection/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	"github.com/rampart-ics/rampart/x/provider/keeper"
	"github.com/rampart-ics/rampart/x/provider/types"
)

const (
	// The provider end of the consumer's transfer channel, and the consumer
	// end: a token leaving the provider as "stake" comes back as
	// "transfer/<consumer end>/stake".
	transferChannel         = "channel-5"
	consumerTransferChannel = "channel-1"
	transferConnection      = "connection-3"
)

var communityTax = math.LegacyNewDecWithPrec(2, 2)

// allocation is what x/distribution was asked to credit a validator.
type allocation struct {
	tokens sdk.DecCoins
	rate   math.LegacyDec
}

// rewardsFixture is a provider with one launched consumer whose rewards
// the mocked bank and distribution keepers move and record.
type rewardsFixture struct {
	*fixture
	id        string
	allocated map[string]allocation // by operator address
	community sdk.Coins
	moved     sdk.Coins
	sendErr   error
}

func newRewardsFixture(t *testing.T, powers ...int64) *rewardsFixture {
	t.Helper()
	f := newFixture(t, powers...)
	params, err := f.k.Params.Get(f.ctx)
	require.NoError(t, err)
	params.BlocksPerEpoch = 10
	params.NumberOfEpochsToStartReceivingRewards = 2
	require.NoError(t, f.k.Params.Set(f.ctx, params))
	rf := &rewardsFixture{fixture: f, allocated: map[string]allocation{}}
	rf.id = f.createConsumer(genesisTime)
	f.launch(rf.id)

	f.staking.EXPECT().GetValidatorByConsAddr(gomock.Any(), gomock.Any()).DoAndReturn(rf.validatorByConsAddr).AnyTimes()
	f.distr.EXPECT().GetCommunityTax(gomock.Any()).Return(communityTax, nil).AnyTimes()
	f.distr.EXPECT().AllocateTokensToValidator(gomock.Any(), gomock.Any(), gomock.Any()).DoAndReturn(
		func(_ context.Context, val stakingtypes.ValidatorI, tokens sdk.DecCoins) error {
			prev := rf.allocated[val.GetOperator()]
			rf.allocated[val.GetOperator()] = allocation{tokens: prev.tokens.Add(tokens...), rate: val.GetCommission()}
			return nil
		}).AnyTimes()
	f.distr.EXPECT().FundCommunityPool(gomock.Any(), gomock.Any(), keeper.RewardsPoolAddress()).DoAndReturn(
		func(_ context.Context, amount sdk.Coins, _ sdk.AccAddress) error {
			rf.community = rf.community.Add(amount...)
			return nil
		}).AnyTimes()
	f.bank.EXPECT().SendCoinsFromModuleToModule(gomock.Any(), "consumer_rewards_pool", "distribution", gomock.Any()).DoAndReturn(
		func(_ context.Context, _, _ string, amt sdk.Coins) error {
			if rf.sendErr != nil {
				return rf.sendErr
			}
			rf.moved = rf.moved.Add(amt...)
			return nil
		}).AnyTimes()
	// The consumer's transfer channel runs on its client.
	f.channels.MockChannelKeeper.EXPECT().GetChannel(gomock.Any(), transfertypes.PortID, transferChannel).
		Return(channeltypes.Channel{State: channeltypes.OPEN, ConnectionHops: []string{transferConnection}}, true).AnyTimes()
	f.channels.MockChannelKeeper.EXPECT().GetChannel(gomock.Any(), gomock.Any(), gomock.Any()).
		Return(channeltypes.Channel{}, false).AnyTimes()
	f.conns.EXPECT().GetConnection(gomock.Any(), transferConnection).
		Return(conntypes.ConnectionEnd{ClientId: "07-tendermint-0"}, true).AnyTimes()
	return rf
}

func (rf *rewardsFixture) validatorByConsAddr(_ context.Context, addr sdk.ConsAddress) (stakingtypes.Validator, error) {
	for _, v := range rf.validators {
		if v.consAddr.Equals(addr) {
			return v.val, nil
		}
	}
	return stakingtypes.Validator{}, errors.New("validator does not exist")
}

// setConsumerSet stores the consumer's set: validator i with its power and
// joinHeights[i]; a negative join height leaves validator i out.
func (rf *rewardsFixture) setConsumerSet(joinHeights ...int64) {
	rf.t.Helper()
	var set []types.ConsensusValidator
	for i, h := range joinHeights {
		if h < 0 {
			continue
		}
		v := rf.validators[i]
		set = append(set, types.ConsensusValidator{ProviderConsAddr: v.consAddr, Power: v.power, JoinHeight: h})
	}
	require.NoError(rf.t, rf.k.SetConsumerValSet(rf.ctx, rf.id, set))
}

// receive books a transfer of amount base tokens that come back home as
// "stake", with the given memo.
func (rf *rewardsFixture) receive(amount int64, memo string) {
	rf.k.OnRewardsReceived(rf.ctx, transferPacket(), transferData("transfer/"+consumerTransferChannel+"/stake", amount, memo))
}

// rewardMemo is the memo the consumer puts on its reward transfers.
func (rf *rewardsFixture) rewardMemo() string {
	return `{"provider":{"consumerId":"` + rf.id + `","chainId":"consumer-1","memo":"ICS rewards"}}`
}

func (rf *rewardsFixture) allowlist(denoms ...string) {
	rf.t.Helper()
	_, err := rf.msgServer().ChangeRewardDenoms(rf.ctx, &types.MsgChangeRewardDenoms{DenomsToAdd: denoms, Authority: govAddr})
	require.NoError(rf.t, err)
}

// pending is the consumer's allocation record in a denom.
func (rf *rewardsFixture) pending(denom string) math.LegacyDec {
	alloc, err := rf.k.ConsumerRewardsAllocation.Get(rf.ctx, rf.id)
	if err != nil {
		return math.LegacyZeroDec()
	}
	return alloc.Rewards.AmountOf(denom)
}

// allocateAt runs BeginBlock at a height, with fresh events.
func (rf *rewardsFixture) allocateAt(height int64) {
	rf.t.Helper()
	rf.ctx = rf.ctx.WithBlockHeight(height).WithEventManager(sdk.NewEventManager())
	require.NoError(rf.t, rf.k.BeginBlockRD(rf.ctx))
}

// received returns what validator i was credited in a denom.
func (rf *rewardsFixture) received(i int, denom string) math.LegacyDec {
	return rf.allocated[rf.validators[i].valAddr.String()].tokens.AmountOf(denom)
}

func transferPacket() channeltypes.Packet {
	return channeltypes.Packet{
		SourcePort: transfertypes.PortID, SourceChannel: consumerTransferChannel,
		DestinationPort: transfertypes.PortID, DestinationChannel: transferChannel,
	}
}

func transferData(denom string, amount int64, memo string) transfertypes.InternalTransferRepresentation {
	return transfertypes.InternalTransferRepresentation{
		Token:    transfertypes.Token{Denom: transfertypes.ExtractDenomFromPath(denom), Amount: math.NewInt(amount).String()},
		Sender:   "consumer-sender",
		Receiver: keeper.RewardsPoolAddress().String(),
		Memo:     memo,
	}
}

// eventAttr returns an attribute of the first event of a type.
func eventAttr(ctx sdk.Context, eventType, key string) (string, bool) {
	for _, e := range ctx.EventManager().Events() {
		if e.Type != eventType {
			continue
		}
		for _, a := range e.Attributes {
			if a.Key == key {
				return a.Value, true
			}
		}
	}
	return "", false
}
