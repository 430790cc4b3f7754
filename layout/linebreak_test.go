package layout

import (
	"math"
	"strings"
	"testing"

	"gazette/fonts"
	"gazette/internal/diag"
	"gazette/internal/model"
)

// gridMetrics is a stand-in font: every CJK character one em, everything
// else half an em — the proportions of a 仿宋 with a monospaced Latin face.
type gridMetrics struct{}

func (gridMetrics) Advance(role fonts.Role, r rune) (float64, bool) {
	if r == 0x1F600 {
		return 0, false
	}
	if isCJK(r) {
		return 1, true
	}
	return 0.5, true
}

func breakText(t *testing.T, text string, chars int) []Line {
	t.Helper()
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	p := &Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: 16}},
		Width: float64(chars) * 16, Indent: 32}
	lines, missing := lb.Break(p)
	if len(missing) > 0 {
		t.Fatalf("missing %q", string(missing))
	}
	return lines
}

const sampleParagraph = "全区政府系统要严格按照中央规定的“提高认识、制定方案、开展调研、深化研究、解决问题、督查回访”等6个步骤开展调查研究，" +
	"不断健全完善调查研究工作机制（昌府办字〔2023〕25号），提升调查研究工作质量。《关于在全区政府系统大兴调查研究的工作方案》已经区政府同意，" +
	"现印发给你们——请结合实际抓好落实……到2025年，全区绿色食品、有机农产品和地理标志农产品数量达到27个。"

func TestNoLineStartsWithClosingMarkOrEndsWithOpeningMark(t *testing.T) {
	for chars := 8; chars <= 30; chars++ {
		lines := breakText(t, sampleParagraph, chars)
		for i, l := range lines {
			rs := []rune(l.Text())
			if len(rs) == 0 {
				t.Fatalf("width %d: empty line %d", chars, i)
			}
			if i > 0 && noLineStart[rs[0]] {
				t.Errorf("width %d line %d starts with %q: %s", chars, i, rs[0], l.Text())
			}
			if !l.Last && noLineEnd[rs[len(rs)-1]] {
				t.Errorf("width %d line %d ends with %q: %s", chars, i, rs[len(rs)-1], l.Text())
			}
		}
	}
}

func TestBreakKeepsTextAndUnits(t *testing.T) {
	for chars := 8; chars <= 30; chars++ {
		lines := breakText(t, sampleParagraph, chars)
		var all strings.Builder
		for i, l := range lines {
			all.WriteString(l.Text())
			text := l.Text()
			for _, unit := range []string{"〔2023〕25号", "2025年", "——", "……", "27个"} {
				if i+1 < len(lines) {
					joined := text + lines[i+1].Text()
					if strings.Contains(joined, unit) && !strings.Contains(text, unit) && !strings.Contains(lines[i+1].Text(), unit) {
						t.Errorf("width %d: %q split between lines %d and %d: %q | %q", chars, unit, i, i+1, text, lines[i+1].Text())
					}
				}
			}
		}
		if all.String() != sampleParagraph {
			t.Fatalf("width %d: text changed:\n%s\n%s", chars, all.String(), sampleParagraph)
		}
	}
}

func TestJustifiedLinesFillTheMeasure(t *testing.T) {
	for chars := 10; chars <= 30; chars++ {
		lines := breakText(t, sampleParagraph, chars)
		for i, l := range lines[:len(lines)-1] {
			if d := math.Abs(l.Right - float64(chars)*16); d > 0.01 {
				t.Errorf("width %d line %d %q ends at %.3f, measure %.3f", chars, i, l.Text(), l.Right, float64(chars)*16)
			}
		}
		if !lines[len(lines)-1].Last {
			t.Errorf("last line not marked Last")
		}
	}
}

func TestFirstLineIndentAndFlushLeftWraps(t *testing.T) {
	lines := breakText(t, sampleParagraph, 28)
	if x := lines[0].Glyphs[0].X; x != 32 {
		t.Errorf("first line starts at %.2f, want the 2-character indent 32", x)
	}
	if x := lines[1].Glyphs[0].X; x > 0.001 {
		t.Errorf("second line starts at %.2f, want flush left (回行顶格)", x)
	}
}

func TestLineEndMarkIsHalfWidth(t *testing.T) {
	// 5 characters then a comma fill 5.5 em: the comma's blank half is dropped.
	lb := &LineBreaker{Metrics: gridMetrics{}}
	p := &Paragraph{Spans: []Span{{Text: "一二三四五，六七八九十", Role: fonts.Fang, Size: 16}}, Width: 5.5 * 16}
	ls, _ := lb.Break(p)
	if got := ls[0].Text(); got != "一二三四五，" {
		t.Errorf("5.5 em measure: line 1 = %q, want the comma squeezed in", got)
	}
	if r := ls[0].Right; math.Abs(r-5.5*16) > 0.001 {
		t.Errorf("line 1 ends at %.2f, want %.2f", r, 5.5*16)
	}
}

func TestNoOrphanCharacter(t *testing.T) {
	// 13 characters and a full stop at 12 per line would leave "三。" alone.
	text := "一二三四五六七八九十一二三。"
	lines := breakText(t, text, 12)
	last := []rune(lines[len(lines)-1].Text())
	if len(last) < 3 {
		t.Errorf("last line %q is a 孤字", string(last))
	}
}

func TestAdjacentMarksCompressed(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}}
	p := &Paragraph{Spans: []Span{{Text: "见《通知》《方案》。", Role: fonts.Fang, Size: 10}}, Width: 200, Align: AlignLeft}
	ls, _ := lb.Break(p)
	g := ls[0].Glyphs
	// 》《 takes 1.5 em: 《 at 4 + … the second 《 starts 15 after the first 》
	if d := g[5].X - g[4].X; math.Abs(d-5) > 0.001 {
		t.Errorf("》《 advance %.2f, want 5 (compressed to 1.5 em together)", d)
	}
}

func TestMissingGlyphReported(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}}
	_, missing := lb.Break(&Paragraph{Spans: []Span{{Text: "好\U0001F600", Role: fonts.Fang, Size: 16}}, Width: 100})
	if string(missing) != "\U0001F600" {
		t.Errorf("missing = %q", string(missing))
	}
}

// TestPrivateUseStaysInTheCJKFace: a 造字 in the private use area is looked
// up in the span's own (CJK) face, never in the Latin face, whose private use
// glyphs are ligatures and ornaments that would print as a wrong character.
func TestPrivateUseStaysInTheCJKFace(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}}
	ls, _ := lb.Break(&Paragraph{Spans: []Span{{Text: "李\uE000岚A", Role: fonts.Fang, Size: 16}}, Width: 200})
	roles := map[rune]fonts.Role{}
	for _, g := range ls[0].Glyphs {
		roles[g.R] = g.Role
	}
	if roles['\uE000'] != fonts.Fang {
		t.Errorf("U+E000 set in role %v, want the CJK face %v", roles['\uE000'], fonts.Fang)
	}
	if roles['A'] != fonts.Latin {
		t.Errorf("A set in role %v, want Latin", roles['A'])
	}
}

// TestNumbersStayWithTheirText: no line ends with an item number ("3.") or
// splits a number from the measure word after it ("1篇", "100强").
func TestNumbersStayWithTheirText(t *testing.T) {
	tests := []struct {
		text  string
		chars int
		keep  string // must stand on one line
	}{
		{"持续推进各项工作落实情况；3.深入实施创新驱动发展战略", 8, "3.深"},
		{"各单位要撰写1篇对工作有指导意义的调研报告", 9, "1篇"},
		{"争创中国农业企业品牌100强。重点推进", 7, "100强"},
	}
	for _, tt := range tests {
		lines := breakText(t, tt.text, tt.chars)
		joined := ""
		for _, l := range lines {
			joined += l.Text() + "|"
		}
		found := false
		for _, l := range lines {
			found = found || strings.Contains(l.Text(), tt.keep)
		}
		if !found {
			t.Errorf("%q at %d characters: %q is split: %s", tt.text, tt.chars, tt.keep, joined)
		}
	}
}

// TestDigitsFollowTheWeight: digits in 仿宋 text come from the Latin face
// (Times-style digits, office practice), but in a bold title or a 黑体 head
// they stay in that face, so that "第31次" is bold throughout.
func TestDigitsFollowTheWeight(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}}
	for _, tt := range []struct {
		role, want fonts.Role
	}{
		{fonts.Fang, fonts.Latin}, {fonts.Kai, fonts.Latin}, {fonts.Title, fonts.Title}, {fonts.Hei, fonts.Hei},
	} {
		ls, _ := lb.Break(&Paragraph{Spans: []Span{{Text: "第31次会议", Role: tt.role, Size: 16}}, Width: 400})
		for _, g := range ls[0].Glyphs {
			if g.R == '3' && g.Role != tt.want {
				t.Errorf("a digit in a %v span is set in %v, want %v", tt.role, g.Role, tt.want)
			}
		}
	}
}

// TestLongWordFillsTheLine: a web address starts on the line where it
// stands and breaks at one of its own break points, so the line before it is
// not spread beyond a quarter em a gap (docs/line-composition.md#the-spreading-limit).
func TestLongWordFillsTheLine(t *testing.T) {
	text := "详见昌江区人民政府网站公开栏目：http://www.jdzcjq.gov.cn/art/2023/8/30/art_1234_567890.html。"
	lines := breakText(t, text, 28)
	if len(lines) != 2 || !strings.Contains(lines[0].Text(), "http://") {
		t.Fatalf("lines %q: the address should start on the first line", lineTexts(lines))
	}
	if got := strings.Join(lineTexts(lines), ""); got != text {
		t.Errorf("text %q, want %q", got, text)
	}
	if end := lines[0].Text(); !strings.ContainsRune("/._?&=@", rune(end[len(end)-1])) {
		t.Errorf("the address breaks after %q, not at one of its break points", end)
	}
	for i := 1; i < len(lines[0].Glyphs); i++ {
		a, b := lines[0].Glyphs[i-1], lines[0].Glyphs[i]
		if isCJK(a.R) && isCJK(b.R) && b.X-a.X > 16*(1+MaxSpread)+0.01 {
			t.Errorf("%c%c are %.2f apart: the line is letter-spaced", a.R, b.R, b.X-a.X)
		}
	}
}

// TestJoinedTermsStayWhole: "公司+基地+农户+市场" is one term: no line
// starts or ends with its plus signs.
func TestJoinedTermsStayWhole(t *testing.T) {
	text := "推广“龙头企业+合作社+基地+农户+市场”的利益联结模式，带动农户增收。"
	for chars := 6; chars <= 20; chars++ {
		for _, l := range breakText(t, text, chars) {
			s := l.Text()
			if strings.HasPrefix(s, "+") || strings.HasSuffix(s, "+") {
				t.Errorf("at %d characters a line is %q", chars, s)
			}
		}
	}
}

// TestThirdLevelLeadIsFakeBold: a 仿宋 run-in head of the third level
// ("1.产业化育龙头。") is set in fake bold; the text it runs into is not, nor is
// a 楷体 head of the second level.
func TestThirdLevelLeadIsFakeBold(t *testing.T) {
	doc := &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: "方案"},
		{Kind: model.Paragraph, Level: 3, Lead: "1.产业化育龙头。", Text: "1.产业化育龙头。加快农业产业化龙头企业梯次发展。"},
		{Kind: model.Paragraph, Level: 2, Lead: "（一）强化理论学习。", Text: "（一）强化理论学习。全区政府系统要严格按照中央规定。"}}}
	b, _ := layDocs(t, doc)
	bold := ""
	for _, r := range b.Pages[4].Runs {
		if r.FakeBold {
			bold += r.Text
		}
	}
	if bold != "1.产业化育龙头。" {
		t.Errorf("fake bold runs read %q, want the third-level head only", bold)
	}
}

// latinOnly is a stand-in for a face with no Chinese: it covers ASCII only.
type latinOnly struct{}

func (latinOnly) Advance(role fonts.Role, r rune) (float64, bool) { return 0.5, r < 0x80 }

// TestMissingCharactersReportedOnce: each missing character is reported once,
// at its first line; a face missing a whole script gives one summary, not a
// line per character.
func TestMissingCharactersReportedOnce(t *testing.T) {
	st, _ := Preset("gbt9704")
	lay := func(m Metrics, blocks ...model.Block) diag.List {
		is := &model.Issue{Gazette: model.Gazette{Name: "Gazette"}, Year: 2023, Number: 4,
			Sections: []model.Section{{Title: "A", Documents: []*model.Document{{Source: "01.txt", Blocks: blocks}}}}}
		_, err := Lay(Input{Issue: is, Style: st, Metrics: m, Kinsoku: KinsokuGB})
		return diag.Problems(err)
	}
	few := lay(gridMetrics{}, model.Block{Kind: model.Title, Text: "Notice", Line: 1},
		model.Block{Kind: model.Paragraph, Text: "A\U0001F600B\U0001F600", Line: 3},
		model.Block{Kind: model.Paragraph, Text: "C\U0001F600", Line: 4})
	if len(few) != 1 || few[0].Line != 3 || !strings.Contains(few[0].Msg, "U+1F600") {
		t.Errorf("one missing character used three times: %v", few)
	}
	many := lay(latinOnly{}, model.Block{Kind: model.Title, Text: "通知", Line: 1},
		model.Block{Kind: model.Paragraph, Text: "各乡镇人民政府街道办事处区政府各部门现将有关事项通知如下", Line: 3})
	if len(many) != 1 || !strings.Contains(many[0].Msg, "个不同的字") || !strings.Contains(many[0].Hint, "[fonts]") || many[0].Line != 1 {
		t.Errorf("a face without Chinese: want one summary at the first line, got %d problems: %v", len(many), many)
	}
}
