package testutil

import (
	"context"
	"fmt"

	"cosmossdk.io/core/address"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
)

// FakeBank keeps balances in memory, keyed by address. While Err is set,
// every send fails with it.
type FakeBank struct {
	balances map[string]sdk.Coins
	Err      error
}

// NewFakeBank returns an empty bank.
func NewFakeBank() *FakeBank {
	return &FakeBank{balances: map[string]sdk.Coins{}}
}

// FundModule adds coins to a module account.
func (b *FakeBank) FundModule(module string, coins ...sdk.Coin) {
	addr := authtypes.NewModuleAddress(module)
	b.balances[string(addr)] = b.balances[string(addr)].Add(sdk.NewCoins(coins...)...)
}

// ModuleBalance returns a module account's balance.
func (b *FakeBank) ModuleBalance(module string) sdk.Coins {
	return b.balances[string(authtypes.NewModuleAddress(module))]
}

// GetAllBalances returns addr's balance.
func (b *FakeBank) GetAllBalances(_ context.Context, addr sdk.AccAddress) sdk.Coins {
	return b.balances[string(addr)]
}

// GetBalance returns addr's balance of denom.
func (b *FakeBank) GetBalance(_ context.Context, addr sdk.AccAddress, denom string) sdk.Coin {
	return sdk.NewCoin(denom, b.balances[string(addr)].AmountOf(denom))
}

// SendCoinsFromModuleToModule moves amt, or fails without moving anything.
func (b *FakeBank) SendCoinsFromModuleToModule(_ context.Context, from, to string, amt sdk.Coins) error {
	if b.Err != nil {
		return b.Err
	}
	return b.move(authtypes.NewModuleAddress(from), authtypes.NewModuleAddress(to), amt)
}

func (b *FakeBank) move(from, to sdk.AccAddress, amt sdk.Coins) error {
	have := b.balances[string(from)]
	if !have.IsAllGTE(amt) {
		return fmt.Errorf("insufficient funds: have %s, need %s", have, amt)
	}
	b.balances[string(from)] = have.Sub(amt...)
	b.balances[string(to)] = b.balances[string(to)].Add(amt...)
	return nil
}

// FakeAccounts derives module addresses as x/auth does.
type FakeAccounts struct{}

// GetModuleAddress returns the module account's address.
func (FakeAccounts) GetModuleAddress(name string) sdk.AccAddress {
	return authtypes.NewModuleAddress(name)
}

// AddressCodec encodes account addresses with the "cosmos" prefix.
func (FakeAccounts) AddressCodec() address.Codec { return addresscodec.NewBech32Codec("cosmos") }

// EscrowAddress is where FakeTransfer moves the tokens it sends.
var EscrowAddress = sdk.AccAddress("fake-transfer-escrow")

// FakeTransfer records the transfers the consumer makes and escrows their
// tokens. A denom listed in Fail fails with that error, moving nothing.
type FakeTransfer struct {
	Bank *FakeBank
	Sent []transfertypes.MsgTransfer
	Fail map[string]error
}

// Transfer escrows msg.Token from msg.Sender and records msg.
func (t *FakeTransfer) Transfer(_ context.Context, msg *transfertypes.MsgTransfer) (*transfertypes.MsgTransferResponse, error) {
	if err := t.Fail[msg.Token.Denom]; err != nil {
		return nil, err
	}
	sender, err := FakeAccounts{}.AddressCodec().StringToBytes(msg.Sender)
	if err != nil {
		return nil, err
	}
	if err := t.Bank.move(sender, EscrowAddress, sdk.NewCoins(msg.Token)); err != nil {
		return nil, err
	}
	t.Sent = append(t.Sent, *msg)
	return &transfertypes.MsgTransferResponse{Sequence: uint64(len(t.Sent))}, nil
}
