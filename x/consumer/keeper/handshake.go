package keeper

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

// ensureNoEstablishedChannel refuses a handshake once the CCV channel is
// established: there is exactly one provider channel.
func (k *Keeper) ensureNoEstablishedChannel(ctx sdk.Context) error {
	channelID, found, err := k.ProviderChannel(ctx)
	if err != nil {
		return err
	}
	if found {
		return errorsmod.Wrapf(ccvtypes.ErrDuplicateChannel, "CCV channel %s is already established", channelID)
	}
	return nil
}

// VerifyChanOpenInit checks the state-dependent conditions of a consumer
// ChanOpenInit: no established channel yet, and a single connection hop
// whose connection runs over the provider's light client.
//
// Spec tag: [CCV-CCF-COINIT.1]
func (k *Keeper) VerifyChanOpenInit(ctx sdk.Context, connectionHops []string) error {
	if err := k.ensureNoEstablishedChannel(ctx); err != nil {
		return err
	}
	if len(connectionHops) != 1 {
		return errorsmod.Wrapf(types.ErrInvalidConnectionHops, "got %d hops", len(connectionHops))
	}
	conn, found := k.connectionKeeper.GetConnection(ctx, connectionHops[0])
	if !found {
		return errorsmod.Wrapf(ccvtypes.ErrConnectionNotFound, "connection %s", connectionHops[0])
	}
	clientID, found, err := k.ProviderClient(ctx)
	if err != nil {
		return err
	}
	if !found {
		return types.ErrProviderClientNotSet
	}
	if conn.ClientId != clientID {
		return errorsmod.Wrapf(types.ErrInvalidProviderClient, "connection %s: expected client %s, got %s",
			connectionHops[0], clientID, conn.ClientId)
	}
	return nil
}

// OnChanOpenAck reads the provider's handshake metadata, remembers the
// address rewards are sent to and, unless one exists, starts the transfer
// channel rewards travel on (distribution_channel.go). The CCV channel is
// not established yet: that waits for the first VSC packet.
//
// Spec tag: [CCV-CCF-COACK.1]
func (k *Keeper) OnChanOpenAck(ctx sdk.Context, channelID, counterpartyVersion string) error {
	if err := k.ensureNoEstablishedChannel(ctx); err != nil {
		return err
	}
	md, err := ccvtypes.ParseHandshakeMetadata(counterpartyVersion)
	if err != nil {
		return err
	}
	params, err := k.GetConsumerParams(ctx)
	if err != nil {
		return err
	}
	params.ProviderFeePoolAddrStr = md.ProviderFeePoolAddr
	if err := k.Params.Set(ctx, params); err != nil {
		return err
	}
	return k.openDistributionChannel(ctx, channelID)
}

// VerifyChanCloseInit allows closing only a duplicate channel, one that is
// not the established CCV channel; the CCV channel itself never closes on
// request.
//
// Spec tag: [CCV-CCF-CCINIT.1]
func (k *Keeper) VerifyChanCloseInit(ctx sdk.Context, channelID string) error {
	established, found, err := k.ProviderChannel(ctx)
	if err != nil {
		return err
	}
	if found && established != channelID {
		return nil
	}
	return errorsmod.Wrapf(types.ErrChannelCloseNotPermitted, "channel %s", channelID)
}
