package keeper

import (
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// initKeyAssignmentGenesis loads the key assignments, the address mappings
// and the prune entries (genesis fields 9, 10 and 14).
func (k *Keeper) initKeyAssignmentGenesis(ctx sdk.Context, gs *types.GenesisState) error {
	for _, a := range gs.ValidatorConsumerPubkeys {
		if err := k.ConsumerKeys.Set(ctx, collections.Join(a.ChainId, a.ProviderAddr), *a.ConsumerKey); err != nil {
			return err
		}
	}
	for _, m := range gs.ValidatorsByConsumerAddr {
		if err := k.ValidatorsByConsumerAddr.Set(ctx, collections.Join(m.ChainId, m.ConsumerAddr), m.ProviderAddr); err != nil {
			return err
		}
	}
	for _, p := range gs.ConsumerAddrsToPruneV2 {
		for _, addr := range p.ConsumerAddrs.GetAddresses() {
			if err := k.ConsumerAddrsToPrune.Set(ctx, collections.Join3(p.ChainId, p.PruneTs, addr)); err != nil {
				return err
			}
		}
	}
	return nil
}

// exportKeyAssignmentGenesis writes the key-assignment state into gs, in
// store order; prune entries are grouped by (consumer, time).
func (k *Keeper) exportKeyAssignmentGenesis(ctx sdk.Context, gs *types.GenesisState) error {
	err := k.ConsumerKeys.Walk(ctx, nil, func(key collections.Pair[string, []byte], pk cmtprotocrypto.PublicKey) (bool, error) {
		gs.ValidatorConsumerPubkeys = append(gs.ValidatorConsumerPubkeys,
			types.ValidatorConsumerPubKey{ChainId: key.K1(), ProviderAddr: key.K2(), ConsumerKey: &pk})
		return false, nil
	})
	if err != nil {
		return err
	}
	err = k.ValidatorsByConsumerAddr.Walk(ctx, nil, func(key collections.Pair[string, []byte], providerAddr []byte) (bool, error) {
		gs.ValidatorsByConsumerAddr = append(gs.ValidatorsByConsumerAddr,
			types.ValidatorByConsumerAddr{ChainId: key.K1(), ConsumerAddr: key.K2(), ProviderAddr: providerAddr})
		return false, nil
	})
	if err != nil {
		return err
	}
	return k.ConsumerAddrsToPrune.Walk(ctx, nil, func(key collections.Triple[string, time.Time, []byte]) (bool, error) {
		n := len(gs.ConsumerAddrsToPruneV2)
		if n > 0 && gs.ConsumerAddrsToPruneV2[n-1].ChainId == key.K1() && gs.ConsumerAddrsToPruneV2[n-1].PruneTs.Equal(key.K2()) {
			last := gs.ConsumerAddrsToPruneV2[n-1].ConsumerAddrs
			last.Addresses = append(last.Addresses, key.K3())
			return false, nil
		}
		gs.ConsumerAddrsToPruneV2 = append(gs.ConsumerAddrsToPruneV2, types.ConsumerAddrsToPruneV2{
			ChainId: key.K1(), PruneTs: key.K2(), ConsumerAddrs: &types.AddressList{Addresses: [][]byte{key.K3()}},
		})
		return false, nil
	})
}

// importConsumerValidatorChoices loads a consumer's opt-ins and commission
// rates (ConsumerState fields 112 and 114).
func (k *Keeper) importConsumerValidatorChoices(ctx sdk.Context, cs types.ConsumerState) error {
	for _, addr := range cs.OptedInValidators {
		if err := k.OptedIn.Set(ctx, collections.Join(cs.ChainId, addr)); err != nil {
			return err
		}
	}
	for _, r := range cs.CommissionRates {
		if err := k.ConsumerCommissionRate.Set(ctx, collections.Join(cs.ChainId, r.ProviderConsAddr), r.Rate); err != nil {
			return err
		}
	}
	return nil
}

// exportConsumerValidatorChoices writes a consumer's opt-ins and commission
// rates into cs.
func (k *Keeper) exportConsumerValidatorChoices(ctx sdk.Context, cs *types.ConsumerState) error {
	optedIn, rates := [][]byte(nil), []types.ConsumerCommissionRate(nil)
	err := k.OptedIn.Walk(ctx, collections.NewPrefixedPairRange[string, []byte](cs.ChainId), func(key collections.Pair[string, []byte]) (bool, error) {
		optedIn = append(optedIn, key.K2())
		return false, nil
	})
	if err != nil {
		return err
	}
	err = k.ConsumerCommissionRate.Walk(ctx, collections.NewPrefixedPairRange[string, []byte](cs.ChainId),
		func(key collections.Pair[string, []byte], rate math.LegacyDec) (bool, error) {
			rates = append(rates, types.ConsumerCommissionRate{ProviderConsAddr: key.K2(), Rate: rate})
			return false, nil
		})
	if err != nil {
		return err
	}
	cs.OptedInValidators, cs.CommissionRates = optedIn, rates
	return nil
}
