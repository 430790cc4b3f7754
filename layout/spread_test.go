package layout

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"gazette/fonts"
)

// pieces are the stuff generated paragraphs are made of: hanzi runs,
// punctuation, numbers with units, Latin words, addresses, standards.
var pieces = []string{
	"调查研究", "高质量发展", "乡村振兴", "的", "和", "推进", "工作", "基础设施建设",
	"，", "。", "、", "；", "：", "“", "”", "《", "》", "（", "）", "——", "……", "？", "！",
	"2023年", "12.5%", "２０２３年", "１２．５％", "18.6公里", "300兆瓦", "3架", "1,234户", "2023-2025年",
	"PDF", "5G", "Word", " ", "http://www.example.gov.cn/zwgk/art_2023_88.html", "office@example.gov.cn",
	"GB/T 9704-2012", "〔2023〕25号", "第4期",
}

// genParagraph makes a paragraph of n pieces drawn from r.
func genParagraph(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// TestSpreadingLimitAndProhibitions: over generated text at every measure
// from 10 to 40 characters, no justified line adds more than a quarter em
// between two characters, no line starts with a mark that may not start one
// or ends with one that may not end one, no line overflows, and the text
// comes back whole.
func TestSpreadingLimitAndProhibitions(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 2023))
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	for k := range 60 {
		text := genParagraph(r, 20+k)
		for chars := 10; chars <= 40; chars += 3 {
			p := &Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: 16}}, Width: float64(chars) * 16, Indent: 32, Align: Justify}
			lines, _ := lb.Break(p)
			checkLines(t, text, p, lines)
		}
	}
}

// checkLines asserts the properties of TestSpreadingLimitAndProhibitions.
func checkLines(t *testing.T, text string, p *Paragraph, lines []Line) {
	t.Helper()
	var got strings.Builder
	for i, l := range lines {
		got.WriteString(l.Text())
		s := []rune(l.Text())
		if len(s) == 0 {
			continue
		}
		if i > 0 && noLineStart[s[0]] {
			t.Errorf("width %.0f: line starts with %q: %q", p.Width/16, s[0], l.Text())
		}
		if i+1 < len(lines) && noLineEnd[s[len(s)-1]] {
			t.Errorf("width %.0f: line ends with %q: %q", p.Width/16, s[len(s)-1], l.Text())
		}
		if l.Right > p.Width+0.01 {
			t.Errorf("width %.0f: line overflows to %.2f: %q", p.Width/16, l.Right, l.Text())
		}
		for j := 1; j < len(l.Glyphs); j++ {
			a, b := l.Glyphs[j-1], l.Glyphs[j]
			if unicode.Is(unicode.Han, a.R) && unicode.Is(unicode.Han, b.R) && b.X-a.X > 16*(1+MaxSpread)+0.01 {
				t.Errorf("width %.0f: %c%c are %.2f apart (more than a quarter em added): %q", p.Width/16, a.R, b.R, b.X-a.X, l.Text())
			}
		}
	}
	if got.String() != strings.ReplaceAll(text, "\n", " ") && strings.ReplaceAll(got.String(), " ", "") != strings.ReplaceAll(text, " ", "") {
		t.Errorf("text changed:\n got %q\nwant %q", got.String(), text)
	}
}

// TestLetterSpacedContactLine: the lines before a long address and an
// e-mail address are not spread across the measure (the defect of issue 9:
// "通 ” 平 台 ， 网 址 为", 2.8 em between glyphs).
func TestLetterSpacedContactLine(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	for _, text := range []string{
		"群众可通过“赣服通”平台，网址为https://www.jiangxi.gov.cn/col/col_5g_suanli/2023/06/15/art_1234567890_abcdefghij.html，查询办理进度。",
		"联系人：王某某，联系电话：0798-8888888，电子邮箱：changjiangqu_zhengfubangongshi@jdz.example.gov.cn。",
	} {
		for chars := 12; chars <= 40; chars++ {
			p := &Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: 16}}, Width: float64(chars) * 16, Indent: 32, Align: Justify}
			lines, _ := lb.Break(p)
			checkLines(t, text, p, lines)
		}
	}
}

// TestHugeTokenSets: a 5,000-character run with no break sets without a line
// overflowing the measure, and comes back whole.
func TestHugeTokenSets(t *testing.T) {
	text := "数据：" + strings.Repeat("a1b2c3-d4", 556) + "。"
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	p := &Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: 16}}, Width: 28 * 16, Indent: 32, Align: Justify}
	lines, _ := lb.Break(p)
	checkLines(t, text, p, lines)
	for _, l := range lines {
		if s := l.Text(); strings.HasSuffix(s, "-") && !l.Last {
			t.Fatalf("line ends with a hyphen: %q", s)
		}
	}
}
