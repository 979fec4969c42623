package relayer

import (
	"context"
	"fmt"

	clienttypes "github.com/cosmos/ibc-go/v11/modules/core/02-client/types"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
)

// header builds the 07-tendermint header that moves a client of c from
// its consensus state at trusted to target: the signed header and
// validator set at target, and the validators the trusted state committed
// to as next (those of trusted+1).
func (c *Chain) header(ctx context.Context, trusted, target uint64) (*ibctm.Header, error) {
	h := int64(target)
	commit, err := c.rpc.Commit(ctx, &h)
	if err != nil {
		return nil, fmt.Errorf("%s: commit %d: %w", c.id, target, err)
	}
	vals, err := c.validatorSet(ctx, int64(target))
	if err != nil {
		return nil, err
	}
	trustedVals, err := c.validatorSet(ctx, int64(trusted)+1)
	if err != nil {
		return nil, err
	}
	return &ibctm.Header{
		SignedHeader:      commit.SignedHeader.ToProto(),
		ValidatorSet:      vals,
		TrustedHeight:     clienttypes.NewHeight(c.revision, trusted),
		TrustedValidators: trustedVals,
	}, nil
}

// validatorSet is the validator set at height, all pages of it.
func (c *Chain) validatorSet(ctx context.Context, height int64) (*cmtproto.ValidatorSet, error) {
	var vals []*cmttypes.Validator
	perPage := 100
	for page := 1; ; page++ {
		res, err := c.rpc.Validators(ctx, &height, &page, &perPage)
		if err != nil {
			return nil, fmt.Errorf("%s: validators at %d: %w", c.id, height, err)
		}
		vals = append(vals, res.Validators...)
		if len(vals) >= res.Total || len(res.Validators) == 0 {
			break
		}
	}
	set := cmttypes.NewValidatorSet(vals)
	pb, err := set.ToProto()
	if err != nil {
		return nil, fmt.Errorf("%s: validators at %d: %w", c.id, height, err)
	}
	pb.TotalVotingPower = set.TotalVotingPower()
	return pb, nil
}
