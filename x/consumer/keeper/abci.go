package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	abci "github.com/cometbft/cometbft/abci/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
)

// BeginBlock prunes valset update ids too old to be reported and warns,
// every block, when the CCV channel has been closed: the chain then keeps
// running with its last validator set but is no longer secured by the
// provider.
func (k *Keeper) BeginBlock(ctx sdk.Context) error {
	params, err := k.GetConsumerParams(ctx)
	if err != nil || !params.Enabled {
		return err
	}
	if err := k.pruneValsetUpdateIDs(ctx, params.UnbondingPeriod); err != nil {
		return err
	}
	k.warnIfChannelClosed(ctx)
	return nil
}

// EndBlock splits the block's fees and sends the provider its rewards when
// due, sends the pending packets the slash record allows, then hands the
// validator changes received in this block to CometBFT.
func (k *Keeper) EndBlock(ctx sdk.Context) ([]abci.ValidatorUpdate, error) {
	params, err := k.GetConsumerParams(ctx)
	if err != nil || !params.Enabled {
		return nil, err
	}
	// A changeover chain keeps its standalone set until the changeover,
	// which is not part of this module yet.
	preCCV, _, err := getOptional(ctx, k.PreCCV)
	if err != nil || preCCV {
		return nil, err
	}
	if err := k.EndBlockRewards(ctx, params); err != nil {
		return nil, err
	}
	if err := k.SendPackets(ctx); err != nil {
		return nil, err
	}
	return k.ValidatorUpdatesToApply(ctx)
}

func (k *Keeper) warnIfChannelClosed(ctx sdk.Context) {
	channelID, found, err := k.ProviderChannel(ctx)
	if err != nil || !found {
		return
	}
	ch, ok := k.channelKeeper.GetChannel(ctx, ccvtypes.ConsumerPortID, channelID)
	if ok && ch.State == channeltypes.CLOSED {
		k.Logger(ctx).Error("the CCV channel is closed: this chain is no longer secured by the provider",
			"channel", channelID)
	}
}
