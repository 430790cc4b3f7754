package layout

import (
	"math"
	"strings"
	"testing"

	"gazette/fonts"
)

// setLine breaks text at chars em of 16 bp with the given style and returns
// the lines.
func setLines(t *testing.T, lb *LineBreaker, text string, chars float64, a Align) []Line {
	t.Helper()
	if lb.Metrics == nil {
		lb.Metrics = gridMetrics{}
	}
	ls, missing := lb.Break(&Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: 16}}, Width: chars * 16, Align: a})
	if len(missing) > 0 {
		t.Fatalf("missing %q", string(missing))
	}
	return ls
}

// advanceAfter is the distance from the glyph of rune r (its n-th
// occurrence) to the next glyph.
func advanceAfter(t *testing.T, l Line, r rune, n int) float64 {
	t.Helper()
	for i, g := range l.Glyphs {
		if g.R != r {
			continue
		}
		if n--; n > 0 {
			continue
		}
		if i+1 == len(l.Glyphs) {
			t.Fatalf("%q is the last glyph of %q", r, l.Text())
		}
		return l.Glyphs[i+1].X - g.X
	}
	t.Fatalf("%q not in %q", r, l.Text())
	return 0
}

func TestCJKLatinGlue(t *testing.T) {
	// https://www.w3.org/TR/clreq/#mixed_text_composition_in_horizontal_writing_mode: a quarter em (4 bp at 16 bp) between hanzi and Western
	// characters; none inside dates, 发文字号 and counted items (house rule).
	tests := []struct {
		text string
		r    rune
		n    int
		want float64
	}{
		{"增长5.2%以上", '长', 1, 16 + 4}, // hanzi → digit
		{"增长5.2%以上", '%', 1, 8 + 4},  // percent → hanzi
		{"采用PDF格式", '用', 1, 16 + 4},  // hanzi → Latin word
		{"采用PDF格式", 'F', 1, 8 + 4},
		{"2023年6月29日", '年', 1, 16}, // dates stay solid
		{"2023年6月29日", '3', 1, 8},
		{"〔2023〕25号", '〕', 1, 16}, // no glue next to punctuation
		{"第31次会议", '第', 1, 16},    // counted items stay solid
		{"全区，2025年", '，', 1, 16},  // none after a comma
		{"组织1次集中", '织', 1, 16},    // a number with its counter is solid on both sides
		{"应于12月底", '于', 1, 16},
		{"撰写1篇报告", '写', 1, 16},
		{"大道836号", '道', 1, 16},
		{"超10亿元", '超', 1, 16},
		{"增长5.2%以上", '2', 1, 8},     // the percent sign belongs to the number
		{"国家4A级景区", '家', 1, 16 + 4}, // letters in the word: a quarter em on both sides
		{"国家4A级景区", 'A', 1, 8 + 4},
	}
	for _, tt := range tests {
		ls := setLines(t, &LineBreaker{}, tt.text, 40, AlignLeft)
		if got := advanceAfter(t, ls[0], tt.r, tt.n); math.Abs(got-tt.want) > 0.001 {
			t.Errorf("%s: advance after %q = %.2f, want %.2f", tt.text, tt.r, got, tt.want)
		}
	}
}

func TestNoGlueAtLineEnds(t *testing.T) {
	// "一二三四五" fills 5 em exactly: the glue before "2025" must not push
	// the line over, and the next line must start flush left.
	ls := setLines(t, &LineBreaker{}, "一二三四五2025年六七八九十", 5, Justify)
	if ls[0].Text() != "一二三四五" {
		t.Fatalf("line 1 = %q, want 一二三四五", ls[0].Text())
	}
	if x := ls[1].Glyphs[0].X; x != 0 {
		t.Errorf("line 2 starts at %.2f, want 0 (no glue at line start)", x)
	}
	if r := ls[0].Right; math.Abs(r-80) > 0.01 {
		t.Errorf("line 1 ends at %.2f, want 80", r)
	}
}

func TestPunctStyles(t *testing.T) {
	text := "甲，乙。丙《丁》戊"
	tests := []struct {
		style         PunctStyle
		comma, period float64
		open          float64 // advance of 丙 to 《 + 《 to 丁
	}{
		{Quanjiao, 16, 16, 32},
		{Kaiming, 8, 16, 24},
		{Banjiao, 8, 8, 24},
	}
	for _, tt := range tests {
		l := setLines(t, &LineBreaker{Punct: tt.style}, text, 40, AlignLeft)[0]
		if got := advanceAfter(t, l, '，', 1); got != tt.comma {
			t.Errorf("style %d: ， advances %.1f, want %.1f", tt.style, got, tt.comma)
		}
		if got := advanceAfter(t, l, '。', 1); got != tt.period {
			t.Errorf("style %d: 。 advances %.1f, want %.1f", tt.style, got, tt.period)
		}
		// the visible 《 glyph sits in the right half of its box, so what
		// counts is the distance from 丙 to 丁.
		if got := advanceAfter(t, l, '丙', 1) + advanceAfter(t, l, '《', 1); got != tt.open {
			t.Errorf("style %d: 丙 to 丁 is %.1f, want %.1f", tt.style, got, tt.open)
		}
	}
}

func TestSqueezeOrder(t *testing.T) {
	// 9.5 em of text set in 9.25 em, ending in a closing mark that may not
	// start a line after a dash that may not be split: pushing the dash down
	// would leave 2.25 em to spread, so the line squeezes to take the mark in
	// ("先挤进", https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_end), and clreq takes the brackets' blanks (priority
	// 4), equally, before the full stop's (priority 7): an eighth of an em
	// from each bracket.
	ls := setLines(t, &LineBreaker{}, "一二（三）四。——」", 9.25, Justify)
	if len(ls) != 1 {
		t.Fatalf("did not squeeze onto one line: %q", lineTexts(ls))
	}
	l := ls[0]
	if got := advanceAfter(t, l, '）', 1); math.Abs(got-14) > 0.01 {
		t.Errorf("） advances %.2f, want 14 (squeezed first)", got)
	}
	if got := advanceAfter(t, l, '二', 1); math.Abs(got-14) > 0.01 {
		t.Errorf("二 to （ is %.2f, want 14 (the opening bracket gives its left blank)", got)
	}
	if got := advanceAfter(t, l, '。', 1); math.Abs(got-16) > 0.01 {
		t.Errorf("。 advances %.2f, want 16 (left for last)", got)
	}
}

// TestNoSqueezeWithoutAProhibition: a line whose natural end is an allowed
// break keeps its marks full width (全角式) and is justified, rather than
// squeezing its punctuation to take one more character.
func TestNoSqueezeWithoutAProhibition(t *testing.T) {
	ls := setLines(t, &LineBreaker{}, "一二（三）四。五六七八九", 9.5, Justify)
	if got := lineTexts(ls); len(got) != 2 || got[0] != "一二（三）四。五六" {
		t.Fatalf("lines %q, want the first to end at 六", got)
	}
	if got := advanceAfter(t, ls[0], '。', 1); got < 16 {
		t.Errorf("。 advances %.2f, want at least a full em", got)
	}
	if got := ls[0].Right; math.Abs(got-9.5*16) > 0.01 {
		t.Errorf("the line ends at %.2f, want it justified to %.2f", got, 9.5*16)
	}
}

func TestRangeIsNeverSplit(t *testing.T) {
	// Breaking after the hyphen of 2023-2025 would make the line tighter,
	// but pdftotext (and other extractors) drop a hyphen at line end, so the
	// copied text would lose it: the range stays whole and the line is loose.
	text := "《一二三四五六七八九十一二三四五六七八九十（2023-2025年）》已经同意"
	lb := &LineBreaker{Metrics: gridMetrics{}}
	ls, _ := lb.Break(&Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: 16}}, Width: 26 * 16})
	for _, l := range ls {
		if strings.HasSuffix(l.Text(), "-") {
			t.Errorf("a line ends in the range's hyphen: %q", lineTexts(ls))
		}
	}
}

func TestCompressedPairKeepsItsOrder(t *testing.T) {
	// ”、“ squeezed to fit: the pair 、“ stays at 1.5 em, so “ never starts
	// at the x of 、 (extractors order glyphs by x).
	// 12 em after pair compression, set in 11.5 em: only the “ could give.
	ls := setLines(t, &LineBreaker{}, "一二三四五”、“六七八九十", 11.5, Justify)
	for _, l := range ls {
		for i := 1; i < len(l.Glyphs); i++ {
			if l.Glyphs[i].X <= l.Glyphs[i-1].X+0.01 {
				t.Errorf("%q and %q share x %.2f in %q", l.Glyphs[i-1].R, l.Glyphs[i].R, l.Glyphs[i].X, l.Text())
			}
		}
	}
}

func TestTitleKeepsNamesWhole(t *testing.T) {
	text := "关于印发《全区政府系统调查研究方案》的通知"
	lb := &LineBreaker{Metrics: gridMetrics{}}
	for chars := 14; chars <= 20; chars++ { // the name is 14 em: it fits from 14 on
		ls, _ := lb.Break(&Paragraph{Spans: []Span{{Text: text, Role: fonts.Title, Size: 16}}, Width: float64(chars) * 16, Align: AlignCenter, KeepNames: true})
		for _, l := range ls {
			s := l.Text()
			if strings.Contains(s, "《") && !strings.Contains(s, "》") {
				t.Errorf("width %d: the name breaks inside: %q", chars, lineTexts(ls))
			}
		}
	}
}

func TestStrictKinsokuKeepsDashesOffLineStart(t *testing.T) {
	text := "一二三四五六七八九——十一二三"
	for _, tt := range []struct {
		k     Kinsoku
		start bool // may a line start with ——
	}{{KinsokuGB, true}, {KinsokuStrict, false}} {
		ls := setLines(t, &LineBreaker{Kinsoku: tt.k}, text, 9, Justify)
		got := strings.HasPrefix(ls[1].Text(), "——")
		if got && !tt.start {
			t.Errorf("kinsoku %d: line 2 starts with ——: %q", tt.k, lineTexts(ls))
		}
	}
}

func lineTexts(ls []Line) []string {
	out := make([]string, len(ls))
	for i := range ls {
		out[i] = ls[i].Text()
	}
	return out
}

func TestWithSizesKeepsTheGridFilled(t *testing.T) {
	st, _ := Preset("gbt9704")
	tests := []struct {
		body        float64
		chars, rows int
	}{
		{0, 28, 22},
		{16, 28, 22},
		{14, 31, 25}, // 四号: 442.2 bp / 14 = 31 characters
		{12, 36, 29}, // 小四
	}
	for _, tt := range tests {
		s := st.WithSizes(tt.body, 0)
		if s.CharsPerLine != tt.chars || s.LinesPerPage != tt.rows {
			t.Errorf("body %.0f: %d × %d, want %d × %d", tt.body, s.CharsPerLine, s.LinesPerPage, tt.chars, tt.rows)
		}
		if d := math.Abs(s.TextHeight() - st.TextHeight()); d > 0.001 {
			t.Errorf("body %.0f: type area height %.2f, want %.2f", tt.body, s.TextHeight(), st.TextHeight())
		}
	}
	if st.WithSizes(0, 18).TitleSize != 18 {
		t.Error("title size not applied")
	}
}

// TestLineStartBracketIsSetFlush: an opening bracket that starts a line
// loses its leading blank (https://www.w3.org/TR/clreq/#punctuation_width_adjustment) on every line, a paragraph's first
// included, and is never squeezed further: the ink of "（一）" starts at the
// 2-character indent, as a paragraph opening with a hanzi does, whether or
// not its line had to be squeezed, and a wrapped line's bracket stands flush
// with the margin.
func TestLineStartBracketIsSetFlush(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	for _, text := range []string{
		"（一）强化理论学习。正文正文正文正文正文正文正文正文正文正文正文正文正文正文。",
		"（二）推进文化自信，坚持以人民为中心、以文化人，正文正文正文正文正文正文。", // marks the squeezer could take
		"（三）注重方式方法、、、、、、、、、、、、、、、、、、、、、、、、、。",
		"正文正文正文正文正文正文正文正文，（2023-2025年）是关键时期。",
	} {
		p := &Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: 16}}, Width: 20 * 16, Indent: 32, Align: Justify}
		ls, _ := lb.Break(p)
		for i, l := range ls {
			if !leftBlank[l.Glyphs[0].R] {
				continue
			}
			want := 32.0 - 8 // the indent less the bracket's blank half
			if i > 0 {
				want = -8
			}
			if x := l.Glyphs[0].X; math.Abs(x-want) > 0.001 {
				t.Errorf("%q line %d: the opening bracket's box starts at %.2f, want %.2f (ink at the indent)", text, i+1, x, want)
			}
			if l.Left != want+8 {
				t.Errorf("%q line %d: Line.Left = %.2f, want the ink's start %.2f", text, i+1, l.Left, want+8)
			}
		}
	}
}

// TestCentredLineCentresItsInk: a centred line that starts with an opening
// mark and ends with a closing one sits in the middle of the measure by its
// ink: the two blanks (the opening mark's left half, the closing mark's
// right half) are both left out (https://www.w3.org/TR/clreq/#punctuation_width_adjustment, GB/T 15834 5.1.10).
func TestCentredLineCentresItsInk(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	ls := setLines(t, lb, "（昌府办字〔2023〕25号）", 28, AlignCenter)
	if len(ls) != 1 {
		t.Fatalf("%d lines", len(ls))
	}
	l := ls[0]
	inkLeft := l.Glyphs[0].X + 8 // （ has its glyph on the right half of its em
	inkRight := l.Right          // ） is measured to the end of its glyph half
	if d := (inkLeft+inkRight)/2 - 28*16/2; math.Abs(d) > 0.01 {
		t.Errorf("ink %.2f–%.2f is centred at %.2f, the measure at %.2f", inkLeft, inkRight, (inkLeft+inkRight)/2, 28.0*16/2)
	}
	if l.Left != inkLeft {
		t.Errorf("Line.Left = %.2f, want the ink's start %.2f", l.Left, inkLeft)
	}
}

// TestGlueStaysAQuarterEm: justification spreads a line over its gaps between
// hanzi, never over the quarter em next to a Western word or number, which
// looks the same on every line (docs/clreq.md#mixed-text-composition-in-horizontal-writing-mode, house rule).
func TestGlueStaysAQuarterEm(t *testing.T) {
	ls := setLines(t, &LineBreaker{}, "采用PDF格式的文件共有甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申", 12.4, Justify)
	if len(ls) < 2 {
		t.Fatalf("want a justified first line, got %q", lineTexts(ls))
	}
	if got := advanceAfter(t, ls[0], '用', 1); math.Abs(got-20) > 0.001 {
		t.Errorf("用 to P is %.2f, want 20 (an em and a quarter)", got)
	}
	if got := advanceAfter(t, ls[0], 'F', 1); math.Abs(got-12) > 0.001 {
		t.Errorf("F to 格 is %.2f, want 12", got)
	}
}

// TestPushOutBeforeSqueezing: where a closing mark may not start the next
// line, one character goes down with it and the line is justified, rather
// than the marks of the line being squeezed ("推出", https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_end), as long as
// that leaves no more than maxPushSlack ems to spread.
func TestPushOutBeforeSqueezing(t *testing.T) {
	ls := setLines(t, &LineBreaker{}, "一二（三）四。五六」七八", 9.25, Justify)
	if got := lineTexts(ls); len(got) != 2 || got[0] != "一二（三）四。五" {
		t.Fatalf("lines %q, want 六」 pushed to the second line", got)
	}
	for _, r := range []rune{'）', '。'} {
		if got := advanceAfter(t, ls[0], r, 1); got < 16 {
			t.Errorf("%c advances %.2f: squeezed, want at least a full em", r, got)
		}
	}
	if got := ls[0].Right; math.Abs(got-9.25*16) > 0.01 {
		t.Errorf("the line ends at %.2f, want it justified to %.2f", got, 9.25*16)
	}
}
