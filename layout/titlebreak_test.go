package layout

import (
	"math"
	"testing"

	"gazette/fonts"
)

// TestPrefixWidthsMatchLineWidth: the constant-time measure of the title
// search agrees with lineWidth on every run.
func TestPrefixWidthsMatchLineWidth(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	sc := new(scratch)
	text := "关于印发《昌江区提升农业产业化发展水平三年行动方案（2023-2025年）》的通知 PDF 和 “两高” 项目，"
	atoms, _ := lb.prepare(&Paragraph{Spans: []Span{{Text: text, Role: fonts.Title, Size: 16}}, Width: 400}, sc)
	pw := newPrefixWidths(atoms)
	for a := 0; a < len(atoms); a++ {
		for e := a; e <= len(atoms); e++ {
			if got, want := pw.width(a, e), lineWidth(atoms[a:e]); math.Abs(got-want) > 1e-9 {
				t.Fatalf("width(%d, %d) = %.4f, lineWidth %.4f", a, e, got, want)
			}
		}
	}
}
