package fonts

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestNarrowedGlyphs checks the narrowed glyphs of a subset read back from
// the font program: after the runes' glyphs, whose IDs stay as without
// them; the same outline as their character's glyph; the advance less the
// cut, in the program and in Widths; their character in Unicode.
func TestNarrowedGlyphs(t *testing.T) {
	f := face(t, Fang)
	runes := []rune("各乡镇（街道）、单位")
	narrow := []Narrowed{{'）', 500}, {'道', 490}, {'）', 500}, {'、', 250}} // a repeat is one glyph
	plain, err := f.EmbedSubset(runes)
	if err != nil {
		t.Fatal(err)
	}
	p, err := f.EmbedSubsetNarrowed(runes, narrow)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Widths) != len(plain.Widths)+3 {
		t.Fatalf("%d glyphs, want %d + 3 narrowed", len(p.Widths), len(plain.Widths))
	}
	for _, r := range runes {
		a, _ := plain.Glyph(r)
		b, _ := p.Glyph(r)
		if a != b {
			t.Errorf("%q is glyph %d with narrowed glyphs, %d without", r, b, a)
		}
	}
	path := filepath.Join(t.TempDir(), "sub.ttf")
	if err := os.WriteFile(path, p.Program, 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := userFace(t, Source{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if back.NumGlyphs() != len(p.Widths) {
		t.Errorf("program has %d glyphs, PDFFont %d", back.NumGlyphs(), len(p.Widths))
	}
	var full, thin glyphBuf
	for _, n := range narrow {
		g, ok := p.NarrowGlyph(n)
		base, _ := p.Glyph(n.R)
		if !ok || int(g) < len(plain.Widths) {
			t.Fatalf("narrowed %+v: glyph %d, %v", n, g, ok)
		}
		if p.Unicode[g] != n.R {
			t.Errorf("narrowed %q maps to %q in ToUnicode", n.R, p.Unicode[g])
		}
		if want := p.Widths[base] - n.Right; p.Widths[g] != want || int(back.advs[g]) != want {
			t.Errorf("narrowed %q: width %d, program advance %d, want %d", n.R, p.Widths[g], back.advs[g], want)
		}
		if err := back.loadGlyph(base, &full); err != nil {
			t.Fatal(err)
		}
		if err := back.loadGlyph(g, &thin); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(full.p, thin.p) || !slices.Equal(full.pEnd, thin.pEnd) || len(thin.p) == 0 {
			t.Errorf("narrowed %q: outline differs from the full glyph's", n.R)
		}
	}
	again, err := f.EmbedSubsetNarrowed(runes, []Narrowed{{'、', 250}, {'道', 490}, {'）', 500}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(again.Program, p.Program) {
		t.Error("the same narrowed glyphs in another order give another font")
	}
}

func TestNarrowedGlyphErrors(t *testing.T) {
	tests := []struct {
		name string
		n    Narrowed
		want string
	}{
		{"not in the subset", Narrowed{'。', 500}, "不在子集里"},
		{"whole advance", Narrowed{'）', 1000}, "超出其宽度"},
		{"nothing", Narrowed{'）', 0}, "超出其宽度"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := face(t, Fang).EmbedSubsetNarrowed([]rune("（街道）"), []Narrowed{tt.n})
			if err == nil || p != nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("EmbedSubsetNarrowed(%+v) = %v, %v; want an error saying %q", tt.n, p, err, tt.want)
			}
		})
	}
}
