// Command protodesc writes a FileDescriptorSet for .proto files that no Go
// module ships as source but whose compiled descriptors are registered with
// gogoproto. protoc reads the set through --descriptor_set_in, which lets our
// protos import ibc-go's protos, which import cosmos/ics23/v1/proofs.proto.
//
// Usage:
//
//	go run ./scripts/protodesc OUT.pb [FILE.proto ...]
//
// FILE defaults to cosmos/ics23/v1/proofs.proto. Dependencies that gogoproto
// also knows are added too, except google/protobuf/*, which protoc ships.
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"

	gogoproto "github.com/cosmos/gogoproto/proto"
	// Registers cosmos/ics23/v1/proofs.proto with gogoproto.
	_ "github.com/cosmos/ics23/go"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/descriptorpb"
)

const defaultFile = "cosmos/ics23/v1/proofs.proto"

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: protodesc OUT [FILE.proto ...]")
		os.Exit(2)
	}
	files := os.Args[2:]
	if len(files) == 0 {
		files = []string{defaultFile}
	}
	if err := run(os.Args[1], files); err != nil {
		fmt.Fprintln(os.Stderr, "protodesc:", err)
		os.Exit(1)
	}
}

func run(out string, files []string) error {
	set := &descriptorpb.FileDescriptorSet{}
	seen := map[string]bool{}
	for _, name := range files {
		if err := add(set, seen, name); err != nil {
			return err
		}
	}
	b, err := proto.Marshal(set)
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644) //nolint:gosec // a committed file of the tree, readable like the rest of it
}

// add appends name after its dependencies: protoc wants them in that order.
func add(set *descriptorpb.FileDescriptorSet, seen map[string]bool, name string) error {
	if seen[name] {
		return nil
	}
	seen[name] = true
	fd, err := load(name)
	if err != nil {
		return err
	}
	for _, dep := range fd.GetDependency() {
		if strings.HasPrefix(dep, "google/protobuf/") {
			continue
		}
		if gogoproto.FileDescriptor(dep) == nil {
			// Not registered: leave it to protoc's include paths.
			continue
		}
		if err := add(set, seen, dep); err != nil {
			return err
		}
	}
	set.File = append(set.File, fd)
	return nil
}

func load(name string) (*descriptorpb.FileDescriptorProto, error) {
	gz := gogoproto.FileDescriptor(name)
	if gz == nil {
		return nil, fmt.Errorf("%s is not registered with gogoproto", name)
	}
	r, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	fd := &descriptorpb.FileDescriptorProto{}
	if err := proto.Unmarshal(raw, fd); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return fd, nil
}
