package keeper

import (
	"slices"
	"sort"

	errorsmod "cosmossdk.io/errors"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"
	cmttypes "github.com/cometbft/cometbft/types"

	"github.com/rampart-ics/rampart/x/consumer/types"
)

// ValidatorUpdatesToApply applies the changes accumulated during the block
// to the consumer's validator set, clears them, and returns what CometBFT
// must apply.
func (k *Keeper) ValidatorUpdatesToApply(ctx sdk.Context) ([]abci.ValidatorUpdate, error) {
	pending, err := k.PendingValidatorUpdates(ctx)
	if err != nil || len(pending) == 0 {
		return nil, err
	}
	if err := k.PendingChanges.Clear(ctx, nil); err != nil {
		return nil, err
	}
	return k.ApplyValidatorChanges(ctx, pending)
}

// PendingValidatorUpdates returns the accumulated changes, one per key, in
// a deterministic order: power descending, then public key descending.
func (k *Keeper) PendingValidatorUpdates(ctx sdk.Context) ([]abci.ValidatorUpdate, error) {
	var updates []abci.ValidatorUpdate
	err := k.PendingChanges.Walk(ctx, nil, func(_ []byte, u abci.ValidatorUpdate) (bool, error) {
		updates = append(updates, u)
		return false, nil
	})
	sortUpdates(updates)
	return updates, err
}

// AccumulateChanges merges updates into the pending changes; a later update
// of the same key replaces the earlier one.
func (k *Keeper) AccumulateChanges(ctx sdk.Context, updates []abci.ValidatorUpdate) error {
	for _, u := range updates {
		key, err := u.PubKey.Marshal()
		if err != nil {
			return errorsmod.Wrapf(types.ErrInvalidValidatorUpdate, "encoding public key: %s", err)
		}
		if err := k.PendingChanges.Set(ctx, key, u); err != nil {
			return err
		}
	}
	return nil
}

// ApplyValidatorChanges writes updates into CrossChainValidators: a positive
// power creates or updates a validator, zero deletes it, and zero for an
// unknown validator is dropped (CometBFT would reject it). It returns the
// updates that took effect, in input order.
func (k *Keeper) ApplyValidatorChanges(ctx sdk.Context, updates []abci.ValidatorUpdate) ([]abci.ValidatorUpdate, error) {
	applied := make([]abci.ValidatorUpdate, 0, len(updates))
	for _, u := range updates {
		pk, err := consensusPubKey(u.PubKey)
		if err != nil {
			return nil, err
		}
		addr := pk.Address().Bytes()
		known, err := k.CrossChainValidators.Has(ctx, addr)
		if err != nil {
			return nil, err
		}
		switch {
		case u.Power == 0 && !known:
			continue
		case u.Power == 0:
			if err := k.CrossChainValidators.Remove(ctx, addr); err != nil {
				return nil, err
			}
		default:
			if err := k.setValidator(ctx, pk, u.Power, known); err != nil {
				return nil, err
			}
		}
		applied = append(applied, u)
	}
	return applied, nil
}

func (k *Keeper) setValidator(ctx sdk.Context, pk cryptotypes.PubKey, power int64, known bool) error {
	anyPk, err := codectypes.NewAnyWithValue(pk)
	if err != nil {
		return err
	}
	addr := pk.Address().Bytes()
	if !known {
		// A flag left from an earlier membership must not block a new
		// downtime request for the newcomer.
		if err := k.OutstandingDowntime.Remove(ctx, addr); err != nil {
			return err
		}
	}
	if err := k.CrossChainValidators.Set(ctx, addr, types.CrossChainValidator{Address: addr, Power: power, Pubkey: anyPk}); err != nil {
		return err
	}
	if known || k.slashingHooks == nil {
		return nil
	}
	// x/slashing needs signing info before the newcomer's first vote.
	//
	// Spec tag: [CCV-CCF-UPVALS.1]
	return k.slashingHooks.AfterValidatorBonded(ctx, addr, nil)
}

// GetValidatorUpdates returns the current set as CometBFT updates, in
// consensus-address order.
func (k *Keeper) GetValidatorUpdates(ctx sdk.Context) ([]abci.ValidatorUpdate, error) {
	var updates []abci.ValidatorUpdate
	err := k.CrossChainValidators.Walk(ctx, nil, func(_ []byte, v types.CrossChainValidator) (bool, error) {
		pk, err := v.ConsPubKey()
		if err != nil {
			return true, err
		}
		cmtPk, err := cryptocodec.ToCmtProtoPublicKey(pk)
		if err != nil {
			return true, err
		}
		updates = append(updates, abci.ValidatorUpdate{PubKey: cmtPk, Power: v.Power})
		return false, nil
	})
	return updates, err
}

// checkResultingSet refuses changes that would leave CometBFT with no
// validator or with more total power than it accepts: either would halt the
// chain when the block's updates are applied.
func (k *Keeper) checkResultingSet(ctx sdk.Context, incoming []abci.ValidatorUpdate) error {
	powers := map[string]int64{}
	err := k.CrossChainValidators.Walk(ctx, nil, func(addr []byte, v types.CrossChainValidator) (bool, error) {
		powers[string(addr)] = v.Power
		return false, nil
	})
	if err != nil {
		return err
	}
	pending, err := k.PendingValidatorUpdates(ctx)
	if err != nil {
		return err
	}
	for _, u := range append(pending, incoming...) {
		pk, err := consensusPubKey(u.PubKey)
		if err != nil {
			return err
		}
		powers[string(pk.Address())] = u.Power
	}
	var total int64
	count := 0
	for _, p := range powers { // summing is order-independent
		if p == 0 {
			continue
		}
		if total > cmttypes.MaxTotalVotingPower-p {
			return errorsmod.Wrapf(types.ErrInvalidValidatorUpdate, "total voting power would exceed %d", cmttypes.MaxTotalVotingPower)
		}
		total += p
		count++
	}
	if count == 0 {
		return errorsmod.Wrap(types.ErrInvalidValidatorUpdate, "the changes would leave the consumer without validators")
	}
	return nil
}

// validateUpdateKeys checks that every key converts to an SDK key of the
// right size and of a type the chain's consensus parameters allow, so that
// neither the keeper nor CometBFT can fail on it later.
func validateUpdateKeys(ctx sdk.Context, updates []abci.ValidatorUpdate) error {
	var allowed []string
	if vp := ctx.ConsensusParams().Validator; vp != nil {
		allowed = vp.PubKeyTypes
	}
	for i, u := range updates {
		pk, err := consensusPubKey(u.PubKey)
		if err != nil {
			return errorsmod.Wrapf(err, "validator update %d", i)
		}
		if len(allowed) > 0 && !slices.Contains(allowed, pk.Type()) {
			return errorsmod.Wrapf(types.ErrInvalidValidatorUpdate, "validator update %d: key type %s is not allowed by consensus params %v", i, pk.Type(), allowed)
		}
	}
	return nil
}

// consensusPubKey converts a CometBFT key, checking its size first: the
// SDK's Address() panics on a key of the wrong length.
func consensusPubKey(pk cmtprotocrypto.PublicKey) (cryptotypes.PubKey, error) {
	var size int
	switch k := pk.Sum.(type) {
	case *cmtprotocrypto.PublicKey_Ed25519:
		size = len(k.Ed25519)
		if size == ed25519.PubKeySize {
			return cryptocodec.FromCmtProtoPublicKey(pk)
		}
	case *cmtprotocrypto.PublicKey_Secp256K1:
		size = len(k.Secp256K1)
		if size == secp256k1.PubKeySize {
			return cryptocodec.FromCmtProtoPublicKey(pk)
		}
	default:
		return nil, errorsmod.Wrapf(types.ErrInvalidValidatorUpdate, "unsupported public key type %T", pk.Sum)
	}
	return nil, errorsmod.Wrapf(types.ErrInvalidValidatorUpdate, "public key has the wrong size %d", size)
}

// sortUpdates orders updates by power descending, then by the text form of
// the public key descending. The text forms are computed once per update,
// not once per comparison: they dominated applying a large VSC packet.
func sortUpdates(updates []abci.ValidatorUpdate) {
	type keyed struct {
		update abci.ValidatorUpdate
		key    string
	}
	ks := make([]keyed, len(updates))
	for i, u := range updates {
		ks[i] = keyed{u, u.PubKey.String()}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		if ks[i].update.Power != ks[j].update.Power {
			return ks[i].update.Power > ks[j].update.Power
		}
		return ks[i].key > ks[j].key
	})
	for i := range ks {
		updates[i] = ks[i].update
	}
}
