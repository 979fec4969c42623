package types

import (
	"context"
	"time"

	"cosmossdk.io/core/address"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	conntypes "github.com/cosmos/ibc-go/v11/modules/core/03-connection/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
	"github.com/cosmos/ibc-go/v11/modules/core/exported"
)

// StakingKeeper is what the provider reads of x/staking.
type StakingKeeper interface {
	GetBondedValidatorsByPower(ctx context.Context) ([]stakingtypes.Validator, error)
	GetLastValidatorPower(ctx context.Context, operator sdk.ValAddress) (int64, error)
	GetValidator(ctx context.Context, addr sdk.ValAddress) (stakingtypes.Validator, error)
	GetValidatorByConsAddr(ctx context.Context, consAddr sdk.ConsAddress) (stakingtypes.Validator, error)
	UnbondingTime(ctx context.Context) (time.Duration, error)
	PowerReduction(ctx context.Context) math.Int
	ValidatorAddressCodec() address.Codec
	ConsensusAddressCodec() address.Codec

	// Punishment and the stake it reaches.
	SlashWithInfractionReason(ctx context.Context, consAddr sdk.ConsAddress, infractionHeight, power int64,
		slashFactor math.LegacyDec, infraction stakingtypes.Infraction) (math.Int, error)
	Jail(ctx context.Context, consAddr sdk.ConsAddress) error
	GetLastTotalPower(ctx context.Context) (math.Int, error)
	GetUnbondingDelegationsFromValidator(ctx context.Context, valAddr sdk.ValAddress) ([]stakingtypes.UnbondingDelegation, error)
	GetRedelegationsFromSrcValidator(ctx context.Context, valAddr sdk.ValAddress) ([]stakingtypes.Redelegation, error)
	MinCommissionRate(ctx context.Context) (math.LegacyDec, error)
}

// SlashingKeeper provides the defaults of consumer infraction parameters and
// jails and tombstones on the provider's behalf.
type SlashingKeeper interface {
	SlashFractionDoubleSign(ctx context.Context) (math.LegacyDec, error)
	DowntimeJailDuration(ctx context.Context) (time.Duration, error)
	JailUntil(ctx context.Context, consAddr sdk.ConsAddress, jailTime time.Time) error
	Tombstone(ctx context.Context, consAddr sdk.ConsAddress) error
	IsTombstoned(ctx context.Context, consAddr sdk.ConsAddress) bool
}

// AccountKeeper gives the provider its module accounts and address codec.
type AccountKeeper interface {
	GetModuleAccount(ctx context.Context, moduleName string) sdk.ModuleAccountI
	AddressCodec() address.Codec
}

// ClientKeeper creates and reads consumer light clients.
type ClientKeeper interface {
	CreateClient(ctx sdk.Context, clientType string, clientState, consensusState []byte) (string, error)
	GetClientState(ctx sdk.Context, clientID string) (exported.ClientState, bool)
	GetClientConsensusState(ctx sdk.Context, clientID string, height exported.Height) (exported.ConsensusState, bool)
	GetClientLatestHeight(ctx sdk.Context, clientID string) clienttypes.Height
	// Route gives the light client module that verifies evidence against a
	// consumer's client.
	Route(ctx sdk.Context, clientID string) (exported.LightClientModule, error)
}

// ConnectionKeeper reads connections during the channel handshake.
type ConnectionKeeper interface {
	GetConnection(ctx sdk.Context, connectionID string) (conntypes.ConnectionEnd, bool)
}

// ChannelKeeper reads and closes CCV channels.
type ChannelKeeper interface {
	GetChannel(ctx sdk.Context, portID, channelID string) (channeltypes.Channel, bool)
	ChanCloseInit(ctx sdk.Context, portID, channelID string) error
}

// BankKeeper moves consumer rewards out of the consumer rewards pool.
type BankKeeper interface {
	SendCoinsFromModuleToModule(ctx context.Context, senderModule, recipientModule string, amt sdk.Coins) error
}

// DistributionKeeper credits consumer rewards to validators and to the
// community pool.
type DistributionKeeper interface {
	AllocateTokensToValidator(ctx context.Context, val stakingtypes.ValidatorI, tokens sdk.DecCoins) error
	FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error
	GetCommunityTax(ctx context.Context) (math.LegacyDec, error)
}
