package base

import (
	"context"
	"testing"

	"google.golang.org/protobuf/proto"

	reflectionv1 "cosmossdk.io/api/cosmos/reflection/v1"

	runtimeservices "github.com/cosmos/cosmos-sdk/runtime/services"
)

// TestLazyReflectionSameAnswer checks that the lazy reflection service
// answers exactly as the SDK's eager one, on the first query and after.
func TestLazyReflectionSameAnswer(t *testing.T) {
	ctx := context.Background()
	req := &reflectionv1.FileDescriptorsRequest{}

	eager, err := runtimeservices.NewReflectionService()
	if err != nil {
		t.Fatal(err)
	}
	want, err := eager.FileDescriptors(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Files) == 0 {
		t.Fatal("eager reflection service returned no files")
	}

	lazy := &lazyReflectionService{}
	for i := range 2 {
		got, err := lazy.FileDescriptors(ctx, req)
		if err != nil {
			t.Fatalf("query %d: %v", i, err)
		}
		if !proto.Equal(got, want) {
			t.Fatalf("query %d: %d files, want the eager service's %d", i, len(got.Files), len(want.Files))
		}
	}
}
