package ante_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
	protov2 "google.golang.org/protobuf/proto"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	transfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	channeltypes "github.com/cosmos/ibc-go/v11/modules/core/04-channel/types"

	"github.com/rampart-ics/rampart/x/consumer/ante"
	"github.com/rampart-ics/rampart/x/consumer/keeper"
	"github.com/rampart-ics/rampart/x/consumer/types"
)

type fakeChecker struct {
	established bool
	err         error
}

func (c fakeChecker) IsChannelEstablished(sdk.Context) (bool, error) { return c.established, c.err }

type fakeTx struct{ msgs []sdk.Msg }

func (tx fakeTx) GetMsgs() []sdk.Msg                 { return tx.msgs }
func (fakeTx) GetMsgsV2() ([]protov2.Message, error) { return nil, nil }

func TestIBCOnlyUntilEstablished(t *testing.T) {
	ibcMsgs := []sdk.Msg{&clienttypes.MsgUpdateClient{}, &channeltypes.MsgRecvPacket{}, &channeltypes.MsgAcknowledgement{}}
	cases := []struct {
		name        string
		checker     fakeChecker
		msgs        []sdk.Msg
		wantErr     error
		wantForward bool
	}{
		{"IBC core messages pass before establishment", fakeChecker{}, ibcMsgs, nil, true},
		{"a bank send is refused before establishment", fakeChecker{}, []sdk.Msg{&banktypes.MsgSend{}}, types.ErrChannelNotEstablished, false},
		{"one non-IBC message refuses the whole tx", fakeChecker{}, append(ibcMsgs, &banktypes.MsgSend{}), types.ErrChannelNotEstablished, false},
		{"ICS-20 transfers are not IBC core", fakeChecker{}, []sdk.Msg{&transfertypes.MsgTransfer{}}, types.ErrChannelNotEstablished, false},
		{"anything passes once established", fakeChecker{established: true}, []sdk.Msg{&banktypes.MsgSend{}}, nil, true},
		{"a store error is returned", fakeChecker{err: errors.New("store")}, ibcMsgs, errors.New("store"), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			forwarded := false
			next := func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) {
				forwarded = true
				return ctx, nil
			}
			d := ante.NewIBCOnlyUntilEstablishedDecorator(tc.checker)
			_, err := d.AnteHandle(sdk.Context{}, fakeTx{msgs: tc.msgs}, false, next)
			switch {
			case tc.wantErr == nil:
				require.NoError(t, err)
			case errors.Is(tc.wantErr, types.ErrChannelNotEstablished):
				require.ErrorIs(t, err, tc.wantErr)
				require.Contains(t, err.Error(), "only IBC core messages are accepted")
			default:
				require.EqualError(t, err, tc.wantErr.Error())
			}
			require.Equal(t, tc.wantForward, forwarded)
		})
	}
}

var _ ante.ChannelEstablishedChecker = (*keeper.Keeper)(nil)
