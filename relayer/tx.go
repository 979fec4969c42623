package relayer

import (
	"context"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
)

// inclusionTimeout bounds the wait for a broadcast transaction.
const inclusionTimeout = 60 * time.Second

// inclusionPoll is the pause between asking whether a transaction is in.
const inclusionPoll = 250 * time.Millisecond

// included is a transaction's outcome in a block.
type included struct {
	Hash      string
	Height    int64
	GasWanted int64
	GasUsed   int64
	Codespace string
	Code      uint32
	Log       string
}

// err is nil for a transaction that succeeded, else why it failed; running
// out of gas says so with the numbers, since the fix is gas_adjustment.
func (inc included) err(chainID string) error {
	switch {
	case inc.Code == 0:
		return nil
	case inc.Codespace == sdkerrors.RootCodespace && inc.Code == sdkerrors.ErrOutOfGas.ABCICode():
		return fmt.Errorf("%s: tx %s ran out of gas at height %d (used %d of %d; raise gas_adjustment if this repeats): %s",
			chainID, inc.Hash, inc.Height, inc.GasUsed, inc.GasWanted, inc.Log)
	}
	return fmt.Errorf("%s: tx %s failed at height %d (codespace %s, code %d): %s",
		chainID, inc.Hash, inc.Height, inc.Codespace, inc.Code, inc.Log)
}

// account returns the signer's account number and next sequence.
func (c *Chain) accountState(ctx context.Context) (uint64, uint64, error) {
	res, err := authtypes.NewQueryClient(c.cctx).Account(ctx, &authtypes.QueryAccountRequest{Address: c.signer})
	if err != nil {
		return 0, 0, fmt.Errorf("%s: account %s (the relayer key needs funds or at least an account here): %w", c.id, c.signer, err)
	}
	var acc sdk.AccountI
	if err := c.codec.cdc.UnpackAny(res.Account, &acc); err != nil {
		return 0, 0, fmt.Errorf("%s: account %s: %w", c.id, c.signer, err)
	}
	return acc.GetAccountNumber(), acc.GetSequence(), nil
}

// wrongSequence finds the sequence the chain expects in the SDK's refusal
// of a transaction signed with another one (ErrWrongSequence).
var wrongSequence = regexp.MustCompile(`account sequence mismatch, expected (\d+), got \d+`)

// expectedSequence returns the sequence err says the chain expects.
func expectedSequence(err error) (uint64, bool) {
	if err == nil {
		return 0, false
	}
	m := wrongSequence.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, false
	}
	seq, perr := strconv.ParseUint(m[1], 10, 64)
	return seq, perr == nil
}

// messageIndex finds "message index: N" in a simulation or execution error.
var messageIndex = regexp.MustCompile(`message index: (\d+)`)

// simulate returns the gas msgs need. A message that fails is named by its
// index, so the caller can drop it and keep the rest.
func (c *Chain) simulate(ctx context.Context, msgs []sdk.Msg, seq uint64) (uint64, int, error) {
	txb, err := c.unsignedTx(msgs, 0)
	if err != nil {
		return 0, -1, err
	}
	rec, err := c.keys.Key(c.keyName)
	if err != nil {
		return 0, -1, err
	}
	pub, err := rec.GetPubKey()
	if err != nil {
		return 0, -1, err
	}
	if err := txb.SetSignatures(signing.SignatureV2{
		PubKey: pub, Data: &signing.SingleSignatureData{SignMode: signing.SignMode_SIGN_MODE_DIRECT}, Sequence: seq,
	}); err != nil {
		return 0, -1, err
	}
	bz, err := c.codec.txConfig.TxEncoder()(txb.GetTx())
	if err != nil {
		return 0, -1, err
	}
	res, err := txtypes.NewServiceClient(c.cctx).Simulate(ctx, &txtypes.SimulateRequest{TxBytes: bz})
	if err != nil {
		idx := -1
		if m := messageIndex.FindStringSubmatch(err.Error()); m != nil {
			idx, _ = strconv.Atoi(m[1])
		}
		return 0, idx, err
	}
	return uint64(float64(res.GasInfo.GasUsed) * c.gasAdj), -1, nil
}

func (c *Chain) unsignedTx(msgs []sdk.Msg, gas uint64) (client.TxBuilder, error) {
	txb := c.codec.txConfig.NewTxBuilder()
	if err := txb.SetMsgs(msgs...); err != nil {
		return nil, err
	}
	txb.SetGasLimit(gas)
	txb.SetMemo("rampart relayer")
	if gas > 0 && !c.gasPrice.IsZero() {
		fees := make(sdk.Coins, 0, len(c.gasPrice))
		for _, p := range c.gasPrice {
			fees = append(fees, sdk.NewCoin(p.Denom, p.Amount.MulInt(math.NewIntFromUint64(gas)).Ceil().TruncateInt()))
		}
		txb.SetFeeAmount(sdk.NewCoins(fees...))
	}
	return txb, nil
}

// signAndBroadcast signs msgs with gas and sequence seq and submits them;
// an error means CheckTx refused the transaction (or the node is down).
func (c *Chain) signAndBroadcast(ctx context.Context, msgs []sdk.Msg, gas, accNum, seq uint64) ([]byte, error) {
	txb, err := c.unsignedTx(msgs, gas)
	if err != nil {
		return nil, err
	}
	f := clienttx.Factory{}.WithTxConfig(c.codec.txConfig).WithKeybase(c.keys).WithChainID(c.id).
		WithAccountNumber(accNum).WithSequence(seq).WithSignMode(signing.SignMode_SIGN_MODE_DIRECT)
	if err := clienttx.Sign(ctx, f, c.keyName, txb, true); err != nil {
		return nil, fmt.Errorf("%s: signing: %w", c.id, err)
	}
	bz, err := c.codec.txConfig.TxEncoder()(txb.GetTx())
	if err != nil {
		return nil, err
	}
	res, err := c.rpc.BroadcastTxSync(ctx, bz)
	if err != nil {
		return nil, fmt.Errorf("%s: broadcast: %w", c.id, err)
	}
	if res.Code != 0 {
		return nil, fmt.Errorf("%s: tx refused (codespace %s, code %d): %s", c.id, res.Codespace, res.Code, res.Log)
	}
	return res.Hash, nil
}

// waitIncluded polls until the transaction is in a block.
func (c *Chain) waitIncluded(ctx context.Context, hash []byte) (included, error) {
	deadline := c.clock.Now().Add(inclusionTimeout)
	for {
		res, err := c.rpc.Tx(ctx, hash, false)
		if err == nil {
			r := res.TxResult
			return included{
				Hash: hex.EncodeToString(hash), Height: res.Height, GasWanted: r.GasWanted, GasUsed: r.GasUsed,
				Codespace: r.Codespace, Code: r.Code, Log: r.Log,
			}, nil
		}
		// Not found yet and node unreachable look alike: both wait.
		if c.clock.Now().After(deadline) {
			return included{}, fmt.Errorf("%s: tx %X not included after %s: %w", c.id, hash, inclusionTimeout, err)
		}
		if err := c.clock.Sleep(ctx, inclusionPoll); err != nil {
			return included{}, err
		}
	}
}

// Send signs msgs with the chain's key in one transaction, broadcasts it
// and waits for its block; for tools and tests (load generators). It
// returns the block height.
func (c *Chain) Send(ctx context.Context, msgs ...sdk.Msg) (int64, error) {
	c.txMu.Lock()
	defer c.txMu.Unlock()
	accNum, seq, err := c.accountState(ctx)
	if err != nil {
		return 0, err
	}
	gas, _, err := c.simulate(ctx, msgs, seq)
	if err != nil {
		return 0, fmt.Errorf("%s: simulation: %w", c.id, err)
	}
	hash, err := c.signAndBroadcast(ctx, msgs, gas, accNum, seq)
	if err != nil {
		return 0, err
	}
	inc, err := c.waitIncluded(ctx, hash)
	if err != nil {
		return 0, err
	}
	return inc.Height, inc.err(c.id)
}
