package base

import (
	"context"
	"sync"

	"github.com/cosmos/gogoproto/proto"
	"google.golang.org/protobuf/types/descriptorpb"

	reflectionv1 "cosmossdk.io/api/cosmos/reflection/v1"
)

// lazyReflectionService implements cosmos.reflection.v1 like the SDK's
// runtime/services.ReflectionService, but builds the merged file descriptor
// set on the first query instead of at startup. The set (every registered
// proto file, about 16 MiB on the heap) is only needed by generic clients
// that ask for it; a node nobody queries no longer carries it. The answer is
// the same: proto files are registered during package initialisation, before
// the app is built, so the set built later is the one built at startup.
// Once built, it is kept for later queries, as before.
type lazyReflectionService struct {
	reflectionv1.UnimplementedReflectionServiceServer

	once  sync.Once
	files *descriptorpb.FileDescriptorSet
	err   error
}

var _ reflectionv1.ReflectionServiceServer = (*lazyReflectionService)(nil)

// FileDescriptors returns every proto file the app has registered (gogoproto
// and google.golang.org/protobuf registries merged).
func (r *lazyReflectionService) FileDescriptors(
	_ context.Context, _ *reflectionv1.FileDescriptorsRequest,
) (*reflectionv1.FileDescriptorsResponse, error) {
	r.once.Do(func() {
		r.files, r.err = proto.MergedGlobalFileDescriptors()
	})
	if r.err != nil {
		return nil, r.err
	}
	return &reflectionv1.FileDescriptorsResponse{Files: r.files.File}, nil
}
