package relayer

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdk "github.com/cosmos/cosmos-sdk/types"
	grpctypes "github.com/cosmos/cosmos-sdk/types/grpc"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"

	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	coretypes "github.com/cometbft/cometbft/rpc/core/types"
)

// cometRPC is what the relayer asks of a CometBFT node: the SDK client's
// queries and broadcasts, and headers. *rpchttp.HTTP is one; the tests put
// a fake chain behind it.
type cometRPC interface {
	client.CometRPC
	Header(ctx context.Context, height *int64) (*coretypes.ResultHeader, error)
}

// Chain is the relayer's connection to one chain: CometBFT RPC for
// status, headers, proofs, events and broadcasts; gRPC (or ABCI queries
// over RPC) for plain queries; a keyring key to sign with.
type Chain struct {
	id       string
	revision uint64
	rpc      cometRPC
	cctx     client.Context
	codec    chainCodec
	keys     keyring.Keyring
	keyName  string
	account  sdk.AccAddress
	signer   string
	gasPrice sdk.DecCoins
	gasAdj   float64
	log      *slog.Logger
	clock    clock

	// txMu serialises signing and broadcasting: one account, one sequence.
	txMu sync.Mutex
}

// ConnectChain dials a chain and loads the signing key. It fails if the
// chain is unreachable, is not cfg.ChainID, or the key is missing.
func ConnectChain(ctx context.Context, cfg ChainConfig, key KeyConfig, log *slog.Logger) (*Chain, error) {
	timeout, err := cfg.timeout()
	if err != nil {
		return nil, err
	}
	rpc, err := rpchttp.NewWithTimeout(cfg.RPC, "/websocket", uint(max(timeout/time.Second, 1)))
	if err != nil {
		return nil, fmt.Errorf("%s: rpc %s: %w", cfg.ChainID, cfg.RPC, err)
	}
	status, err := rpc.Status(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: rpc %s unreachable: %w", cfg.ChainID, cfg.RPC, err)
	}
	if status.NodeInfo.Network != cfg.ChainID {
		return nil, fmt.Errorf("rpc %s serves chain %q, not %q", cfg.RPC, status.NodeInfo.Network, cfg.ChainID)
	}
	prefix := cfg.AccountPrefix
	if prefix == "" {
		base := client.Context{}.WithClient(rpc).WithChainID(cfg.ChainID)
		res, err := authtypes.NewQueryClient(base).Bech32Prefix(ctx, &authtypes.Bech32PrefixRequest{})
		if err != nil {
			return nil, fmt.Errorf("%s: asking the account prefix (set account_prefix to skip): %w", cfg.ChainID, err)
		}
		prefix = res.Bech32Prefix
	}
	cc, err := newChainCodec(prefix)
	if err != nil {
		return nil, err
	}
	c, err := newChain(cfg, rpc, cc, log)
	if err != nil {
		return nil, err
	}
	if cfg.GRPC != "" {
		// The chain's codec, not grpc's default: SDK messages are gogoproto.
		conn, err := grpc.NewClient(cfg.GRPC, grpc.WithTransportCredentials(insecure.NewCredentials()),
			grpc.WithDefaultCallOptions(grpc.ForceCodec(cc.cdc.GRPCCodec())))
		if err != nil {
			return nil, fmt.Errorf("%s: grpc %s: %w", cfg.ChainID, cfg.GRPC, err)
		}
		c.cctx = c.cctx.WithGRPCClient(conn)
	}
	if err := c.loadKey(key); err != nil {
		return nil, err
	}
	return c, nil
}

// newChain is a Chain on rpc without its signing key: what ConnectChain
// builds once the node answered, and what tests build on a fake node.
func newChain(cfg ChainConfig, rpc cometRPC, cc chainCodec, log *slog.Logger) (*Chain, error) {
	cctx := client.Context{}.WithClient(rpc).WithChainID(cfg.ChainID).WithNodeURI(cfg.RPC).
		WithCodec(cc.cdc).WithInterfaceRegistry(cc.registry).WithTxConfig(cc.txConfig)
	c := &Chain{
		id: cfg.ChainID, revision: clienttypes.ParseChainID(cfg.ChainID),
		rpc: rpc, cctx: cctx, codec: cc, gasAdj: cfg.GasAdjustment, log: log, clock: realClock{},
	}
	if c.gasAdj <= 0 {
		c.gasAdj = 1.5
	}
	if cfg.GasPrice != "" {
		var err error
		if c.gasPrice, err = sdk.ParseDecCoins(cfg.GasPrice); err != nil {
			return nil, fmt.Errorf("%s: gas_price %q: %w", cfg.ChainID, cfg.GasPrice, err)
		}
	}
	return c, nil
}

func (c *Chain) loadKey(key KeyConfig) error {
	backend := key.KeyringBackend
	if backend == "" {
		backend = keyring.BackendTest
	}
	kr, err := keyring.New("rampart", backend, key.KeyringDir, os.Stdin, c.codec.cdc)
	if err != nil {
		return fmt.Errorf("keyring %s (%s): %w", key.KeyringDir, backend, err)
	}
	if err := c.useKey(kr, key.Name); err != nil {
		return fmt.Errorf("keyring %s (%s): %w", key.KeyringDir, backend, err)
	}
	return nil
}

// useKey makes name in kr the chain's signing key.
func (c *Chain) useKey(kr keyring.Keyring, name string) error {
	rec, err := kr.Key(name)
	if err != nil {
		return fmt.Errorf("key %q: %w", name, err)
	}
	addr, err := rec.GetAddress()
	if err != nil {
		return err
	}
	signer, err := c.codec.addrs.BytesToString(addr)
	if err != nil {
		return err
	}
	c.keys, c.keyName, c.account, c.signer = kr, name, addr, signer
	return nil
}

// ID is the chain id.
func (c *Chain) ID() string { return c.id }

// Signer is the relayer's address on this chain.
func (c *Chain) Signer() string { return c.signer }

// Latest returns the latest committed height and its block time.
func (c *Chain) Latest(ctx context.Context) (int64, time.Time, error) {
	st, err := c.rpc.Status(ctx)
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("%s: status: %w", c.id, err)
	}
	return st.SyncInfo.LatestBlockHeight, st.SyncInfo.LatestBlockTime, nil
}

// headerTime is the time in the header at height.
func (c *Chain) headerTime(ctx context.Context, height int64) (time.Time, error) {
	res, err := c.rpc.Header(ctx, &height)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: header %d: %w", c.id, height, err)
	}
	return res.Header.Time, nil
}

// at makes a query context that reads state at height, over gRPC and over
// ABCI alike (both honour the block-height metadata).
func at(ctx context.Context, height int64) context.Context {
	return metadata.AppendToOutgoingContext(ctx, grpctypes.GRPCBlockHeightHeader, strconv.FormatInt(height, 10))
}
