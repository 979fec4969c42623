package provider

import (
	"encoding/json"
	"errors"
	"fmt"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
)

// ExportAppStateAndValidators exports the application state as a genesis
// file. With forZeroHeight the state is prepared for a chain that restarts
// at height zero: rewards are withdrawn, heights reset and, when
// jailAllowedAddrs is not empty, every validator not listed is jailed.
func (app *ProviderApp) ExportAppStateAndValidators(
	forZeroHeight bool, jailAllowedAddrs, modulesToExport []string,
) (servertypes.ExportedApp, error) {
	ctx := app.NewContextLegacy(true, cmtproto.Header{Height: app.LastBlockHeight()})

	height := app.LastBlockHeight() + 1
	if forZeroHeight {
		height = 0
		if err := app.prepForZeroHeightGenesis(ctx, jailAllowedAddrs); err != nil {
			return servertypes.ExportedApp{}, fmt.Errorf("preparing zero-height export: %w", err)
		}
	}

	genState, err := app.ModuleManager.ExportGenesisForModules(ctx, app.appCodec, modulesToExport)
	if err != nil {
		return servertypes.ExportedApp{}, fmt.Errorf("exporting genesis: %w", err)
	}
	appState, err := json.MarshalIndent(genState, "", "  ")
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	validators, err := app.exportValidators(ctx)
	if err != nil {
		return servertypes.ExportedApp{}, fmt.Errorf("exporting validators: %w", err)
	}
	return servertypes.ExportedApp{
		AppState:        appState,
		Validators:      validators,
		Height:          height,
		ConsensusParams: app.GetConsensusParams(ctx),
	}, nil
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
		cmtPk, err := cryptocodec.ToCmtPubKeyInterface(pk)
		if err != nil {
			return nil, err
		}
		var name string
		if val, err := app.StakingKeeper.GetValidatorByConsAddr(ctx, cv.ProviderConsAddr); err == nil {
			name = val.GetMoniker()
		}
		vals = append(vals, cmttypes.GenesisValidator{Address: cmtPk.Address(), PubKey: cmtPk, Power: cv.Power, Name: name})
	}
	return vals, nil
}

// prepForZeroHeightGenesis settles distribution and resets the heights that
// staking and slashing recorded, as a restart at height zero requires.
func (app *ProviderApp) prepForZeroHeightGenesis(ctx sdk.Context, jailAllowedAddrs []string) error {
	allowed := make(map[string]bool, len(jailAllowedAddrs))
	for _, addr := range jailAllowedAddrs {
		if _, err := app.StakingKeeper.ValidatorAddressCodec().StringToBytes(addr); err != nil {
			return fmt.Errorf("jail-allowed address %q: %w", addr, err)
		}
		allowed[addr] = true
	}

	validators, err := app.StakingKeeper.GetAllValidators(ctx)
	if err != nil {
		return err
	}
	delegations, err := app.StakingKeeper.GetAllDelegations(ctx)
	if err != nil {
		return err
	}
	if err := app.settleDistribution(ctx, validators, delegations); err != nil {
		return err
	}
	if err := app.resetStakingHeights(ctx, validators, allowed); err != nil {
		return err
	}

	var setErr error
	err = app.SlashingKeeper.IterateValidatorSigningInfos(ctx,
		func(addr sdk.ConsAddress, info slashingtypes.ValidatorSigningInfo) bool {
			info.StartHeight = 0
			setErr = app.SlashingKeeper.SetValidatorSigningInfo(ctx, addr, info)
			return setErr != nil
		})
	return errors.Join(err, setErr)
}

// settleDistribution withdraws every commission and delegation reward, moves
// what cannot be withdrawn to the community pool and re-creates the
// distribution records at height zero.
func (app *ProviderApp) settleDistribution(
	ctx sdk.Context, validators []stakingtypes.Validator, delegations []stakingtypes.Delegation,
) error {
	valCodec := app.StakingKeeper.ValidatorAddressCodec()
	accCodec := app.AccountKeeper.AddressCodec()
	type pair struct {
		del sdk.AccAddress
		val sdk.ValAddress
	}
	pairs := make([]pair, 0, len(delegations))
	for _, d := range delegations {
		val, err := valCodec.StringToBytes(d.ValidatorAddress)
		if err != nil {
			return err
		}
		del, err := accCodec.StringToBytes(d.DelegatorAddress)
		if err != nil {
			return err
		}
		pairs = append(pairs, pair{del: del, val: val})
	}
	valAddrs := make([]sdk.ValAddress, 0, len(validators))
	for _, v := range validators {
		addr, err := valCodec.StringToBytes(v.OperatorAddress)
		if err != nil {
			return err
		}
		valAddrs = append(valAddrs, addr)
	}

	// Withdrawals fail harmlessly when there is nothing to withdraw.
	for _, v := range valAddrs {
		_, _ = app.DistrKeeper.WithdrawValidatorCommission(ctx, v)
	}
	for _, p := range pairs {
		_, _ = app.DistrKeeper.WithdrawDelegationRewards(ctx, p.del, p.val)
	}
	app.DistrKeeper.DeleteAllValidatorSlashEvents(ctx)
	app.DistrKeeper.DeleteAllValidatorHistoricalRewards(ctx)

	ctx = ctx.WithBlockHeight(0) // the records are re-created as of height zero
	hooks := app.DistrKeeper.Hooks()
	for _, v := range valAddrs {
		scraps, err := app.DistrKeeper.GetValidatorOutstandingRewardsCoins(ctx, v)
		if err != nil {
			return err
		}
		feePool, err := app.DistrKeeper.FeePool.Get(ctx)
		if err != nil {
			return err
		}
		feePool.CommunityPool = feePool.CommunityPool.Add(scraps...)
		if err := app.DistrKeeper.FeePool.Set(ctx, feePool); err != nil {
			return err
		}
		if err := hooks.AfterValidatorCreated(ctx, v); err != nil {
			return err
		}
	}
	for _, p := range pairs {
		if err := hooks.BeforeDelegationCreated(ctx, p.del, p.val); err != nil {
			return err
		}
		if err := hooks.AfterDelegationModified(ctx, p.del, p.val); err != nil {
			return err
		}
	}
	return nil
}

// resetStakingHeights zeroes the creation heights of redelegations and
// unbondings and the unbonding height of validators, and jails every
// validator not in allowed (when allowed is not empty).
func (app *ProviderApp) resetStakingHeights(
	ctx sdk.Context, validators []stakingtypes.Validator, allowed map[string]bool,
) error {
	var setErr error
	err := app.StakingKeeper.IterateRedelegations(ctx, func(_ int64, red stakingtypes.Redelegation) bool {
		for i := range red.Entries {
			red.Entries[i].CreationHeight = 0
		}
		setErr = app.StakingKeeper.SetRedelegation(ctx, red)
		return setErr != nil
	})
	if err = errors.Join(err, setErr); err != nil {
		return err
	}
	err = app.StakingKeeper.IterateUnbondingDelegations(ctx, func(_ int64, ubd stakingtypes.UnbondingDelegation) bool {
		for i := range ubd.Entries {
			ubd.Entries[i].CreationHeight = 0
		}
		setErr = app.StakingKeeper.SetUnbondingDelegation(ctx, ubd)
		return setErr != nil
	})
	if err = errors.Join(err, setErr); err != nil {
		return err
	}

	for _, val := range validators {
		val.UnbondingHeight = 0
		if len(allowed) > 0 && !allowed[val.OperatorAddress] {
			val.Jailed = true
		}
		if err := app.StakingKeeper.SetValidator(ctx, val); err != nil {
			return err
		}
	}
	_, err = app.StakingKeeper.ApplyAndReturnValidatorSetUpdates(ctx)
	return err
}
