package build

import (
	"os"
	"regexp"
	"strings"

	"gazette/internal/diag"
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

// fromDocuments drops, when issue.toml's own text check found problems, the
// characters layout reports missing at issue.toml: they are the same ones
// (layout's report is the backstop for text the check does not cover).
func fromDocuments(ps []*diag.Problem, manifestPath string, textProbs diag.List) []*diag.Problem {
	if len(textProbs) == 0 {
		return ps
	}
	var out []*diag.Problem
	for _, p := range ps {
		if p.File != manifestPath || !strings.HasSuffix(p.Msg, "没有字体能显示") {
			out = append(out, p)
		}
	}
	return out
}
