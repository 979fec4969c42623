package keeper

import sdk "github.com/cosmos/cosmos-sdk/types"

// SlashAckAddrForTest exposes how slash acks name a consumer address.
func (k *Keeper) SlashAckAddrForTest(addr sdk.ConsAddress) string { return k.slashAckAddr(addr) }
