package build

import (
	"os"
	"regexp"
	"strings"

	"gazette/layout"
)

// manifestPlaces gives layout the places in issue.toml its problems with the
// front matter are reported at: the emblem's line, and the first line (not
// a comment) where a character appears — the gazette's name, a committee
// member, a section title — so that a character no font has is reported
// by `check` at its line as by `build`.
func manifestPlaces(in *layout.Input, path string) {
	in.ManifestPath = path
	data, err := os.ReadFile(path)
	if err != nil {
		return
	}
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if emblemKeyRE.MatchString(l) {
			in.EmblemLine = i + 1
			break
		}
	}
	in.ManifestLine = func(r rune) int {
		for i, l := range lines {
			if t := strings.TrimSpace(l); !strings.HasPrefix(t, "#") && strings.ContainsRune(t, r) {
				return i + 1
			}
		}
		return 0
	}
}

var emblemKeyRE = regexp.MustCompile(`^\s*emblem\s*=`)
