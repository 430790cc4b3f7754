package layout

import (
	"math"
	"slices"
	"strings"
	"testing"

	"gazette/fonts"
)

// TestFitShapeMatchesLine: the shape the prefix sums give every candidate
// line is the one lineWidth, giveOf and stretchGaps measure on the line's
// own atoms, to well within the breaker's finest threshold (10^-6 pt).
func TestFitShapeMatchesLine(t *testing.T) {
	texts := []string{sampleParagraph, "http://www.jdzcjq.gov.cn/art/2023/8/30/art_1234_567890.html。",
		"（一）“比较式”、“沉浸式”——……《关于（试行）》的通知。", "YD/T 5185—2021和GB 50311-2016  两个  空格 ", "　　１，２５０平方米，１２．５％。"}
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	for _, text := range texts {
		for _, tight := range []bool{false, true} {
			p := &Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: 16}, {Text: "（2023年）", Role: fonts.Song, Size: 12}},
				Width: 20 * 16.3, Indent: 32, Track: 0.3, Align: Justify, Tight: tight}
			atoms, _ := lb.prepare(p, new(scratch))
			setGive(atoms)
			markEmergency(atoms, p)
			ft := fitAtoms(atoms, nil)
			n := len(atoms)
			for a := range n {
				for e := a + 1; e <= n; e++ {
					line := trimSpaces(atoms[a:e])
					s, ok := ft.shape(a, e)
					if ok != (len(line) > 0) {
						t.Fatalf("%q [%d:%d]: shape ok %v for a line of %d atoms", text, a, e, ok, len(line))
					}
					if !ok {
						continue
					}
					shrink := 0.0
					for i := range line {
						shrink += giveOf(line, i)
					}
					if math.Abs(s.width-lineWidth(line)) > 1e-6 || math.Abs(s.shrink-shrink) > 1e-6 ||
						s.gaps != stretchGaps(line) || s.em != atoms[a].size {
						t.Fatalf("%q [%d:%d]: shape %+v, the line measures width %v shrink %v gaps %d em %v",
							text, a, e, s, lineWidth(line), shrink, stretchGaps(line), atoms[a].size)
					}
				}
			}
		}
	}
}

// TestTotalFitTieFullerFirst: when a line must be set short (here before
// "——", which may not be divided), the breakings that spread the first,
// the second or the third line cost the same; the breaker spreads the
// latest, keeping the lines before it full, as greedy filling does, whatever
// the widths' rounding (a tracking such as the body text's, 156 mm / 28 −
// 16 pt, makes no width a binary fraction).
func TestTotalFitTieFullerFirst(t *testing.T) {
	const body = 156 / 25.4 * 72 // the type area's width, pt
	for _, chars := range []int{10, 28} {
		text := strings.Repeat("政", 3*chars-1) + "——" + strings.Repeat("府", chars+2)
		want := []int{chars, 2 * chars, 3*chars - 1, 4*chars - 1, 4*chars + 3}
		for _, track := range []float64{0, 0.3, 1.0 / 3, body/28 - 16} {
			lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
			p := &Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: 16}}, Width: float64(chars) * (16 + track), Track: track, Align: Justify}
			atoms, _ := lb.prepare(p, new(scratch))
			setGive(atoms)
			markEmergency(atoms, p)
			if got := totalFit(atoms, p, new(scratch)); !slices.Equal(got, want) {
				t.Errorf("%d chars, track %v: breaks %v, want %v", chars, track, got, want)
			}
		}
	}
}

// TestTotalFitTieRealFaces: the same tie in a paragraph of the composition
// test issue set 开明式 in the default faces, where the two lines that may
// take the spread hold different characters of the same widths: the later
// one is spread. Float sums taken from each break in turn (the breaker
// before fixed point) rounded the two lines' widths differently and
// spread the earlier one.
func TestTotalFitTieRealFaces(t *testing.T) {
	set, err := fonts.Load(fonts.Config{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewFontMetrics(set)
	if err != nil {
		t.Fatal(err)
	}
	const body = 156 / 25.4 * 72 // the type area's width, pt
	text := "各乡镇、各有关部门要认真贯彻“保护为主、抢救第一、合理利用、传承发展”的方针，截至２０２３年６月底，全县已认定代表性传承人４６名，" +
		"保护经费投入同比增长１２．５％，传承场所面积达到１，２５０平方米。对名录中濒危程度较高的项目，要在２０２３—２０２５年实施抢救性记录，每个项目记录时长不少于３０小时。"
	lb := &LineBreaker{Metrics: m, Kinsoku: KinsokuGB, Punct: Quanjiao}
	p := &Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: 16}}, Width: body, Indent: 2 * body / 28, Track: body/28 - 16, Align: Justify, Tight: true}
	atoms, _ := lb.prepare(p, new(scratch))
	setGive(atoms)
	markEmergency(atoms, p)
	got := totalFit(atoms, p, new(scratch))
	if want := []int{28, 58, 87, 114, 142, 148}; !slices.Equal(got, want) {
		t.Errorf("breaks %v, want %v", got, want)
	}
}

// TestTotalFitNoMeasure: a measure narrower than the indent and the hang
// (no room at all on any line) neither panics nor prunes differently from
// the breaker that prices every line.
func TestTotalFitNoMeasure(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	for _, width := range []float64{-5, 0, 10, 20.01, 32} {
		p := &Paragraph{Spans: []Span{{Text: sampleParagraph, Role: fonts.Fang, Size: 16}}, Width: width, Indent: 32, Hang: 20, Align: Justify}
		atoms, _ := lb.prepare(p, new(scratch))
		setGive(atoms)
		markEmergency(atoms, p)
		got := slices.Clone(totalFit(atoms, p, new(scratch)))
		if want := totalFitUnpruned(atoms, p); !slices.Equal(got, want) {
			t.Errorf("width %v: breaks %v, unpruned %v", width, got, want)
		}
	}
}

// TestTotalFitOverflowWithoutGive: a line a hair over lineCost's tolerance
// (0.01 pt) with nothing to squeeze is within its 1e-6 pt of rounding and
// may be set; it must cost what a squeeze costs, not +Inf (over / 0),
// which let an orphan win: ten hanzi in a measure 0.0100005 pt short of
// them are one line, not nine and one.
func TestTotalFitOverflowWithoutGive(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	p := &Paragraph{Spans: []Span{{Text: strings.Repeat("政", 10), Role: fonts.Fang, Size: 16}}, Width: 160 - 0.0100005, Align: Justify}
	atoms, _ := lb.prepare(p, new(scratch))
	setGive(atoms)
	markEmergency(atoms, p)
	if got := totalFit(atoms, p, new(scratch)); !slices.Equal(got, []int{10}) {
		t.Errorf("breaks %v, want [10]", got)
	}
	for _, shrink := range []float64{0, 1e-9} {
		if c, ok := lineCost(lineShape{width: 160, shrink: shrink, em: 16}, 160-0.0100005, p, false); !ok || math.IsInf(c, 0) || c > squeezePen+squeezeWeight {
			t.Errorf("shrink %v: cost %v, %v; want a squeeze's, at most %v", shrink, c, ok, squeezePen+squeezeWeight)
		}
	}
}
