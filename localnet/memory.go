package localnet

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// RSS returns the process's resident set size in bytes, from VmRSS in
// /proc/<pid>/status (Linux).
func (p *Process) RSS() (int64, error) { return p.statusBytes("VmRSS") }

// RSSAnon is the anonymous part of RSS (heap, stacks): what the process
// alone uses. The rest is mostly the binary's pages, shared by every
// process running the same binary and reclaimable by the kernel.
func (p *Process) RSSAnon() (int64, error) { return p.statusBytes("RssAnon") }

func (p *Process) statusBytes(field string) (int64, error) {
	if !p.Alive() {
		return 0, fmt.Errorf("process %d is not running", p.PID)
	}
	status, err := os.ReadFile("/proc/" + strconv.Itoa(p.PID) + "/status")
	if err != nil {
		return 0, err
	}
	return parseStatusBytes(status, field)
}

// parseStatusBytes reads a "<field>:  123456 kB" line of a
// /proc/<pid>/status.
func parseStatusBytes(status []byte, field string) (int64, error) {
	sc := bufio.NewScanner(bytes.NewReader(status))
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), field+":")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) != 2 || fields[1] != "kB" {
			return 0, fmt.Errorf("unexpected %s line %q", field, sc.Text())
		}
		kb, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%s %q: %w", field, fields[0], err)
		}
		return kb * 1024, nil
	}
	return 0, fmt.Errorf("no %s line (a kernel thread, or not Linux)", field)
}

// formatMiB writes a byte count in MiB, as `ps` and `top` count memory.
func formatMiB(bytes int64) string {
	return fmt.Sprintf("%d MiB", (bytes+1<<19)>>20)
}

// processState is how status describes a process: "stopped", or
// "running, pid N" with its memory (RSS, and its anonymous part) when
// /proc shows it.
func processState(p *Process) string {
	if !p.Alive() {
		return "stopped"
	}
	state := fmt.Sprintf("running, pid %d", p.PID)
	if rss, err := p.RSS(); err == nil {
		state += ", RSS " + formatMiB(rss)
		if anon, err := p.RSSAnon(); err == nil {
			state += " (anon " + formatMiB(anon) + ")"
		}
	}
	return state
}
