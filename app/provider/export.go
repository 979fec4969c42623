package provider

import (
	"fmt"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	cmttypes "github.com/cometbft/cometbft/types"

	"github.com/rampart-ics/rampart/app/base"
)

// ExportAppStateAndValidators exports the application state as a genesis
// file. With forZeroHeight the state is prepared for a chain that restarts
// at height zero: rewards are withdrawn, heights reset and, when
// jailAllowedAddrs is not empty, every validator not listed is jailed.
func (app *ProviderApp) ExportAppStateAndValidators(
	forZeroHeight bool, jailAllowedAddrs, modulesToExport []string,
) (servertypes.ExportedApp, error) {
	return app.ExportWithStaking(app.Staking, forZeroHeight, jailAllowedAddrs, modulesToExport, app.exportValidators)
}

// exportValidators returns the provider's CometBFT set: the provider
// module's (the first max_provider_consensus_validators bonded validators),
// not x/staking's bonded set.
func (app *ProviderApp) exportValidators(ctx sdk.Context) ([]cmttypes.GenesisValidator, error) {
	set, err := app.ProviderKeeper.ProviderConsensusSet(ctx)
	if err != nil {
		return nil, err
	}
	vals := make([]cmttypes.GenesisValidator, 0, len(set))
	for _, cv := range set {
		if cv.PublicKey == nil {
			return nil, fmt.Errorf("validator %X has no public key", cv.ProviderConsAddr)
		}
		pk, err := cryptocodec.FromCmtProtoPublicKey(*cv.PublicKey)
		if err != nil {
			return nil, err
		}
		var name string
		if val, err := app.StakingKeeper.GetValidatorByConsAddr(ctx, cv.ProviderConsAddr); err == nil {
			name = val.GetMoniker()
		}
		gv, err := base.GenesisValidator(pk, cv.Power, name)
		if err != nil {
			return nil, err
		}
		vals = append(vals, gv)
	}
	return vals, nil
}
