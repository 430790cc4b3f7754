package pdfread

import (
	"math"
	"testing"
)

// cjk is a hanzi word box of size 16 on baseline y, from x0 to x1, with
// the ideographic box's 0.12 em below the baseline.
func cjk(text string, y, x0, x1 float64) Word {
	return Word{X0: x0, X1: x1, Y0: y - 0.88*16, Y1: y + 0.12*16, Text: text}
}

func TestGroupRows(t *testing.T) {
	m := BoxMetrics{CJKDesc: 0.12, LatinDesc: 0.25, LatinH: 1.34}
	latin := Word{X0: 150, X1: 170, Y0: 100 - 1.09*16, Y1: 100 + 0.25*16, Text: "2023"}
	words := []Word{
		cjk("第二行", 130, 72, 120),
		cjk("年", 100, 170, 186),
		latin,
		cjk("“引", 100, 120, 150), // opening quote at the origin of 、
		cjk("、", 100, 120, 136),
		cjk("甲", 100, 72, 88),
	}
	rows := GroupRows(words, m)
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2", len(rows))
	}
	if got := rows[0].Text(); got != "甲、“引2023年" {
		t.Errorf("first row reads %q, want 甲、“引2023年 (、 before the opening quote at one origin)", got)
	}
	if math.Abs(rows[0].Size-16) > 0.01 || math.Abs(rows[0].Baseline-100) > 0.01 {
		t.Errorf("first row: size %.2f, baseline %.2f, want 16 and 100", rows[0].Size, rows[0].Baseline)
	}
	if rows[1].FirstRune() != '第' || rows[1].LastRune() != '行' {
		t.Errorf("second row reads %q", rows[1].Text())
	}
}

func TestFields(t *testing.T) {
	r := &Row{Words: []Word{
		cjk("二〇二三年", 100, 72, 152),
		cjk("第四期", 100, 168, 216), // one em on: a full-width space
		cjk("目录", 100, 400, 432),  // far right: a field of its own
	}}
	fs := r.Fields(16, 48)
	if len(fs) != 2 || fs[0].Text != "二〇二三年　第四期" || fs[1].Text != "目录" {
		t.Errorf("fields %+v, want 二〇二三年　第四期 and 目录", fs)
	}
}

func TestMatchWords(t *testing.T) {
	words := []Word{cjk("农业七大", 100, 72, 136), cjk("产业", 100, 136, 168), cjk("稻米", 130, 72, 104)}
	b, ok := MatchWords(words, "农业七大产业", math.Inf(-1))
	if !ok || b.X0 != 72 || b.X1 != 168 {
		t.Errorf("MatchWords = %+v, %v; want x 72–168", b, ok)
	}
	if _, ok := MatchWords(words, "农业七大产业", 80); ok {
		t.Error("MatchWords found words left of minX0")
	}
}

func TestTOCEntries(t *testing.T) {
	m := BoxMetrics{CJKDesc: 0.12}
	g := &Geom{Page: &Page{}}
	g.Rows = GroupRows([]Word{
		cjk("目录", 80, 200, 232),
		cjk("区政府文件", 110, 72, 152),
		cjk("关于印发某某办法的通知", 140, 72, 248),
		cjk("（昌府字〔2023〕1号）……", 170, 72, 300),
		cjk("（3）", 170, 400, 448),
	}, m)
	es := TOCEntries(g, []string{"区政府文件"})
	if len(es) != 1 || es[0].Title != "关于印发某某办法的通知" || es[0].Folio != 3 {
		t.Fatalf("entries %+v, want one: 关于印发某某办法的通知 on page 3", es)
	}
	if es[0].NumX != 424 {
		t.Errorf("page number centred at x %.1f, want 424", es[0].NumX)
	}
}
