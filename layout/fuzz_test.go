package layout

import (
	"strings"
	"testing"

	"gazette/fonts"
)

// FuzzBreak: whatever the text and the measure, in every alignment and as
// a title, the line breaker neither panics nor loses, adds or reorders a character (spaces
// aside, which may fall at a break).
func FuzzBreak(f *testing.F) {
	for _, s := range []string{sampleParagraph, "（一）强化理论学习。", "http://www.jdzcjq.gov.cn/art/2023/8/30/art_1234_567890.html。",
		"公司+基地+农户+市场", "——……“”《》〔2023〕25号", "1.产业化育龙头。3.", "国家4A级、2023-2025年",
		"联系邮箱：a_b-c@example-county.gov.cn，", "２０２３年增长１２．５％，１，２５０平方米", "YD/T 5185—2021和GB 50311-2016",
		"浮梁县人民政府关于公布第六批县级非物质文化遗产代表性项目名录的通知"} {
		f.Add(s, 12)
	}
	f.Fuzz(func(t *testing.T, text string, chars int) {
		if chars < 2 || chars > 60 || len(text) > 2000 {
			return
		}
		text = fuzzParagraph(text)
		for _, a := range []Align{Justify, AlignCenter, AlignLeft, -1} {
			lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
			p := &Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: 16}}, Width: float64(chars) * 16, Indent: 32, Align: a}
			if a < 0 { // a title: broken by shape and words
				p.Align, p.Indent, p.KeepNames, p.Balance = AlignCenter, 0, true, 1+chars%3
			}
			lines, _ := lb.Break(p)
			var got strings.Builder
			for _, l := range lines {
				got.WriteString(l.Text())
			}
			strip := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), "\u3000", "") }
			if strip(got.String()) != strip(text) {
				t.Fatalf("align %d, %d chars: text %q came out as %q", a, chars, text, got.String())
			}
		}
	})
}

// fuzzParagraph is a fuzzer's text as one paragraph of the faces' range:
// valid UTF-8, no line ends or tabs (the reader turns those into
// paragraphs and spaces), nothing beyond the BMP and no U+FFFD.
func fuzzParagraph(text string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' || r == 0xFFFD || r > 0xFFFF {
			return -1
		}
		return r
	}, strings.ToValidUTF8(text, ""))
}
