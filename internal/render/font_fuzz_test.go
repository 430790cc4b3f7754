package render

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"gazette/fonts"
)

// fuzzRunes are the characters the font fuzz target asks of a face: Latin,
// digits, hanzi and marks, as a body line has them.
var fuzzRunes = []rune("AZaz09 .,年月日公报，。“”（）—…")

// FuzzFontFile drives a font file as an office might supply one through the
// font parser and the TrueType builder (package fonts) and into fpdf, as
// Render embeds it: whatever the bytes, nothing panics, and a subset that
// fonts builds is one fpdf accepts.
func FuzzFontFile(f *testing.F) {
	for _, seed := range []struct {
		role fonts.Role
		text string
	}{{fonts.Latin, "AZaz09 .,"}, {fonts.Fang, "年月日公报，。"}} {
		role, text := seed.role, seed.text
		set, err := fonts.Load(fonts.Config{})
		if err != nil {
			f.Fatal(err)
		}
		face, err := set.Face(role)
		if err != nil {
			f.Fatal(err)
		}
		// A small subset of each built-in face: the whole files are
		// megabytes, too big for the fuzzer to mutate usefully.
		data, err := face.Subset([]rune(text))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, 0)
	}
	f.Add([]byte("OTTO"), 0)
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"), 1)
	path := filepath.Join(f.TempDir(), "font.ttf")
	f.Fuzz(func(t *testing.T, data []byte, index int) {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		set, err := fonts.Load(fonts.Config{fonts.Latin: {Path: path, Index: index % 4}})
		if err != nil {
			return
		}
		face, err := set.Face(fonts.Latin)
		if err != nil {
			return
		}
		var covered []rune
		for _, r := range fuzzRunes {
			face.Advance(r)
			face.InkTop(r)
			if face.Covers(r) {
				covered = append(covered, r)
			}
		}
		sub, err := face.Subset(covered)
		if err != nil {
			return
		}
		pdf := fpdf.New("P", "pt", "A4", "")
		pdf.AddUTF8FontFromBytes("fuzz", "", sub)
		if err := pdf.Error(); err != nil {
			t.Fatalf("fpdf refuses the subset fonts built (%d bytes): %v", len(sub), err)
		}
		pdf.AddPage()
		pdf.SetFont("fuzz", "", 12)
		pdf.Text(72, 72, string(covered))
		var out bytes.Buffer
		if err := pdf.Output(&out); err != nil {
			t.Fatalf("fpdf cannot write a page in the subset: %v", err)
		}
	})
}
