package main

import (
	"strings"
	"testing"

	"gazette/internal/testtool/pdfread"
)

// TestCompositionOpeningSentenceIndented reads back the composition issue:
// a 主送机关 (GB/T 9704-2012 7.3.2) starts flush at the left of the type
// area, while the 决定's opening sentence "……第三次会议决定：", which ends in
// a colon too, is the first paragraph of its text and starts two em in
// (docs/document-kinds.md#addressee).
func TestCompositionOpeningSentenceIndented(t *testing.T) {
	pdf := cachedComposition(t)
	is, _ := compositionBuild.get(t, "composition", nil)
	st := rbStyle(t, is)
	em := st.BodySize
	rb := pdfread.Read(t, pdf, is.Book)
	tests := []struct {
		start  string
		indent float64 // in em
	}{
		{"各乡（镇）人民政府，县政府各部门", 0},
		{"湖南省第十四届人民代表大会常务委员会第三次会议决定", 2},
	}
	for _, tt := range tests {
		found := false
		for _, g := range pdfread.Geometry(rb, st) {
			if g.Folio == 0 {
				continue
			}
			for _, r := range g.AreaRows() {
				if !strings.HasPrefix(r.Text(), tt.start) {
					continue
				}
				found = true
				if got := (r.X0 - g.Left) / em; got < tt.indent-0.25 || got > tt.indent+0.25 {
					t.Errorf("page %d: %q starts %.2f em from the left of the type area, want %.0f", g.N, r.Text(), got, tt.indent)
				}
			}
		}
		if !found {
			t.Errorf("no line starting %q read back", tt.start)
		}
	}
}
