package layout

import (
	"reflect"
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

// TestMemoKeyHoldsEveryField: a paragraph that differs from another in any
// field, or in any field of any span, or in its number of spans, has
// another memo key — a field added to Paragraph or Span and left out of
// memoKey fails here, before the memo hands out lines set otherwise.
func TestMemoKeyHoldsEveryField(t *testing.T) {
	base := func() *Paragraph {
		return &Paragraph{Spans: []Span{{Text: "一", Role: fonts.Fang, Size: 16}, {Text: "二", Role: fonts.Hei, Size: 16},
			{Text: "三", Role: fonts.Kai, Size: 16}}, Width: 100}
	}
	key := base().memoKey()
	changed := func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "x")
		case reflect.Float64:
			v.SetFloat(v.Float() + 1)
		case reflect.Int:
			v.SetInt(v.Int() + 1)
		case reflect.Bool:
			v.SetBool(!v.Bool())
		default:
			t.Fatalf("a field of kind %s: teach this test to change it", v.Kind())
		}
	}
	pt := reflect.TypeOf(Paragraph{})
	for i := range pt.NumField() {
		if pt.Field(i).Name == "Spans" {
			continue
		}
		p := base()
		changed(reflect.ValueOf(p).Elem().Field(i))
		if p.memoKey() == key {
			t.Errorf("Paragraph.%s is not in the memo key", pt.Field(i).Name)
		}
	}
	st := reflect.TypeOf(Span{})
	for s := range 3 {
		for i := range st.NumField() {
			p := base()
			changed(reflect.ValueOf(&p.Spans[s]).Elem().Field(i))
			if p.memoKey() == key {
				t.Errorf("Span.%s of span %d is not in the memo key", st.Field(i).Name, s)
			}
		}
	}
	p := base()
	p.Spans = append(p.Spans[:1], Span{})
	q := base()
	q.Spans = q.Spans[:1]
	if p.memoKey() == q.memoKey() {
		t.Error("one span and the same span with an empty one after it have the same key")
	}
}

// TestMemoKeyTellsParagraphsApart: the same paragraph always has the same
// key, and a paragraph that differs in any one thing the lines depend on
// (a span's text, split, face, size or boldness, a third span's; the
// measure, indents, tracking, alignment, balance, any flag) has another.
func TestMemoKeyTellsParagraphsApart(t *testing.T) {
	base := func() *Paragraph {
		return &Paragraph{Spans: []Span{{Text: "一二", Role: fonts.Fang, Size: 16}, {Text: "三", Role: fonts.Hei, Size: 16}, {Text: "四", Role: fonts.Kai, Size: 16}},
			Width: 320, Indent: 32, Hang: 0, Track: 0.5, Align: Justify, Balance: 0}
	}
	variants := []func(p *Paragraph){
		func(p *Paragraph) { p.Spans[0].Text = "一三" },
		func(p *Paragraph) {
			p.Spans = []Span{{Text: "一", Role: fonts.Fang, Size: 16}, {Text: "二三", Role: fonts.Hei, Size: 16}, p.Spans[2]}
		},
		func(p *Paragraph) { p.Spans = p.Spans[:2] },
		func(p *Paragraph) { p.Spans[1].Role = fonts.Fang },
		func(p *Paragraph) { p.Spans[1].Size = 15.999 },
		func(p *Paragraph) { p.Spans[0].FakeBold = true },
		func(p *Paragraph) { p.Spans[2].Text = "五" },
		func(p *Paragraph) { p.Spans[2].Size = 12 },
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
	if base().memoKey() != base().memoKey() {
		t.Fatal("one paragraph, two keys")
	}
	keys := map[memoKey]int{base().memoKey(): -1}
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
