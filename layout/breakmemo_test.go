package layout

import (
	"testing"

	"gazette/fonts"
)

// TestBreakMemoGivesCopies: a remembered paragraph comes back as the lines
// it was set in, even after the caller shifted the lines it got before
// (centred titles, signatures), and a paragraph that differs in anything
// the lines depend on is broken afresh.
func TestBreakMemoGivesCopies(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	memo := breakMemo{}
	p := func(tight bool) *Paragraph {
		return &Paragraph{Spans: []Span{{Text: sampleParagraph, Role: fonts.Fang, Size: 16}}, Width: 20 * 16, Align: Justify, Tight: tight}
	}
	first, _ := memo.breakLines(lb, p(false))
	x := first[0].Glyphs[3].X
	shiftLine(&first[0], 100)
	again, _ := memo.breakLines(lb, p(false))
	if got := again[0].Glyphs[3].X; got != x {
		t.Errorf("the remembered line moved with the caller's copy: glyph at %.2f, was %.2f", got, x)
	}
	tight, _ := memo.breakLines(lb, p(true))
	fresh, _ := lb.Break(p(true))
	if fresh[0].Text() == again[0].Text() && len(fresh) == len(again) {
		t.Fatal("the test wants a paragraph that sets differently tight")
	}
	if len(tight) != len(fresh) || tight[0].Text() != fresh[0].Text() {
		t.Errorf("a tight paragraph came from the memo of the loose one: %q, want %q", tight[0].Text(), fresh[0].Text())
	}
}
