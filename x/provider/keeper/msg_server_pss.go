package keeper

import (
	"context"

	"github.com/rampart-ics/rampart/x/provider/types"
)

// OptOut makes a validator stop securing a consumer from the next epoch.
func (s msgServer) OptOut(goCtx context.Context, msg *types.MsgOptOut) (*types.MsgOptOutResponse, error) {
	return nil, errNotYet("MsgOptOut")
}
