package localnet

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// NodeStatus is what a node's CometBFT RPC says about itself.
type NodeStatus struct {
	Height     int64
	Time       time.Time
	CatchingUp bool
}

// Status asks a node's CometBFT RPC for its latest block.
func (node Node) Status(ctx context.Context) (NodeStatus, error) {
	var res struct {
		Result struct {
			SyncInfo struct {
				Height     string    `json:"latest_block_height"`
				Time       time.Time `json:"latest_block_time"`
				CatchingUp bool      `json:"catching_up"`
			} `json:"sync_info"`
		} `json:"result"`
	}
	if err := getJSON(ctx, node.RPC()+"/status", &res); err != nil {
		return NodeStatus{}, fmt.Errorf("%s: %w", node.Name, err)
	}
	h, err := strconv.ParseInt(res.Result.SyncInfo.Height, 10, 64)
	if err != nil {
		return NodeStatus{}, fmt.Errorf("%s: height %q: %w", node.Name, res.Result.SyncInfo.Height, err)
	}
	return NodeStatus{Height: h, Time: res.Result.SyncInfo.Time, CatchingUp: res.Result.SyncInfo.CatchingUp}, nil
}

// Validator is a member of a chain's CometBFT validator set.
type Validator struct {
	Address string `json:"address"`
	PubKey  struct {
		Value string `json:"value"`
	} `json:"pub_key"`
	Power int64 `json:"voting_power,string"`
}

// Validators returns the CometBFT validator set at the node's latest
// height: what the chain's consensus actually uses.
func (node Node) Validators(ctx context.Context) ([]Validator, error) {
	var res struct {
		Result struct {
			Validators []Validator `json:"validators"`
		} `json:"result"`
	}
	if err := getJSON(ctx, node.RPC()+"/validators?per_page=100", &res); err != nil {
		return nil, fmt.Errorf("%s: %w", node.Name, err)
	}
	return res.Result.Validators, nil
}

// WaitHeight waits until the node reports at least height.
func (node Node) WaitHeight(ctx context.Context, height int64, timeout time.Duration) error {
	err := waitFor(ctx, timeout, 300*time.Millisecond, func() (bool, error) {
		st, err := node.Status(ctx)
		return err == nil && st.Height >= height, nil
	})
	if err != nil {
		return fmt.Errorf("%s did not reach height %d: %w", node.Name, height, err)
	}
	return nil
}

func getJSON(ctx context.Context, url string, out any) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, res.Status)
	}
	return json.NewDecoder(res.Body).Decode(out)
}
