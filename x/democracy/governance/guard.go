package governance

import (
	"context"
	"maps"
	"reflect"
	"slices"
	"strings"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	ccvtypes "github.com/rampart-ics/rampart/x/ccv/types"
	consumermodule "github.com/rampart-ics/rampart/x/consumer"
	consumerkeeper "github.com/rampart-ics/rampart/x/consumer/keeper"
	consumertypes "github.com/rampart-ics/rampart/x/consumer/types"
)

// ErrProviderControlled is returned for a change the provider controls.
var ErrProviderControlled = errorsmod.Register("democracy", 1,
	"the provider controls this consumer parameter; the consumer's governance cannot change it")

// GovernableParams are the consumer module's parameters (by proto name)
// that the consumer's governance may change: which of its own denoms, and
// which provider denoms, it sends the provider as rewards.
var GovernableParams = map[string]bool{
	"reward_denoms":          true,
	"provider_reward_denoms": true,
}

// CheckParamsUpdate refuses proposed if it differs from current in a field
// that is not governable, and names the first such field.
func CheckParamsUpdate(current, proposed ccvtypes.ConsumerParams) error {
	cur, prop := reflect.ValueOf(current), reflect.ValueOf(proposed)
	for i := range cur.NumField() {
		field := cur.Type().Field(i)
		name := protoName(field)
		if !field.IsExported() || GovernableParams[name] {
			continue
		}
		if !reflect.DeepEqual(cur.Field(i).Interface(), prop.Field(i).Interface()) {
			return errorsmod.Wrapf(ErrProviderControlled, "ccvconsumer parameter %s: %v would become %v "+
				"(only %s may change)", name, cur.Field(i).Interface(), prop.Field(i).Interface(), governable())
		}
	}
	return nil
}

// protoName is a generated field's proto name, from its protobuf tag.
func protoName(f reflect.StructField) string {
	for _, part := range strings.Split(f.Tag.Get("protobuf"), ",") {
		if name, ok := strings.CutPrefix(part, "name="); ok {
			return name
		}
	}
	return f.Name
}

func governable() string {
	names := slices.Sorted(maps.Keys(GovernableParams))
	return strings.Join(names, " and ")
}

// msgServer is the consumer module's Msg service with CheckParamsUpdate in
// front of UpdateParams.
type msgServer struct {
	consumertypes.MsgServer
	keeper *consumerkeeper.Keeper
}

// UpdateParams refuses a change to a provider-controlled parameter, then
// runs the consumer module's UpdateParams (which checks the authority).
func (s msgServer) UpdateParams(ctx context.Context, msg *consumertypes.MsgUpdateParams) (*consumertypes.MsgUpdateParamsResponse, error) {
	if err := checkMsg(sdk.UnwrapSDKContext(ctx), s.keeper, msg); err != nil {
		return nil, err
	}
	return s.MsgServer.UpdateParams(ctx, msg)
}

func checkMsg(ctx sdk.Context, k *consumerkeeper.Keeper, msg *consumertypes.MsgUpdateParams) error {
	current, err := k.GetConsumerParams(ctx)
	if err != nil {
		return err
	}
	return CheckParamsUpdate(current, msg.Params)
}

// ConsumerModule is the consumer module whose Msg service refuses changes
// to provider-controlled parameters. Everything else is the consumer
// module's own.
type ConsumerModule struct {
	consumermodule.AppModule
	keeper *consumerkeeper.Keeper
}

// NewConsumerModule returns the consumer module for a democracy consumer.
func NewConsumerModule(k *consumerkeeper.Keeper) ConsumerModule {
	return ConsumerModule{AppModule: consumermodule.NewAppModule(k), keeper: k}
}

// RegisterServices registers the guarded Msg service and the consumer's
// Query service.
func (m ConsumerModule) RegisterServices(cfg module.Configurator) {
	consumertypes.RegisterMsgServer(cfg.MsgServer(),
		msgServer{MsgServer: consumerkeeper.NewMsgServerImpl(m.keeper), keeper: m.keeper})
	consumertypes.RegisterQueryServer(cfg.QueryServer(), consumerkeeper.NewQuerier(m.keeper))
}
