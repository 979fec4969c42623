package e2e_test

import (
	"encoding/base64"
	"fmt"
	"sort"
	"strconv"
	"strings"

	rpchttp "github.com/cometbft/cometbft/rpc/client/http"

	providertypes "github.com/rampart-ics/rampart/x/provider/types"
)

// ccvChannelOpen: the consumer reports an established CCV channel (it
// received its first VSC packet over it).
type ccvChannelOpen struct{ consumer string }

func (x ccvChannelOpen) String() string { return x.consumer + " has an open CCV channel" }

func (x ccvChannelOpen) check(e *env) (bool, string, error) {
	c, err := e.net.Consumer(x.consumer)
	if err != nil {
		return false, "", err
	}
	var info struct {
		Consumer struct {
			ChannelID string `json:"channelID"`
		} `json:"consumer"`
	}
	if err := e.net.Query(e.ctx, c, &info, "ccvconsumer", "provider-info"); err != nil {
		return false, "no CCV channel yet", nil
	}
	return true, "consumer channel " + info.Consumer.ChannelID, nil
}

// consumerPower: a validator's power in the consumer's CometBFT set.
type consumerPower struct {
	consumer  string
	validator int
	power     int64
}

func (x consumerPower) String() string {
	return fmt.Sprintf("val%d has power %d in %s's CometBFT validator set", x.validator, x.power, x.consumer)
}

func (x consumerPower) check(e *env) (bool, string, error) {
	set, err := cometSet(e, x.consumer)
	if err != nil {
		return false, err.Error(), nil
	}
	key, err := e.net.ConsensusKey(x.validator)
	if err != nil {
		return false, "", err
	}
	return set[key] == x.power, fmt.Sprintf("val%d power %d", x.validator, set[key]), nil
}

// consumerSetIsProviders: the consumer's CometBFT set equals the set the
// provider computed and stored for it (the invariant CCV exists for).
type consumerSetIsProviders struct{ consumer string }

func (x consumerSetIsProviders) String() string {
	return x.consumer + "'s CometBFT set equals the provider's stored set for it"
}

func (x consumerSetIsProviders) check(e *env) (bool, string, error) {
	c, err := e.net.Consumer(x.consumer)
	if err != nil {
		return false, "", err
	}
	onConsumer, err := cometSet(e, x.consumer)
	if err != nil {
		return false, err.Error(), nil
	}
	onProvider, err := providerConsumerSet(e, c.ConsumerID)
	if err != nil {
		return false, err.Error(), nil
	}
	seen := fmt.Sprintf("consumer %s, provider %s", describe(onConsumer), describe(onProvider))
	if len(onConsumer) != len(onProvider) {
		return false, seen, nil
	}
	for k, p := range onProvider {
		if onConsumer[k] != p {
			return false, seen, nil
		}
	}
	return true, seen, nil
}

// packetPending: the provider holds at least one VSC packet the consumer
// has not acknowledged (the relayer is down, so it waits on the provider).
type packetPending struct{ consumer string }

func (x packetPending) String() string {
	return "a VSC packet for " + x.consumer + " waits on the provider"
}

func (x packetPending) check(e *env) (bool, string, error) {
	st, err := channelState(e, x.consumer)
	if err != nil {
		return false, err.Error(), nil
	}
	return st.providerCommitments > 0, st.String(), nil
}

// allRelayed: every VSC packet the provider sent was received once, in
// order, and acknowledged: nothing lost, nothing duplicated.
type allRelayed struct{ consumer string }

func (x allRelayed) String() string {
	return "every VSC packet for " + x.consumer + " was received and acknowledged"
}

func (x allRelayed) check(e *env) (bool, string, error) {
	st, err := channelState(e, x.consumer)
	if err != nil {
		return false, err.Error(), nil
	}
	ok := st.providerCommitments == 0 && st.consumerNextRecv == st.providerNextSend && st.providerNextSend > 1
	return ok, st.String(), nil
}

type ccvChannelState struct {
	providerNextSend, consumerNextRecv uint64
	providerCommitments                int
}

func (s ccvChannelState) String() string {
	return fmt.Sprintf("provider next send %d, consumer next receive %d, %d unacknowledged on the provider",
		s.providerNextSend, s.consumerNextRecv, s.providerCommitments)
}

// channelState reads both ends of a consumer's CCV channel.
func channelState(e *env, consumer string) (ccvChannelState, error) {
	c, err := e.net.Consumer(consumer)
	if err != nil {
		return ccvChannelState{}, err
	}
	var info struct {
		Consumer struct {
			ChannelID string `json:"channelID"`
		} `json:"consumer"`
		Provider struct {
			ChannelID string `json:"channelID"`
		} `json:"provider"`
	}
	if err := e.net.Query(e.ctx, c, &info, "ccvconsumer", "provider-info"); err != nil {
		return ccvChannelState{}, err
	}
	var send struct {
		Seq flexInt `json:"next_sequence_send"`
	}
	var recv struct {
		Seq flexInt `json:"next_sequence_receive"`
	}
	var commitments struct {
		Commitments []struct{} `json:"commitments"`
	}
	if err := e.net.Query(e.ctx, &e.net.Provider, &send, "ibc", "channel", "next-sequence-send", "provider", info.Provider.ChannelID); err != nil {
		return ccvChannelState{}, err
	}
	if err := e.net.Query(e.ctx, c, &recv, "ibc", "channel", "next-sequence-receive", "consumer", info.Consumer.ChannelID); err != nil {
		return ccvChannelState{}, err
	}
	if err := e.net.Query(e.ctx, &e.net.Provider, &commitments, "ibc", "channel", "packet-commitments", "provider", info.Provider.ChannelID); err != nil {
		return ccvChannelState{}, err
	}
	return ccvChannelState{
		providerNextSend: uint64(send.Seq), consumerNextRecv: uint64(recv.Seq),
		providerCommitments: len(commitments.Commitments),
	}, nil
}

// cometSet is a consumer's CometBFT validator set: consensus key → power.
func cometSet(e *env, consumer string) (map[string]int64, error) {
	c, err := e.net.Consumer(consumer)
	if err != nil {
		return nil, err
	}
	vals, err := c.Nodes[0].Validators(e.ctx)
	if err != nil {
		return nil, err
	}
	set := map[string]int64{}
	for _, v := range vals {
		set[v.PubKey.Value] = v.Power
	}
	return set, nil
}

func describe(set map[string]int64) string {
	var parts []string
	for k, p := range set {
		parts = append(parts, fmt.Sprintf("%s…:%d", k[:6], p))
	}
	sort.Strings(parts)
	return "{" + strings.Join(parts, " ") + "}"
}

// flexInt decodes an integer written as a JSON number or string.
type flexInt int64

func (f *flexInt) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "" || s == "null" {
		*f = 0
		return nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	*f = flexInt(v)
	return err
}

// providerConsumerSet is the set the provider stored for a consumer, read
// with an ABCI query (the CLI cannot print ed25519 consumer keys).
func providerConsumerSet(e *env, consumerID string) (map[string]int64, error) {
	rpc, err := rpchttp.New(e.net.Provider.Nodes[0].RPC(), "/websocket")
	if err != nil {
		return nil, err
	}
	req, err := (&providertypes.QueryConsumerValidatorsRequest{ConsumerId: consumerID}).Marshal()
	if err != nil {
		return nil, err
	}
	res, err := rpc.ABCIQuery(e.ctx, "/interchain_security.ccv.provider.v1.Query/QueryConsumerValidators", req)
	if err != nil {
		return nil, err
	}
	if res.Response.Code != 0 {
		return nil, fmt.Errorf("consumer-validators %s: %s", consumerID, res.Response.Log)
	}
	var out providertypes.QueryConsumerValidatorsResponse
	if err := out.Unmarshal(res.Response.Value); err != nil {
		return nil, err
	}
	set := map[string]int64{}
	for _, v := range out.Validators {
		set[base64.StdEncoding.EncodeToString(v.ConsumerKey.GetEd25519())] = v.ConsumerPower
	}
	return set, nil
}
