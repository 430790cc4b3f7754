package layout

import (
	"os"
	"testing"

	"gazette/fonts"
)

// TestFallbackDoesNotMoveCharactersBetweenRoles: a fallback face supplies
// what a role's face lacks, but the choice of role for a character — digits
// and letters in the Latin face — still asks the roles' own faces: ○,
// which TeX Gyre Termes lacks and Noto Serif CJK has, stays in 仿宋; 喆,
// which FandolFang lacks, is measured in the fallback face.
func TestFallbackDoesNotMoveCharactersBetweenRoles(t *testing.T) {
	const noto = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
	if _, err := os.Stat(noto); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s missing: make tools installs fonts-noto-cjk", noto)
		}
		t.Skipf("%s not installed (fonts-noto-cjk)", noto)
	}
	set, err := fonts.Load(fonts.Config{}, fonts.Source{Path: noto})
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewFontMetrics(set)
	if err != nil {
		t.Fatal(err)
	}
	lb := &LineBreaker{Metrics: m}
	if got := lb.faceFor(fonts.Fang, '○'); got != fonts.Fang {
		t.Errorf("○ in 仿宋 text set in %v, want 仿宋's own face", got)
	}
	if got := lb.faceFor(fonts.Fang, '7'); got != fonts.Latin {
		t.Errorf("7 in 仿宋 text set in %v, want the Latin face", got)
	}
	if a, ok := m.Advance(fonts.Fang, '喆'); !ok || a != 1 {
		t.Errorf("喆 measures %v, %v; want 1 em from the fallback face", a, ok)
	}
	if m.OwnCovers(fonts.Fang, '喆') {
		t.Error("FandolFang reported to have 喆")
	}
}
