package keeper

import (
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	abci "github.com/cometbft/cometbft/abci/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
)

// BeginBlock carries the valset update id forward to the next height and
// warns, every block, when the CCV channel has been closed: the chain then
// keeps running with its last validator set but is no longer secured by
// the provider.
func (k *Keeper) BeginBlock(ctx sdk.Context) error {
	params, err := k.GetParams(ctx)
	if err != nil || !params.Enabled {
		return err
	}
	height := uint64(ctx.BlockHeight())
	vscID, err := k.valsetUpdateIDAt(ctx, height)
	if err != nil {
		return err
	}
	if err := k.HeightToValsetUpdateID.Set(ctx, height+1, vscID); err != nil {
		return err
	}
	k.warnIfChannelClosed(ctx)
	return nil
}

// EndBlock hands the validator changes received in this block to CometBFT.
func (k *Keeper) EndBlock(ctx sdk.Context) ([]abci.ValidatorUpdate, error) {
	params, err := k.GetParams(ctx)
	if err != nil || !params.Enabled {
		return nil, err
	}
	// A changeover chain keeps its standalone set until the changeover,
	// which is not part of this module yet.
	preCCV, _, err := getOptional(ctx, k.PreCCV)
	if err != nil || preCCV {
		return nil, err
	}
	return k.ValidatorUpdatesToApply(ctx)
}

// valsetUpdateIDAt returns the valset update id in force at height: the
// entry for that height, else the latest entry below it (a restarted chain
// may begin above the last exported height), else 0, the genesis set.
func (k *Keeper) valsetUpdateIDAt(ctx sdk.Context, height uint64) (uint64, error) {
	id, err := k.HeightToValsetUpdateID.Get(ctx, height)
	if err == nil || !errors.Is(err, collections.ErrNotFound) {
		return id, err
	}
	rng := new(collections.Range[uint64]).EndInclusive(height).Descending()
	iter, err := k.HeightToValsetUpdateID.Iterate(ctx, rng)
	if err != nil {
		return 0, err
	}
	defer iter.Close()
	if !iter.Valid() {
		return 0, nil
	}
	return iter.Value()
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
