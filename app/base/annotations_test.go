package base_test

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/types/msgservice"

	// The three applications, so that the merged registry holds every proto
	// file a daemon registers (their modules' Msg services included).
	_ "github.com/rampart-ics/rampart/app/consumer"
	_ "github.com/rampart-ics/rampart/app/democracy"
	_ "github.com/rampart-ics/rampart/app/provider"
)

// TestProtoAnnotations checks that every Msg service carries the annotations
// the SDK's signing code relies on (cosmos.msg.v1.service, cosmos.msg.v1.signer).
// The applications used to run this check at every node start; the
// annotations are fixed at build time, so it runs here instead.
func TestProtoAnnotations(t *testing.T) {
	files, err := proto.MergedRegistry()
	if err != nil {
		t.Fatalf("merging the proto registries: %v", err)
	}
	// Guard against an empty check: the provider's Msg service must be there.
	if _, err := files.FindDescriptorByName("interchain_security.ccv.provider.v1.Msg"); err != nil {
		t.Fatalf("provider Msg service not in the merged registry: %v", err)
	}
	if err := msgservice.ValidateProtoAnnotations(files); err != nil {
		t.Fatalf("proto annotations: %v", err)
	}
}
