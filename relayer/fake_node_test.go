package relayer

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtbytes "github.com/cometbft/cometbft/libs/bytes"
	rpcclient "github.com/cometbft/cometbft/rpc/client"
	coretypes "github.com/cometbft/cometbft/rpc/core/types"
	cmttypes "github.com/cometbft/cometbft/types"
)

// errDown is what every call to a fake node that is down returns.
var errDown = errors.New("dial tcp 127.0.0.1:26657: connect: connection refused")

// outcome is a scripted CheckTx or DeliverTx answer; the zero value is
// success.
type outcome struct {
	code      uint32
	codespace string
	log       string
}

// broadcast is one transaction that reached the node's BroadcastTxSync.
type broadcast struct {
	seq      uint64
	gas      uint64
	msgs     []sdk.Msg
	accepted bool // CheckTx took it
}

// fakeNode is one chain behind the cometRPC interface: an account whose
// sequence CheckTx and simulation enforce as the SDK does, and a block per
// accepted transaction. What the chain's modules do lives in fake_ibc_test.go.
type fakeNode struct {
	client.CometRPC // not implemented: a call the relayer should not make panics

	mu     sync.Mutex
	id     string
	cc     chainCodec
	height int64
	t0     time.Time
	down   bool
	calls  map[string]int

	accNum, seq uint64 // committed account state
	// foreign counts transactions of another sender of the same key in
	// the mempool: CheckTx and simulation expect seq+foreign.
	foreign     uint64
	beforeCheck func(n *fakeNode) // runs before each CheckTx, under mu
	checkTx     []outcome         // scripted, one per broadcast
	deliverTx   []outcome         // scripted, one per accepted tx
	simGas      uint64
	txDown      int // Tx fails, as if unreachable, this many more times

	broadcasts []broadcast
	results    map[string]*coretypes.ResultTx

	ibc fakeIBC
}

func newFakeNode(id string, cc chainCodec, t0 time.Time) *fakeNode {
	n := &fakeNode{
		id: id, cc: cc, height: 10, t0: t0, calls: map[string]int{},
		accNum: 3, seq: 7, simGas: 100_000, results: map[string]*coretypes.ResultTx{},
	}
	n.ibc = newFakeIBC(n)
	return n
}

// enter counts a call and fails it if the node is down; the caller
// holds mu until it returns.
func (n *fakeNode) enter(method string) error {
	n.mu.Lock()
	n.calls[method]++
	if n.down {
		return errDown
	}
	return nil
}

func (n *fakeNode) count(method string) int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.calls[method]
}

func (n *fakeNode) blockTime(h int64) time.Time { return n.t0.Add(time.Duration(h) * time.Second) }

// newBlock commits an empty block.
func (n *fakeNode) newBlock() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.height++
}

func (n *fakeNode) setDown(down bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.down = down
}

func (n *fakeNode) sent() []broadcast {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]broadcast(nil), n.broadcasts...)
}

func (n *fakeNode) Status(context.Context) (*coretypes.ResultStatus, error) {
	err := n.enter("Status")
	defer n.mu.Unlock()
	if err != nil {
		return nil, err
	}
	st := &coretypes.ResultStatus{}
	st.NodeInfo.Network = n.id
	st.SyncInfo.LatestBlockHeight, st.SyncInfo.LatestBlockTime = n.height, n.blockTime(n.height)
	return st, nil
}

func (n *fakeNode) Header(_ context.Context, h *int64) (*coretypes.ResultHeader, error) {
	err := n.enter("Header")
	defer n.mu.Unlock()
	if err != nil {
		return nil, err
	}
	if *h > n.height {
		return nil, fmt.Errorf("height %d is not available, latest %d", *h, n.height)
	}
	return &coretypes.ResultHeader{Header: &cmttypes.Header{ChainID: n.id, Height: *h, Time: n.blockTime(*h)}}, nil
}

// Commit is asked for when building a client update; the fake has no
// signed headers, so such a transaction is skipped.
func (n *fakeNode) Commit(_ context.Context, h *int64) (*coretypes.ResultCommit, error) {
	err := n.enter("Commit")
	defer n.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return nil, errors.New("fake node: no signed headers")
}

func (n *fakeNode) BroadcastTxSync(_ context.Context, bz cmttypes.Tx) (*coretypes.ResultBroadcastTx, error) {
	err := n.enter("BroadcastTxSync")
	defer n.mu.Unlock()
	if err != nil {
		return nil, err
	}
	tx, err := n.cc.txConfig.TxDecoder()(bz)
	if err != nil {
		return nil, err
	}
	seq, err := txSequence(tx)
	if err != nil {
		return nil, err
	}
	b := broadcast{seq: seq, gas: tx.(sdk.FeeTx).GetGas(), msgs: tx.GetMsgs()}
	if n.beforeCheck != nil {
		n.beforeCheck(n)
	}
	out := n.checkSequence(seq)
	if out.code == 0 && len(n.checkTx) > 0 {
		out, n.checkTx = n.checkTx[0], n.checkTx[1:]
	}
	b.accepted = out.code == 0
	n.broadcasts = append(n.broadcasts, b)
	res := &coretypes.ResultBroadcastTx{Code: out.code, Codespace: out.codespace, Log: out.log, Hash: bz.Hash()}
	if b.accepted {
		n.commit(bz, b)
	}
	return res, nil
}

// checkSequence refuses a signature sequence the account is not at, with
// the SDK's code and message.
func (n *fakeNode) checkSequence(seq uint64) outcome {
	if want := n.seq + n.foreign; seq != want {
		return outcome{
			code: sdkerrors.ErrWrongSequence.ABCICode(), codespace: sdkerrors.RootCodespace,
			log: fmt.Sprintf("account sequence mismatch, expected %d, got %d: incorrect account sequence", want, seq),
		}
	}
	return outcome{}
}

// commit puts an accepted transaction in the next block, after any
// foreign ones; it uses its sequence even if it fails there, as in the SDK.
func (n *fakeNode) commit(bz cmttypes.Tx, b broadcast) {
	n.height++
	n.seq, n.foreign = b.seq+1, 0
	var out outcome
	if len(n.deliverTx) > 0 {
		out, n.deliverTx = n.deliverTx[0], n.deliverTx[1:]
	}
	used := int64(b.gas) / 2
	if out.code == 0 {
		for _, m := range b.msgs {
			n.ibc.deliver(m)
		}
	} else if out.code == sdkerrors.ErrOutOfGas.ABCICode() {
		used = int64(b.gas) + 1
	}
	n.results[hex.EncodeToString(bz.Hash())] = &coretypes.ResultTx{Hash: bz.Hash(), Height: n.height, TxResult: abci.ExecTxResult{
		Code: out.code, Codespace: out.codespace, Log: out.log, GasWanted: int64(b.gas), GasUsed: used,
	}}
}

func (n *fakeNode) Tx(_ context.Context, hash []byte, _ bool) (*coretypes.ResultTx, error) {
	err := n.enter("Tx")
	defer n.mu.Unlock()
	if err != nil {
		return nil, err
	}
	if n.txDown > 0 {
		n.txDown--
		return nil, errDown
	}
	res, ok := n.results[hex.EncodeToString(hash)]
	if !ok {
		return nil, fmt.Errorf("tx (%X) not found", hash)
	}
	return res, nil
}

// ABCIQueryWithOptions answers the SDK's gRPC-over-ABCI queries.
func (n *fakeNode) ABCIQueryWithOptions(_ context.Context, path string, data cmtbytes.HexBytes, _ rpcclient.ABCIQueryOptions) (*coretypes.ResultABCIQuery, error) {
	err := n.enter(path)
	defer n.mu.Unlock()
	if err != nil {
		return nil, err
	}
	resp := abci.ResponseQuery{Height: n.height}
	handle, ok := n.ibc.routes[path]
	if !ok {
		return nil, fmt.Errorf("fake node %s: no query %s", n.id, path)
	}
	res, out := handle(data)
	switch {
	case out.code != 0:
		resp.Code, resp.Codespace, resp.Log = out.code, out.codespace, out.log
	default:
		if resp.Value, err = proto.Marshal(res); err != nil {
			return nil, err
		}
	}
	return &coretypes.ResultABCIQuery{Response: resp}, nil
}

// txSequence is the sequence of a transaction's only signature.
func txSequence(tx sdk.Tx) (uint64, error) {
	sigs, err := tx.(authsigning.SigVerifiableTx).GetSignaturesV2()
	if err != nil {
		return 0, fmt.Errorf("signatures: %w", err)
	}
	if len(sigs) != 1 {
		return 0, fmt.Errorf("want one signature, got %d", len(sigs))
	}
	return sigs[0].Sequence, nil
}
