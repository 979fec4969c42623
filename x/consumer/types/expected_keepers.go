package types

//go:generate go tool mockgen -source=expected_keepers.go -package testutil -destination ../testutil/expected_keepers_mocks.go

import (
	"context"

	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	connectiontypes "github.com/cosmos/ibc-go/v11/modules/core/03-connection/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	"github.com/cosmos/ibc-go/v11/modules/core/exported"
)

// ClientKeeper is the part of the IBC client keeper the consumer uses: it
// creates the provider's light client at genesis and reads its chain id.
type ClientKeeper interface {
	CreateClient(ctx sdk.Context, clientType string, clientState, consensusState []byte) (string, error)
	GetClientState(ctx sdk.Context, clientID string) (exported.ClientState, bool)
}

// ConnectionKeeper reads the connection a CCV channel is opened on.
type ConnectionKeeper interface {
	GetConnection(ctx sdk.Context, connectionID string) (connectiontypes.ConnectionEnd, bool)
}

// ChannelKeeper reads channel ends and closes the CCV channel when the
// provider rejects a packet or a packet times out.
type ChannelKeeper interface {
	GetChannel(ctx sdk.Context, portID, channelID string) (channeltypes.Channel, bool)
	ChanCloseInit(ctx sdk.Context, portID, channelID string) error
}

// ChannelOpenInitiator runs a full ChanOpenInit (core checks, the port's
// callback, state write). A chain that reuses an existing connection opens
// its CCV channel itself at genesis; the IBC core keeper implements this.
type ChannelOpenInitiator interface {
	ChannelOpenInit(ctx context.Context, msg *channeltypes.MsgChannelOpenInit) (*channeltypes.MsgChannelOpenInitResponse, error)
}

// SlashingHooks is the part of x/slashing's staking hooks the consumer
// calls: every validator the provider adds gets signing info at once, or
// x/slashing's BeginBlocker would fail on its first vote. The slashing
// keeper's Hooks() implements it.
type SlashingHooks interface {
	AfterValidatorBonded(ctx context.Context, consAddr sdk.ConsAddress, valAddr sdk.ValAddress) error
}

// BankKeeper moves the fees between the module accounts of the reward split
// and reads their balances.
type BankKeeper interface {
	GetAllBalances(ctx context.Context, addr sdk.AccAddress) sdk.Coins
	GetBalance(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
	SendCoinsFromModuleToModule(ctx context.Context, senderModule, recipientModule string, amt sdk.Coins) error
}

// AccountKeeper gives the addresses of the module accounts rewards pass
// through.
type AccountKeeper interface {
	GetModuleAddress(moduleName string) sdk.AccAddress
	AddressCodec() address.Codec
}

// TransferKeeper sends the provider's share of the rewards over ICS-20: the
// transfer keeper's MsgTransfer handler implements it.
type TransferKeeper interface {
	Transfer(ctx context.Context, msg *transfertypes.MsgTransfer) (*transfertypes.MsgTransferResponse, error)
}
