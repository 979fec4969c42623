package daemon

import (
	"runtime/debug"

	"github.com/cosmos/cosmos-sdk/version"
)

// setVersion fills what `<daemon> version` prints when the build did not set
// it with -ldflags (the Makefile does; a plain `go build` or `go install`
// does not, and the SDK then prints an empty line). The name comes from the
// daemon; the version and commit from what the Go toolchain records in the
// binary: the module version, or "devel" with the VCS revision for a build
// from a checkout.
func setVersion(name string) {
	if version.Name == "" {
		version.Name = name
	}
	if version.AppName == "" || version.AppName == "<appd>" {
		version.AppName = name
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return
	}
	revision, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if version.Commit == "" {
		version.Commit = revision
	}
	if version.Version != "" {
		return
	}
	switch {
	case info.Main.Version != "" && info.Main.Version != "(devel)":
		version.Version = info.Main.Version
	case revision != "":
		short := revision[:min(len(revision), 12)]
		version.Version = "devel-" + short
		if dirty {
			version.Version += "-dirty"
		}
	default:
		version.Version = "devel"
	}
}
