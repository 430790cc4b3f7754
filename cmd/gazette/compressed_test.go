package main

// Compressed punctuation read back as readers' tools read it: pdftotext
// without -layout, the way copy/paste and search see a PDF
// (docs/line-composition.md#compressed-marks-in-the-pdf).

import (
	"html"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var rbProvinceBuild rbSharedBuild

// cachedProvince is testdata/issues/province, built once per test binary.
func cachedProvince(t *testing.T) string {
	t.Helper()
	_, pdf := rbProvinceBuild.get(t, "province", func(string) (string, error) {
		return filepath.Join("..", "..", "testdata", "issues", "province", "issue.toml"), nil
	})
	return pdf
}

// noLineStart holds the marks that never start a printed line (the GB
// level of the prohibitions): a line of pdftotext's output that starts
// with one was split by the reader, not by the layout.
const noLineStart = "、，。；：？！）》”’〕】」』"

func TestCompressedMarksKeepLinesWhole(t *testing.T) {
	_, sample := cachedSample(t)
	text := runTool(t, "pdftotext", "-enc", "UTF-8", sample, "-")
	lines := strings.Split(text, "\n")
	for _, want := range []string{
		"各乡镇（街道）、单位（部门）要围绕",     // （…）、 a closing mark and a pause mark in 1.5 em
		"要大力开展“比较式”“沉浸式”“发",     // ”“ in 1.5 em
		"农业产业项目，有农业建设用地需求，主动协助", // 开明式: ， half an em
	} {
		found := false
		for _, l := range lines {
			found = found || strings.Contains(l, want)
		}
		if !found {
			t.Errorf("no line of the sample's text reads %q whole", want)
		}
	}
	for name, pdf := range map[string]string{"sample": sample, "province": cachedProvince(t)} {
		text := runTool(t, "pdftotext", "-enc", "UTF-8", pdf, "-")
		for i, l := range strings.Split(text, "\n") {
			if l != "" && strings.ContainsRune(noLineStart, []rune(l)[0]) {
				t.Errorf("%s: line %d of pdftotext's text starts with a mark no printed line starts with: %q", name, i+1, l)
			}
		}
	}
}

// TestNoGlyphBoxesOverlapOnALine reads every word box back (pdftotext
// -bbox) and checks that no two on one baseline overlap by more than
// 0.05 em, leader dots aside (set with a negative spacing on purpose).
func TestNoGlyphBoxesOverlapOnALine(t *testing.T) {
	_, sample := cachedSample(t)
	for name, pdf := range map[string]string{"sample": sample, "province": cachedProvince(t)} {
		out := runTool(t, "pdftotext", "-bbox", pdf, "-")
		for pn, page := range strings.Split(out, "<page ")[1:] {
			type word struct {
				x0, y0, x1, y1 float64
				text           string
			}
			var ws []word
			for _, m := range bboxWordRE.FindAllStringSubmatch(page, -1) {
				w := word{text: html.UnescapeString(m[5])}
				for i, p := range []*float64{&w.x0, &w.y0, &w.x1, &w.y1} {
					*p, _ = strconv.ParseFloat(m[i+1], 64)
				}
				if strings.Trim(w.text, "·") != "" {
					ws = append(ws, w)
				}
			}
			for i, a := range ws {
				for _, b := range ws[i+1:] {
					em := a.y1 - a.y0
					over := min(a.x1, b.x1) - max(a.x0, b.x0)
					if abs(a.y1-b.y1) < 0.5 && over > 0.05*em {
						t.Errorf("%s p%d: %q and %q overlap by %.2f em", name, pn+1, a.text, b.text, over/em)
					}
				}
			}
		}
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}
