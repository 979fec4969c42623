package keeper

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/cosmos/ibc-go/v11/modules/core/exported"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
)

// OnRecvSlashPacket handles a consumer's request to punish a validator.
// Punishment on the provider is not implemented yet, so the request is
// refused with an error acknowledgement that says so.
func (k *Keeper) OnRecvSlashPacket(ctx sdk.Context, consumerID string, data ccv.SlashPacketData) exported.Acknowledgement {
	k.Logger(ctx).Error("slash packet refused: slashing across chains is not implemented yet",
		"consumer_id", consumerID, "infraction", data.Infraction, "valset_update_id", data.ValsetUpdateId)
	return ccv.NewErrorAck(errorsmod.Wrap(ccv.ErrInvalidPacketData, "slash packets are not handled yet"))
}
