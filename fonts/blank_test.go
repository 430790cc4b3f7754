package fonts

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// tableRange finds a table in a font file.
func tableRange(t *testing.T, font []byte, tag string) (off, n int) {
	t.Helper()
	for i := range int(be.Uint16(font[4:])) {
		e := font[12+16*i:]
		if string(e[:4]) == tag {
			return int(be.Uint32(e[8:])), int(be.Uint32(e[12:]))
		}
	}
	t.Fatalf("no %q table", tag)
	return 0, 0
}

// TestBlankGlyphIsReported: a font whose glyph for a visible character has
// no outline — its glyf bytes zeroed, or loca pointing it at nothing — is
// reported with the character, not printed as a blank.
func TestBlankGlyphIsReported(t *testing.T) {
	good, err := face(t, Fang).Subset([]rune("国务院"))
	if err != nil {
		t.Fatal(err)
	}
	glyfOff, _ := tableRange(t, good, "glyf")
	locaOff, _ := tableRange(t, good, "loca")
	headOff, _ := tableRange(t, good, "head")
	long := be.Uint16(good[headOff+50:]) == 1
	at := func(font []byte, g int) int { // glyph g's offset in glyf
		if long {
			return int(be.Uint32(font[locaOff+4*g:]))
		}
		return 2 * int(be.Uint16(font[locaOff+2*g:]))
	}
	zeroed := slices.Clone(good) // glyph 1 (务, the lowest rune) zeroed in place
	clear(zeroed[glyfOff+at(good, 1) : glyfOff+at(good, 2)])
	noLoca := slices.Clone(good) // glyph 1 given no length: loca[2] = loca[1]
	if long {
		be.PutUint32(noLoca[locaOff+8:], be.Uint32(noLoca[locaOff+4:]))
	} else {
		be.PutUint16(noLoca[locaOff+4:], be.Uint16(noLoca[locaOff+2:]))
	}
	for name, font := range map[string][]byte{"zeroed glyf": zeroed, "broken loca": noLoca} {
		path := filepath.Join(t.TempDir(), "bad.ttf")
		if err := os.WriteFile(path, font, 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := userFace(t, Source{Path: path})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		_, err = f.Subset([]rune("国务院"))
		var blank *BlankGlyphError
		if !errors.As(err, &blank) || !slices.Equal(blank.Runes, []rune("务")) || blank.File != path {
			t.Errorf("%s: error %v, want a BlankGlyphError for 务 in %s", name, err, path)
		}
	}
	if _, err := face(t, Fang).Subset([]rune("国　务")); err != nil { // a space has no outline, rightly
		t.Errorf("ideographic space reported: %v", err)
	}
}
