package keeper_test

import (
	"errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	"github.com/cosmos/ibc-go/v11/modules/core/exported"
)

// sentPacket is what mockICS4Wrapper recorded of a SendPacket call.
type sentPacket struct {
	channelID string
	timeout   uint64
	data      []byte
}

// mockICS4Wrapper records sent packets and can be told to fail.
type mockICS4Wrapper struct {
	sent    []sentPacket
	sendErr error
}

func (m *mockICS4Wrapper) SendPacket(_ sdk.Context, _, channelID string, _ clienttypes.Height, timeout uint64, data []byte) (uint64, error) {
	if m.sendErr != nil {
		return 0, m.sendErr
	}
	m.sent = append(m.sent, sentPacket{channelID: channelID, timeout: timeout, data: data})
	return uint64(len(m.sent)), nil
}

func (*mockICS4Wrapper) WriteAcknowledgement(sdk.Context, exported.PacketI, exported.Acknowledgement) error {
	return errors.New("not used by the provider")
}

func (*mockICS4Wrapper) GetAppVersion(sdk.Context, string, string) (string, bool) {
	return "", false
}
