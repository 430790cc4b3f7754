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

// TestMemoKeyTellsParagraphsApart: the same paragraph always has the same
// key, and a paragraph that differs in any one thing the lines depend on
// (a span's text, split, face, size or boldness; the measure, indents,
// tracking, alignment, balance, any flag) has another.
func TestMemoKeyTellsParagraphsApart(t *testing.T) {
	base := func() *Paragraph {
		return &Paragraph{Spans: []Span{{Text: "一二", Role: fonts.Fang, Size: 16}, {Text: "三", Role: fonts.Hei, Size: 16}},
			Width: 320, Indent: 32, Hang: 0, Track: 0.5, Align: Justify, Balance: 0}
	}
	variants := []func(p *Paragraph){
		func(p *Paragraph) { p.Spans[0].Text = "一三" },
		func(p *Paragraph) {
			p.Spans = []Span{{Text: "一", Role: fonts.Fang, Size: 16}, {Text: "二三", Role: fonts.Hei, Size: 16}}
		},
		func(p *Paragraph) { p.Spans = p.Spans[:1] },
		func(p *Paragraph) { p.Spans[1].Role = fonts.Fang },
		func(p *Paragraph) { p.Spans[1].Size = 15.999 },
		func(p *Paragraph) { p.Spans[0].FakeBold = true },
		func(p *Paragraph) { p.Width = 321 },
		func(p *Paragraph) { p.Indent = 0 },
		func(p *Paragraph) { p.Hang = 32 },
		func(p *Paragraph) { p.Track = 0 },
		func(p *Paragraph) { p.Align = AlignCenter },
		func(p *Paragraph) { p.Balance = 2 },
		func(p *Paragraph) { p.KeepNames = true },
		func(p *Paragraph) { p.KeepWords = true },
		func(p *Paragraph) { p.Tight = true },
		func(p *Paragraph) { p.KeepItems = true },
	}
	keys := map[string]int{base().memoKey(): -1}
	if base().memoKey() != base().memoKey() {
		t.Fatal("one paragraph, two keys")
	}
	for i, change := range variants {
		p := base()
		change(p)
		k := p.memoKey()
		if j, ok := keys[k]; ok {
			t.Errorf("variant %d has the key of variant %d", i, j)
		}
		keys[k] = i
	}
}
