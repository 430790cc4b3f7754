package layout

import (
	"math"
	"testing"
	"unicode/utf8"
)

// TestRunsTileAfterCuts checks that, once each cut glyph is narrowed by its
// Cut, no glyph box of a line (its advance, as readers take it: character
// spacing left out) overlaps the next one's by more than 0.05 em, in each
// punctuation style and on a squeezed line, and that every glyph is still
// drawn where it was set.
func TestRunsTileAfterCuts(t *testing.T) {
	tests := []struct {
		name  string
		style PunctStyle
		text  string
		chars float64
		cuts  int // at least this many cuts on the first line
	}{
		{"pair closing–pause", Quanjiao, "各乡镇（街道）、单位（部门）要围绕调研内容立足本单位", 24, 1},
		{"pair closing–opening", Quanjiao, "要大力开展“比较式”“沉浸式”“发散式”调研综合运用蹲点调研", 26, 2},
		{"pair opening–opening", Quanjiao, "印发《“十四五”规划》的通知，请认真贯彻执行，抓好落实工作", 24, 1},
		{"kaiming", Kaiming, "各乡镇（街道）、单位（部门）要围绕“调研”内容，立足本单位实际", 24, 4},
		{"banjiao", Banjiao, "各乡镇（街道）、单位（部门）要围绕“调研”内容，立足本单位实际", 24, 4},
		{"squeezed", Quanjiao, "经研究，同意（批复），请遵照执行；各单位、各部门：要落实好。", 29, 1},
	}
	m := gridMetrics{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := setLines(t, &LineBreaker{Metrics: m, Kinsoku: KinsokuGB, Punct: tt.style}, tt.text, tt.chars, Justify)
			l := ls[0]
			runs := packRuns(l.Glyphs, 0, 0, m)
			n := 0
			type box struct {
				r          rune
				x0, x1, at float64
			}
			var boxes []box
			for _, r := range runs {
				n += len(r.Cuts)
				cuts := r.Cuts
				x := r.X
				for i, c := range []rune(r.Text) {
					adv, _ := m.Advance(r.Role, c)
					w := adv * r.Size
					if len(cuts) > 0 && cuts[0].Index == i {
						w -= cuts[0].Right
						cuts = cuts[1:]
					}
					boxes = append(boxes, box{c, x, x + w, x})
					x += adv*r.Size + r.Spacing // the pen moves on by the full advance
				}
				if len(cuts) > 0 {
					t.Errorf("cut beyond the run %q: %+v", r.Text, cuts)
				}
			}
			if n < tt.cuts {
				t.Errorf("%q: %d cuts, want at least %d", l.Text(), n, tt.cuts)
			}
			if len(boxes) != utf8.RuneCountInString(l.Text()) {
				t.Fatalf("%d boxes for %q", len(boxes), l.Text())
			}
			for i, b := range boxes {
				if math.Abs(b.at-l.Glyphs[i].X) > 0.01 {
					t.Errorf("%q drawn at %.2f, set at %.2f", b.r, b.at, l.Glyphs[i].X)
				}
				if i+1 < len(boxes) {
					if d := b.x1 - boxes[i+1].x0; d > 0.05*16 {
						t.Errorf("%q…%q in %q: boxes overlap by %.2f bp", b.r, boxes[i+1].r, l.Text(), d)
					}
				}
			}
		})
	}
}
