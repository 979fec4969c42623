package types_test

import (
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"

	transferkeeper "github.com/cosmos/ibc-go/v11/modules/apps/transfer/keeper"
	ibcclientkeeper "github.com/cosmos/ibc-go/v11/modules/core/02-client/keeper"
	ibcconnectionkeeper "github.com/cosmos/ibc-go/v11/modules/core/03-connection/keeper"
	ibcchannelkeeper "github.com/cosmos/ibc-go/v11/modules/core/04-channel/keeper"
	porttypes "github.com/cosmos/ibc-go/v11/modules/core/05-port/types"
	ibckeeper "github.com/cosmos/ibc-go/v11/modules/core/keeper"

	"github.com/rampart-ics/rampart/x/consumer/types"
)

// The app passes ibc-go's own keepers; this fails to compile if their API
// drifts away from the interfaces.
var (
	_ types.ClientKeeper         = (*ibcclientkeeper.Keeper)(nil)
	_ types.ConnectionKeeper     = (*ibcconnectionkeeper.Keeper)(nil)
	_ types.ChannelKeeper        = (*ibcchannelkeeper.Keeper)(nil)
	_ types.ChannelOpenInitiator = (*ibckeeper.Keeper)(nil)
	_ porttypes.ICS4Wrapper      = (*ibcchannelkeeper.Keeper)(nil)
	_ types.SlashingHooks        = slashingkeeper.Hooks{}
	_ types.BankKeeper           = bankkeeper.BaseKeeper{}
	_ types.AccountKeeper        = authkeeper.AccountKeeper{}
	_ types.TransferKeeper       = (*transferkeeper.Keeper)(nil)
)
