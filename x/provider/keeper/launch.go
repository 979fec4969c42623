package keeper

import (
	"fmt"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	commitmenttypes "github.com/cosmos/ibc-go/v11/modules/core/23-commitment/types"
	"github.com/cosmos/ibc-go/v11/modules/core/exported"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	abci "github.com/cometbft/cometbft/abci/types"
	cmttypes "github.com/cometbft/cometbft/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// BeginBlockLaunchConsumers launches the consumers whose spawn time has
// come, at most MaxItemsPerBlock of them. Each launch runs isolated: a
// failure returns that consumer to REGISTERED with its spawn time cleared,
// and the block goes on.
func (k *Keeper) BeginBlockLaunchConsumers(ctx sdk.Context) error {
	due, err := k.popDue(ctx, k.SpawnTimeQueue)
	if err != nil {
		return err
	}
	for _, consumerID := range due {
		err := k.runIsolated(ctx, "launch consumer "+consumerID, func(ctx sdk.Context) error {
			return k.LaunchConsumer(ctx, consumerID)
		})
		if err != nil {
			k.Logger(ctx).Error("consumer launch failed; it is back in REGISTERED", "consumer_id", consumerID, "error", err)
			if err := k.resetToRegistered(ctx, consumerID); err != nil {
				return err
			}
			emitEvent(ctx, EventConsumerLaunchFailed{ConsumerID: consumerID, Err: err})
		}
	}
	return nil
}

// popDue removes and returns the consumers whose time in the queue has
// passed, oldest first, at most MaxItemsPerBlock.
func (k *Keeper) popDue(ctx sdk.Context, queue collections.KeySet[collections.Pair[time.Time, string]]) ([]string, error) {
	var due []collections.Pair[time.Time, string]
	rng := new(collections.Range[collections.Pair[time.Time, string]]).
		EndInclusive(collections.Join(ctx.BlockTime(), maxConsumerIDKey))
	err := queue.Walk(ctx, rng, func(key collections.Pair[time.Time, string]) (bool, error) {
		due = append(due, key)
		return len(due) >= types.MaxItemsPerBlock, nil
	})
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(due))
	for _, key := range due {
		if err := queue.Remove(ctx, key); err != nil {
			return nil, err
		}
		ids = append(ids, key.K2())
	}
	return ids, nil
}

// maxConsumerIDKey sorts after every consumer id, so a range ending at
// (t, maxConsumerIDKey) includes every entry at time t.
const maxConsumerIDKey = "\xff"

func (k *Keeper) resetToRegistered(ctx sdk.Context, consumerID string) error {
	initParams, err := k.ConsumerInitParams.Get(ctx, consumerID)
	if err != nil {
		return err
	}
	initParams.SpawnTime = time.Time{}
	if err := k.ConsumerInitParams.Set(ctx, consumerID, initParams); err != nil {
		return err
	}
	return k.setConsumerPhase(ctx, consumerID, types.CONSUMER_PHASE_REGISTERED)
}

// LaunchConsumer computes a consumer's first validator set, creates its
// light client and stores the genesis the consumer chain starts from.
func (k *Keeper) LaunchConsumer(ctx sdk.Context, consumerID string) error {
	valSet, err := k.ComputeConsumerNextValSet(ctx, consumerID)
	if err != nil {
		return err
	}
	if len(valSet) == 0 {
		return errorsmod.Wrapf(types.ErrEmptyValidatorSet, "consumer %s", consumerID)
	}
	if err := k.requireActiveValidator(ctx, valSet); err != nil {
		return err
	}
	initParams, err := k.ConsumerInitParams.Get(ctx, consumerID)
	if err != nil {
		return err
	}
	chainID, err := k.GetConsumerChainID(ctx, consumerID)
	if err != nil {
		return err
	}
	initialVals := ToValidatorUpdates(valSet)

	var genesis ccv.ConsumerGenesisState
	if initParams.ConnectionId == "" {
		clientID, err := k.createConsumerClient(ctx, consumerID, chainID, initParams, initialVals)
		if err != nil {
			return err
		}
		genesis, err = k.MakeConsumerGenesis(ctx, consumerID, initParams, initialVals)
		if err != nil {
			return err
		}
		if err := k.EquivocationEvidenceMinHeight.Set(ctx, consumerID, initParams.InitialHeight.RevisionHeight); err != nil {
			return err
		}
		k.Logger(ctx).Info("consumer client created", "consumer_id", consumerID, "client_id", clientID)
	} else {
		genesis, err = k.reuseConnection(ctx, consumerID, chainID, initParams, initialVals)
		if err != nil {
			return err
		}
	}
	if err := genesis.Validate(); err != nil {
		return errorsmod.Wrap(err, "generated consumer genesis")
	}
	if err := k.ConsumerGenesis.Set(ctx, consumerID, genesis); err != nil {
		return err
	}
	if err := k.SetConsumerValSet(ctx, consumerID, valSet); err != nil {
		return err
	}
	k.Logger(ctx).Info("consumer launched", "consumer_id", consumerID, "chain_id", chainID, "validators", len(valSet))
	return k.setConsumerPhase(ctx, consumerID, types.CONSUMER_PHASE_LAUNCHED)
}

// requireActiveValidator refuses a set without any of the provider's active
// validators, so nobody can launch a chain secured only by inactive stake.
func (k *Keeper) requireActiveValidator(ctx sdk.Context, valSet []types.ConsensusValidator) error {
	for _, v := range valSet {
		has, err := k.LastProviderConsensusVals.Has(ctx, v.ProviderConsAddr)
		if err != nil || has {
			return err
		}
	}
	return types.ErrNoActiveValidator
}

// createConsumerClient creates the provider's light client of the consumer.
// Its consensus state is dated now, has a sentinel root (the consumer has
// no state yet) and commits to the initial validator set.
func (k *Keeper) createConsumerClient(ctx sdk.Context, consumerID, chainID string, initParams types.ConsumerInitializationParameters, initialVals []abci.ValidatorUpdate) (string, error) {
	params := k.mustGetParams(ctx)
	clientState := *params.TemplateClient
	clientState.ChainId = chainID
	clientState.LatestHeight = initParams.InitialHeight
	clientState.UnbondingPeriod = initParams.UnbondingPeriod
	trusting, err := trustingPeriod(initParams.UnbondingPeriod, params.TrustingPeriodFraction)
	if err != nil {
		return "", err
	}
	clientState.TrustingPeriod = trusting

	cmtVals, err := cmttypes.PB2TM.ValidatorUpdates(initialVals)
	if err != nil {
		return "", errorsmod.Wrapf(types.ErrConsumerClientCreation, "initial validator set: %s", err)
	}
	consensusState := ibctm.NewConsensusState(
		ctx.BlockTime(),
		commitmenttypes.NewMerkleRoot([]byte(ibctm.SentinelRoot)),
		cmttypes.NewValidatorSet(cmtVals).Hash(),
	)
	clientID, err := k.clientKeeper.CreateClient(ctx, exported.Tendermint, k.cdc.MustMarshal(&clientState), k.cdc.MustMarshal(consensusState))
	if err != nil {
		return "", errorsmod.Wrap(types.ErrConsumerClientCreation, err.Error())
	}
	if err := k.setConsumerClientID(ctx, consumerID, clientID); err != nil {
		return "", err
	}
	emitEvent(ctx, EventConsumerClientCreated{
		ConsumerID: consumerID, ChainID: chainID, ClientID: clientID, InitialHeight: initParams.InitialHeight.String(),
		TrustingPeriod: trusting, UnbondingPeriod: initParams.UnbondingPeriod,
	})
	return clientID, nil
}

func (k *Keeper) setConsumerClientID(ctx sdk.Context, consumerID, clientID string) error {
	if err := k.ConsumerClientID.Set(ctx, consumerID, clientID); err != nil {
		return err
	}
	return k.ClientIDToConsumerID.Set(ctx, clientID, consumerID)
}

// trustingPeriod is unbonding × fraction, truncated to whole nanoseconds.
func trustingPeriod(unbonding time.Duration, fraction string) (time.Duration, error) {
	f, err := math.LegacyNewDecFromStr(fraction)
	if err != nil {
		return 0, fmt.Errorf("trusting period fraction %q: %w", fraction, err)
	}
	return time.Duration(f.MulInt64(int64(unbonding)).TruncateInt64()), nil
}

// MakeConsumerGenesis builds the genesis a consumer chain starts from: its
// parameters, the provider's light client as of this block, and its first
// validator set.
func (k *Keeper) MakeConsumerGenesis(ctx sdk.Context, consumerID string, initParams types.ConsumerInitializationParameters, initialVals []abci.ValidatorUpdate) (ccv.ConsumerGenesisState, error) {
	params := k.mustGetParams(ctx)
	unbonding, err := k.stakingKeeper.UnbondingTime(ctx)
	if err != nil {
		return ccv.ConsumerGenesisState{}, err
	}
	trusting, err := trustingPeriod(unbonding, params.TrustingPeriodFraction)
	if err != nil {
		return ccv.ConsumerGenesisState{}, err
	}
	providerClient := *params.TemplateClient
	providerClient.ChainId = ctx.ChainID()
	providerClient.LatestHeight = clienttypes.NewHeight(clienttypes.ParseChainID(ctx.ChainID()), uint64(ctx.BlockHeight()))
	providerClient.TrustingPeriod = trusting
	providerClient.UnbondingPeriod = unbonding

	// The provider's consensus state at this height is this block's header.
	header := ctx.BlockHeader()
	providerConsensus := ibctm.NewConsensusState(header.Time, commitmenttypes.NewMerkleRoot(header.AppHash), header.NextValidatorsHash)

	return ccv.ConsumerGenesisState{
		Params: consumerParams(consumerID, initParams),
		Provider: ccv.ProviderInfo{
			ClientState:    &providerClient,
			ConsensusState: providerConsensus,
			InitialValSet:  initialVals,
		},
		NewChain: true,
	}, nil
}

// consumerParams turns initialization parameters into the consumer module's
// parameters.
func consumerParams(consumerID string, ip types.ConsumerInitializationParameters) ccv.ConsumerParams {
	p := ccv.DefaultConsumerParams()
	p.Enabled = true
	p.BlocksPerDistributionTransmission = ip.BlocksPerDistributionTransmission
	p.DistributionTransmissionChannel = ip.DistributionTransmissionChannel
	p.CcvTimeoutPeriod = ip.CcvTimeoutPeriod
	p.TransferTimeoutPeriod = ip.TransferTimeoutPeriod
	p.ConsumerRedistributionFraction = ip.ConsumerRedistributionFraction
	p.HistoricalEntries = ip.HistoricalEntries
	p.UnbondingPeriod = ip.UnbondingPeriod
	p.ConsumerId = consumerID
	return p
}
