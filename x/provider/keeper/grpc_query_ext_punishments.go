package keeper

import (
	"context"

	"github.com/rampart-ics/rampart/x/provider/exttypes"
)

// extQueryServer serves Rampart's own queries (rampart.provider.v1).
type extQueryServer struct {
	*Keeper
}

var _ exttypes.QueryServer = extQueryServer{}

// NewExtQueryServer returns the rampart.provider.v1 Query service.
func NewExtQueryServer(k *Keeper) exttypes.QueryServer {
	return extQueryServer{Keeper: k}
}

// Punishments lists the punishments carried out for consumers.
func (q extQueryServer) Punishments(context.Context, *exttypes.QueryPunishmentsRequest) (*exttypes.QueryPunishmentsResponse, error) {
	return nil, errNotYet("Punishments")
}
