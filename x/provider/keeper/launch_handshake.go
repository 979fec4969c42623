package keeper

import (
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	abci "github.com/cometbft/cometbft/abci/types"

	ccv "github.com/rampart-ics/rampart/x/ccv/types"
	"github.com/rampart-ics/rampart/x/provider/types"
)

// VerifyChanOpenTry checks a consumer's request to open the CCV channel and
// returns the provider's version: the handshake metadata.
func (k *Keeper) VerifyChanOpenTry(
	ctx sdk.Context,
	order channeltypes.Order,
	connectionHops []string,
	portID string,
	counterparty channeltypes.Counterparty,
	counterpartyVersion string,
) (string, error) {
	if order != ccv.Order {
		return "", errorsmod.Wrapf(channeltypes.ErrInvalidChannelOrdering, "expected %s channel, got %s", ccv.Order, order)
	}
	if portID != ccv.ProviderPortID {
		return "", errorsmod.Wrapf(ccv.ErrInvalidChannelFlow, "expected port %s, got %s", ccv.ProviderPortID, portID)
	}
	if counterparty.PortId != ccv.ConsumerPortID {
		return "", errorsmod.Wrapf(ccv.ErrInvalidChannelFlow, "expected counterparty port %s, got %s", ccv.ConsumerPortID, counterparty.PortId)
	}
	if counterpartyVersion != ccv.Version {
		return "", errorsmod.Wrapf(ccv.ErrInvalidVersion, "expected counterparty version %q, got %q", ccv.Version, counterpartyVersion)
	}
	if _, err := k.consumerOfChannel(ctx, connectionHops); err != nil {
		return "", err
	}
	pool := k.accountKeeper.GetModuleAccount(ctx, ccv.ConsumerRewardsPool)
	return ccv.NewHandshakeMetadata(pool.GetAddress().String()).Encode()
}

// consumerOfChannel finds the launched consumer a channel would serve, from
// its single connection's client, and checks it has no CCV channel yet.
func (k *Keeper) consumerOfChannel(ctx sdk.Context, connectionHops []string) (string, error) {
	if len(connectionHops) != 1 {
		return "", errorsmod.Wrapf(channeltypes.ErrTooManyConnectionHops, "a CCV channel must have 1 connection hop, got %d", len(connectionHops))
	}
	conn, found := k.connectionKeeper.GetConnection(ctx, connectionHops[0])
	if !found {
		return "", errorsmod.Wrapf(ccv.ErrConnectionNotFound, "connection %s", connectionHops[0])
	}
	consumerID, err := k.ClientIDToConsumerID.Get(ctx, conn.ClientId)
	if errors.Is(err, collections.ErrNotFound) {
		return "", errorsmod.Wrapf(ccv.ErrInvalidConsumerClient, "client %s of connection %s is not a consumer's client", conn.ClientId, connectionHops[0])
	}
	if err != nil {
		return "", err
	}
	phase, err := k.consumerPhase(ctx, consumerID)
	if err != nil {
		return "", err
	}
	if phase != types.CONSUMER_PHASE_LAUNCHED {
		return "", errorsmod.Wrapf(types.ErrInvalidPhase, "consumer %s is %s, not launched", consumerID, phase)
	}
	if existing, err := k.ConsumerChannelID.Get(ctx, consumerID); err == nil {
		return "", errorsmod.Wrapf(ccv.ErrDuplicateChannel, "consumer %s already has CCV channel %s", consumerID, existing)
	}
	return consumerID, nil
}

// SetConsumerChain records a newly opened CCV channel and sends the
// consumer a VSC packet at once, so that it leaves its IBC-only mode without
// waiting for the next validator set change (an incumbent provider
// waits; see docs/adr/003-behaviour-beyond-the-incumbent.md).
func (k *Keeper) SetConsumerChain(ctx sdk.Context, channelID string) error {
	channel, found := k.channelKeeper.GetChannel(ctx, ccv.ProviderPortID, channelID)
	if !found {
		return errorsmod.Wrapf(ccv.ErrChannelNotFound, "channel %s", channelID)
	}
	consumerID, err := k.consumerOfChannel(ctx, channel.ConnectionHops)
	if err != nil {
		return err
	}
	writes := []func() error{
		func() error { return k.ConsumerChannelID.Set(ctx, consumerID, channelID) },
		func() error { return k.ChannelIDToConsumerID.Set(ctx, channelID, consumerID) },
		func() error { return k.InitChainHeight.Set(ctx, consumerID, uint64(ctx.BlockHeight())) },
		func() error { return k.queueEstablishingVSC(ctx, consumerID) },
	}
	for _, write := range writes {
		if err := write(); err != nil {
			return err
		}
	}
	clientID, _ := k.ConsumerClientID.Get(ctx, consumerID)
	emitEvent(ctx, EventChannelEstablished{ConsumerID: consumerID, ChannelID: channelID, ConnectionID: channel.ConnectionHops[0], ClientID: clientID})

	// If sending fails now, EndBlock sends the packets (or stops the
	// consumer); the handshake itself must not fail for it.
	cacheCtx, write := ctx.CacheContext()
	if err := k.sendVSCPackets(cacheCtx, consumerID); err != nil {
		k.Logger(ctx).Error("cannot send VSC packets at channel establishment; retrying at end of block", "consumer_id", consumerID, "error", err)
		return nil
	}
	write()
	return nil
}

// queueEstablishingVSC makes sure a consumer has a packet to receive: an
// empty one if no change is pending. It takes the current valset update id
// and moves the counter on, so ids stay unique.
func (k *Keeper) queueEstablishingVSC(ctx sdk.Context, consumerID string) error {
	if has, err := k.PendingVSCPackets.Has(ctx, consumerID); err != nil || has {
		return err
	}
	valsetUpdateID, err := k.ValsetUpdateID.Get(ctx)
	if err != nil {
		return err
	}
	if err := k.appendPendingVSC(ctx, consumerID, ccv.NewValidatorSetChangePacketData([]abci.ValidatorUpdate{}, valsetUpdateID, nil)); err != nil {
		return err
	}
	return k.ValsetUpdateID.Set(ctx, valsetUpdateID+1)
}
