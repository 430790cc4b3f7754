package fonts

import (
	"bytes"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
)

// TestCorruptFontsDoNotPanic feeds damaged fonts through Face, Advance and
// Subset: each must either work or fail with a *FontError, never panic.
func TestCorruptFontsDoNotPanic(t *testing.T) {
	ttf, err := face(t, Latin).Subset([]rune(sampleLatin))
	if err != nil {
		t.Fatal(err)
	}
	cff := sourceFont(t, Latin)
	otc := makeCollection(t, ttf, cff)
	rng := rand.New(rand.NewSource(42))
	dir := t.TempDir()
	for _, base := range [][]byte{ttf, termes, cff, otc} {
		for i := 0; i < 150; i++ {
			data := bytes.Clone(base)
			for j := rng.Intn(40) + 1; j > 0; j-- {
				data[rng.Intn(len(data))] = byte(rng.Intn(256))
			}
			if rng.Intn(4) == 0 {
				data = data[:rng.Intn(len(data))]
			}
			path := filepath.Join(dir, "bad.otf")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			exercise(t, Source{Path: path, Index: rng.Intn(2)})
		}
	}
}

// exercise loads src and uses the face as a build would.
func exercise(t *testing.T, src Source) {
	t.Helper()
	f, err := userFace(t, src)
	if err != nil {
		var fe *FontError
		if !errors.As(err, &fe) {
			t.Fatalf("Face error is not a *FontError: %v", err)
		}
		return
	}
	runes := []rune(covered(f, sampleLatin+sampleGazette))
	for _, r := range runes {
		f.Advance(r)
	}
	f.CapHeight()
	var blank *BlankGlyphError
	var fe *FontError
	if _, err := f.Subset(runes); err != nil && !errors.As(err, &fe) && !errors.As(err, &blank) {
		t.Fatalf("Subset error is neither a *FontError nor a *BlankGlyphError: %v", err) // it may fail, but must say why in Chinese
	}
}
