package types

import (
	"time"

	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"
)

const (
	// ProviderPortID is the IBC port the provider binds.
	ProviderPortID = "provider"
	// ConsumerPortID is the IBC port the consumer binds.
	ConsumerPortID = "consumer"

	// Version is the CCV channel version. The consumer proposes it as is; the
	// provider answers with HandshakeMetadata that carries it.
	Version = "1"

	// Order is the ordering of every CCV channel.
	Order = channeltypes.ORDERED

	// TransferVersion is the ICS-20 version of the reward channel.
	TransferVersion = "ics20-1"

	// DefaultValsetUpdateID is the first valset update id of a new provider.
	DefaultValsetUpdateID = uint64(1)

	// DefaultCCVTimeoutPeriod is how long a CCV packet may take to arrive.
	DefaultCCVTimeoutPeriod = 4 * 7 * 24 * time.Hour

	// ConsumerRewardsPool is the provider module account that receives
	// consumer rewards; its address travels in the handshake metadata.
	ConsumerRewardsPool = "consumer_rewards_pool"
)
