package render

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gazette/fonts"
	"gazette/internal/testtool"
	"gazette/layout"
)

// TestCompressedMarkIsDrawnNarrowed draws a closing mark compressed
// against a pause mark (the pair in 1.5 em: the second run starts half an
// em before the first one's last advance ends) and reads it back: one line
// and one word in poppler (drawn full, the mark split the line in two),
// the text in order in Ghostscript, and sound font programs.
func TestCompressedMarkIsDrawnNarrowed(t *testing.T) {
	set, err := fonts.Load(fonts.Config{})
	if err != nil {
		t.Fatal(err)
	}
	const size = 16.0
	first, second := "各乡镇（街道）", "、单位（部门）要围绕"
	// page 8 of the sample: a squeezed line (spacing −0.207 bp) between
	// two full ones, its first words in the heading's 楷体
	line := func(y float64, text string) layout.Run {
		return layout.Run{X: 82.2, Y: y, Role: fonts.Fang, Size: size, Text: text}
	}
	p := &layout.Page{Recto: true, Runs: []layout.Run{
		line(90, "区政府领导班子成员每人牵头开展调研，重点针对分管领"),
		{X: 105.89, Y: 117, Role: fonts.Kai, Size: size, Spacing: -0.207, Text: "（二）制定具体方案。"},
		{X: 263.82, Y: 117, Role: fonts.Fang, Size: size, Spacing: -0.207, Text: first,
			Cuts: []layout.Cut{{Index: 6, Right: 263.82 + 7*(size-0.207) - 366.48}}},
		{X: 366.48, Y: 117, Role: fonts.Fang, Size: size, Spacing: -0.207, Text: second},
		line(146, "调研内容，立足本单位本部门实际，在广泛听取各方面意见"),
	}}
	first = "（二）制定具体方案。" + first
	book := &layout.Book{Title: "挤压", Pages: []*layout.Page{p}, Width: a4W, Height: a4H}
	for _, opt := range []Options{options(nil), options(&Print{BleedMM: 3, Condition: "FOGRA39"})} {
		data, err := Render(book, set, opt)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "x.pdf")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if text := testtool.Run(t, "pdftotext", path, "-"); !slices.Contains(strings.Split(text, "\n"), first+second) {
			t.Errorf("pdftotext does not read %q as one line:\n%s", first+second, text)
		}
		if got := gsText(t, data); !strings.Contains(got, first+second) {
			t.Errorf("gs txtwrite reads %q, want %q in it", got, first+second)
		}
		bbox := testtool.Run(t, "pdftotext", "-bbox", path, "-")
		if !strings.Contains(bbox, ">"+first+second+"</word>") {
			t.Errorf("pdftotext -bbox does not read %q as one word:\n%s", first+second, bbox)
		}
		for _, f := range embeddedFonts(t, readBack(t, data)) {
			checkProgram(t, f.baseFont, f.program)
			checkToUnicode(t, f.baseFont, f.toUnicode)
		}
	}
}
