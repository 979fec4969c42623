package keeper

import (
	"bytes"
	"fmt"
	"time"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// CheckKeyAssignmentInvariant verifies that the key-assignment maps are
// inverse to each other: every assigned key maps back to its validator,
// and every other address mapping is a retired key waiting to be pruned.
func (k *Keeper) CheckKeyAssignmentInvariant(ctx sdk.Context) error {
	current := make(map[string]bool) // consumer id + consumer address
	err := k.ConsumerKeys.Walk(ctx, nil, func(key collections.Pair[string, []byte], pk cmtprotocrypto.PublicKey) (bool, error) {
		addr, err := types.ConsumerKeyAddr(pk)
		if err != nil {
			return true, err
		}
		back, err := k.ValidatorsByConsumerAddr.Get(ctx, collections.Join(key.K1(), []byte(addr)))
		if err != nil {
			return true, fmt.Errorf("consumer %s: key of %X has no reverse mapping: %w", key.K1(), key.K2(), err)
		}
		if !bytes.Equal(back, key.K2()) {
			return true, fmt.Errorf("consumer %s: key of %X maps back to %X", key.K1(), key.K2(), back)
		}
		current[key.K1()+"/"+string(addr)] = true
		return false, nil
	})
	if err != nil {
		return err
	}
	retired := make(map[string]bool)
	err = k.ConsumerAddrsToPrune.Walk(ctx, nil, func(key collections.Triple[string, time.Time, []byte]) (bool, error) {
		retired[key.K1()+"/"+string(key.K3())] = true
		return false, nil
	})
	if err != nil {
		return err
	}
	return k.ValidatorsByConsumerAddr.Walk(ctx, nil, func(key collections.Pair[string, []byte], _ []byte) (bool, error) {
		id := key.K1() + "/" + string(key.K2())
		if !current[id] && !retired[id] {
			return true, fmt.Errorf("consumer %s: address %X is neither assigned nor waiting to be pruned", key.K1(), key.K2())
		}
		return false, nil
	})
}
