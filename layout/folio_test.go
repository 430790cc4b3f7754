package layout

import (
	"math"
	"strings"
	"testing"

	"gazette/fonts"
	"gazette/internal/model"
)

// TestFolioDashSevenMillimetresBelow: the top edge of the folio's 一字线
// stands 7 mm below the type area (GB/T 9704-2012 7.5), measured on the ink
// of the built-in 宋体's em dash, on the outer side one character in.
func TestFolioDashSevenMillimetresBelow(t *testing.T) {
	set, err := fonts.Load(fonts.Config{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewFontMetrics(set)
	if err != nil {
		t.Fatal(err)
	}
	top, ok := m.InkTop(fonts.Song, '—')
	if !ok || top < 0.2 || top > 0.5 {
		t.Fatalf("InkTop(宋体, —) = %.3f, %v: want the dash's top near a third of an em", top, ok)
	}
	st, _ := Preset("gbt9704")
	is := &model.Issue{Gazette: model.Gazette{Name: "测试公报"}, Year: 2023, Number: 4, Sections: []model.Section{{Title: "文件",
		Documents: []*model.Document{{Blocks: []model.Block{{Kind: model.Title, Text: "通知"}, para(strings.Repeat("正文。", 400))}}}}}}
	b, err := Lay(Input{Issue: is, Style: st, Metrics: m, Kinsoku: KinsokuGB})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Pages) < 6 {
		t.Fatalf("%d pages, want two body pages", len(b.Pages))
	}
	for _, p := range b.Pages[4:6] {
		var folio *Run
		for i, r := range p.Runs {
			if strings.HasPrefix(r.Text, "—") && r.Size == st.FolioSize && (folio == nil || r.X < folio.X) {
				folio = &p.Runs[i] // the leading dash
			}
		}
		if folio == nil {
			t.Fatalf("page %d: no folio", p.Folio)
		}
		want := st.Top + st.TextHeight() + 7*MM
		if got := folio.Y - top*st.FolioSize; math.Abs(got-want) > 0.01 {
			t.Errorf("page %d: the dash's top edge is at %.2f pt, want %.2f (7 mm below the type area)", p.Folio, got, want)
		}
		left := st.Left(p.Recto)
		if !p.Recto && math.Abs(folio.X-(left+st.FolioSize)) > 0.01 {
			t.Errorf("page %d (verso): folio starts at %.2f, want one character in from the left (%.2f)", p.Folio, folio.X, left+st.FolioSize)
		}
	}
}

// lackingMetrics is gridMetrics without the runes of lack.
type lackingMetrics struct{ lack string }

func (m lackingMetrics) Advance(role fonts.Role, r rune) (float64, bool) {
	if strings.ContainsRune(m.lack, r) {
		return 0, false
	}
	return gridMetrics{}.Advance(role, r)
}

// TestHeadAndFolioMissingInPageOrder: the characters of the running heads
// and folios that no face has (the body pages are drawn side by side) are
// reported in the order of the pages they are first on: the first
// section's short title, a folio, then the second section's short title.
func TestHeadAndFolioMissingInPageOrder(t *testing.T) {
	st, _ := Preset("gbt9704")
	long := strings.Repeat("全区政府系统要严格按照中央规定的步骤开展调查研究，不断健全完善调查研究工作机制。", 40)
	doc := func() *model.Document {
		return &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: "关于测试的通知"}, para(long), para(long), para(long)}}
	}
	is := &model.Issue{Gazette: model.Gazette{Name: "测试公报"}, Year: 2023, Number: 4, Sections: []model.Section{
		{Title: "文件", ShortTitle: "丙", Documents: []*model.Document{doc(), doc(), doc()}},
		{Title: "动态", ShortTitle: "丁", Documents: []*model.Document{doc()}}}}
	_, err := Lay(Input{Issue: is, Style: st, Metrics: lackingMetrics{"丙丁8"}, Kinsoku: KinsokuGB})
	if err == nil {
		t.Fatal("no problem reported")
	}
	msg := err.Error()
	a, b, c := strings.Index(msg, "“丙”"), strings.Index(msg, "“8”"), strings.Index(msg, "“丁”")
	if a < 0 || b < 0 || c < 0 || !(a < b && b < c) {
		t.Errorf("want 丙, 8, 丁 in page order, got:\n%s", msg)
	}
}
