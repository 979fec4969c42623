package localnet

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
)

// tomlEdits are values to set, by section ("" is the top level) and key.
// Values are TOML literals: `"1s"`, `true`, `0`.
type tomlEdits map[string]map[string]string

var (
	tomlSection = regexp.MustCompile(`^\s*\[\[?([^\]]+)\]\]?\s*$`)
	tomlKey     = regexp.MustCompile(`^\s*([A-Za-z0-9_.-]+)\s*=`)
)

// editTOML rewrites `key = value` lines of the config files CometBFT and
// the SDK generate (one key per line, sections in brackets). Every edit
// must hit a line: a key that vanished from a template is an error, not a
// silently ignored setting.
func editTOML(path string, edits tomlEdits) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	done := map[string]bool{}
	lines := strings.Split(string(data), "\n")
	section := ""
	for i, line := range lines {
		if m := tomlSection.FindStringSubmatch(line); m != nil {
			section = strings.TrimSpace(m[1])
			continue
		}
		m := tomlKey.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if v, ok := edits[section][m[1]]; ok {
			lines[i] = m[1] + " = " + v
			done[section+"."+m[1]] = true
		}
	}
	var missing []string
	for sec, kv := range edits {
		for k := range kv {
			if !done[sec+"."+k] {
				missing = append(missing, fmt.Sprintf("[%s] %s", sec, k))
			}
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return fmt.Errorf("%s: no line for %s", path, strings.Join(missing, ", "))
	}
	return os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o600)
}

// quote makes a TOML string literal.
func quote(s string) string { return fmt.Sprintf("%q", s) }
