package localnet_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rampart-ics/rampart/localnet"
)

func TestParseStatusBytes(t *testing.T) {
	status := "Name:\tconsumerd\nVmPeak:\t 2000000 kB\nVmRSS:\t  217088 kB\nRssAnon:\t  150000 kB\n"
	rss, err := localnet.ParseStatusBytes([]byte(status), "VmRSS")
	require.NoError(t, err)
	require.Equal(t, int64(217088*1024), rss)
	anon, err := localnet.ParseStatusBytes([]byte(status), "RssAnon")
	require.NoError(t, err)
	require.Equal(t, int64(150000*1024), anon)

	_, err = localnet.ParseStatusBytes([]byte("Name:\tkthreadd\nState:\tS (sleeping)\n"), "VmRSS")
	require.ErrorContains(t, err, "no VmRSS line")
	_, err = localnet.ParseStatusBytes([]byte("VmRSS:\t12 MB\n"), "VmRSS")
	require.ErrorContains(t, err, "unexpected VmRSS line")
}

func TestFormatMiB(t *testing.T) {
	for bytes, want := range map[int64]string{
		0:                 "0 MiB",
		217088 * 1024:     "212 MiB",
		150*1<<20 - 1<<19: "150 MiB", // rounds half up
		150*1<<20 - 1<<20: "149 MiB",
	} {
		require.Equal(t, want, localnet.FormatMiB(bytes), "%d bytes", bytes)
	}
}

func TestProcessRSS(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	dir := t.TempDir()
	p := &localnet.Process{Args: []string{"sleep", "30"}, Log: filepath.Join(dir, "log"), Marker: "30"}
	require.NoError(t, localnet.StartProcess(p))
	t.Cleanup(func() { _ = localnet.StopProcess(p) })
	rss, err := p.RSS()
	require.NoError(t, err)
	require.Positive(t, rss)
	anon, err := p.RSSAnon()
	require.NoError(t, err)
	require.Positive(t, anon)
	require.LessOrEqual(t, anon, rss)

	require.NoError(t, localnet.StopProcess(p))
	_, err = p.RSS()
	require.Error(t, err, "a stopped process has no memory to show")
	_, err = os.Stat(p.Log)
	require.NoError(t, err)
}
