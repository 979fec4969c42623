package keeper

import (
	"encoding/hex"
	"strconv"
	"strings"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
)

// Evidence events keep the incumbent's event types; the punishment itself
// is reported by the consumer_punishment event Punish emits.
const (
	EventTypeSubmitConsumerDoubleVoting = "submit_consumer_double_voting"
	EventTypeSubmitConsumerMisbehaviour = "submit_consumer_misbehaviour"

	AttributeSubmitterAddress       = "submitter_address"
	AttributeEvidenceHash           = "evidence_hash"
	AttributeMisbehaviourClientID   = "misbehaviour_client_id"
	AttributeMisbehaviourHeight     = "misbehaviour_height"
	AttributePunishedProviderAddrs  = "punished_provider_addresses"
	AttributeConsumerInfractionAddr = "consumer_infraction_address"
)

func emitSubmitConsumerDoubleVoting(ctx sdk.Context, consumerID, chainID, submitter string, dv DoubleVote, p exttypes.Punishment) {
	emit(ctx, EventTypeSubmitConsumerDoubleVoting,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeConsumerChainID, chainID),
		sdk.NewAttribute(AttributeSubmitterAddress, submitter),
		sdk.NewAttribute(AttributeEvidenceHash, hex.EncodeToString(dv.Key)),
		sdk.NewAttribute(AttributeConsumerInfractionAddr, dv.ConsumerAddr.String()),
		sdk.NewAttribute(AttributeInfractionHeight, strconv.FormatInt(dv.Height, 10)),
		sdk.NewAttribute(AttributeProviderAddress, p.ProviderAddress),
	)
}

func emitSubmitConsumerMisbehaviour(ctx sdk.Context, consumerID, chainID, submitter string, lca LightClientAttack, punished []exttypes.Punishment) {
	addrs := make([]string, len(punished))
	for i, p := range punished {
		addrs[i] = p.ProviderAddress
	}
	emit(ctx, EventTypeSubmitConsumerMisbehaviour,
		sdk.NewAttribute(AttributeConsumerID, consumerID),
		sdk.NewAttribute(AttributeConsumerChainID, chainID),
		sdk.NewAttribute(AttributeSubmitterAddress, submitter),
		sdk.NewAttribute(AttributeEvidenceHash, hex.EncodeToString(lca.Key)),
		sdk.NewAttribute(AttributeMisbehaviourClientID, lca.ClientID),
		sdk.NewAttribute(AttributeMisbehaviourHeight, strconv.FormatInt(lca.Height, 10)),
		sdk.NewAttribute(AttributePunishedProviderAddrs, strings.Join(addrs, ",")),
	)
}
