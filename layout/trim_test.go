package layout

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"gazette/internal/model"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestForTrimKeepsTheGridAndTheA4Proportions(t *testing.T) {
	tests := []struct {
		preset     string
		w, h       float64 // mm
		k          float64 // expected type scale
		chars      int
		lines      int
		wantBodyBP float64
	}{
		{"gbt9704", 210, 297, 1, 28, 22, 16},
		{"gbt9704", 210, 285, 285.0 / 297, 28, 22, 16.0 * 285 / 297},
		{"gbt9704", 185, 260, 260.0 / 297, 28, 22, 16.0 * 260 / 297},
		{"gbt9704", 148, 210, 148.0 / 210, 28, 22, 16.0 * 148 / 210},
		{"gbt9704", 297, 420, 1, 28, 22, 16}, // larger: the type never grows
		{"compact", 185, 260, 260.0 / 297, 32, 27, 14.0 * 260 / 297},
	}
	for _, tt := range tests {
		a4, _ := Preset(tt.preset)
		st, _ := Preset(tt.preset)
		if err := st.ForTrim(tt.w, tt.h); err != nil {
			t.Fatalf("%s %g×%g: %v", tt.preset, tt.w, tt.h, err)
		}
		name := fmt.Sprintf("%s %g×%g", tt.preset, tt.w, tt.h)
		if !near(st.PageWidth, tt.w*MM, 1e-9) || !near(st.PageHeight, tt.h*MM, 1e-9) {
			t.Errorf("%s: page %.2f × %.2f bp", name, st.PageWidth, st.PageHeight)
		}
		if st.CharsPerLine != tt.chars || st.LinesPerPage != tt.lines {
			t.Errorf("%s: grid %d × %d, want %d × %d", name, st.CharsPerLine, st.LinesPerPage, tt.chars, tt.lines)
		}
		if !near(st.BodySize, tt.wantBodyBP, 1e-9) {
			t.Errorf("%s: body %.3f bp, want %.3f", name, st.BodySize, tt.wantBodyBP)
		}
		// The proportions of A4: type to character pitch and to line pitch.
		if !near(st.BodySize/st.CharPitch(), a4.BodySize/a4.CharPitch(), 1e-9) ||
			!near(st.BodySize/st.LinePitch, a4.BodySize/a4.LinePitch, 1e-9) {
			t.Errorf("%s: type/pitch ratios changed", name)
		}
		if !near(st.TextWidth(), a4.TextWidth()*tt.k, 1e-6) || !near(st.TextHeight(), a4.TextHeight()*tt.k, 1e-6) {
			t.Errorf("%s: type area %.2f × %.2f, want A4's × %.4f", name, st.TextWidth(), st.TextHeight(), tt.k)
		}
		foot := st.PageHeight - st.Top - st.TextHeight()
		a4Foot := a4.PageHeight - a4.Top - a4.TextHeight()
		if st.Inner <= 0 || st.Outer <= 0 || foot <= 0 {
			t.Errorf("%s: margins %.2f %.2f %.2f", name, st.Inner, st.Outer, foot)
		}
		if !near(st.Top/foot, a4.Top/a4Foot, 1e-9) || !near(st.Inner/st.Outer, a4.Inner/a4.Outer, 1e-9) {
			t.Errorf("%s: margin ratios head:foot %.4f, inner:outer %.4f differ from A4's", name, st.Top/foot, st.Inner/st.Outer)
		}
		if !near(st.FolioDrop, a4.FolioDrop*tt.k, 1e-9) || !near(st.HeadRule, a4.HeadRule, 0) {
			t.Errorf("%s: folio drop %.2f, head rule %.2f", name, st.FolioDrop, st.HeadRule)
		}
	}
}

func TestForTrimA4LeavesThePresetAlone(t *testing.T) {
	a4, _ := Preset("gbt9704")
	st, _ := Preset("gbt9704")
	if err := st.ForTrim(210, 297); err != nil {
		t.Fatal(err)
	}
	if *st != *a4 {
		t.Errorf("A4 changed the preset:\n%+v\n%+v", *st, *a4)
	}
}

func TestForTrimRejectsImpossibleSizes(t *testing.T) {
	for _, tt := range []struct {
		w, h float64
		want string
	}{
		{0, 297, "不合理"},
		{-10, 100, "不合理"},
		{math.NaN(), 100, "不合理"},
		{2000, 297, "不合理"},
		{90, 120, "太小"},
	} {
		st, _ := Preset("gbt9704")
		err := st.ForTrim(tt.w, tt.h)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ForTrim(%g, %g) = %v, want an error with %q", tt.w, tt.h, err, tt.want)
		}
	}
}

// On every trim the whole book stays on the page: each run, rule and image
// of every page lies inside the trimmed page.
func TestTrimmedBookStaysOnThePage(t *testing.T) {
	long := strings.Repeat("全区政府系统要严格按照中央规定的步骤开展调查研究，不断健全完善调查研究工作机制。", 30)
	doc := &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: "关于测试的通知"}, para(long)}}
	for _, size := range [][2]float64{{210, 285}, {185, 260}, {148, 210}} {
		st, _ := Preset("gbt9704")
		if err := st.ForTrim(size[0], size[1]); err != nil {
			t.Fatal(err)
		}
		notice := &model.Document{Blocks: []model.Block{
			{Kind: model.Title, Text: "测试区人民政府办公室关于印发《测试区提升农业产业化发展水平三年行动方案》的通知"},
			{Kind: model.DocNumber, Text: "测府办字〔2023〕25号"}, para(long)}}
		is := &model.Issue{Gazette: model.Gazette{Name: "测试公报", Sponsor: "测试区人民政府", Emblem: "x.png",
			EnglishName: "TEST GAZETTE"}, Year: 2023, Number: 4, Sections: []model.Section{
			{Title: "文件", Documents: []*model.Document{notice, notice, doc}},
			{Title: "政务动态", Documents: []*model.Document{doc, doc, doc}}}}
		b, err := Lay(Input{Issue: is, Style: st, Metrics: gridMetrics{}, Kinsoku: KinsokuGB})
		if err != nil {
			t.Fatal(err)
		}
		if b.Width != st.PageWidth || b.Height != st.PageHeight {
			t.Errorf("%v: book %.2f × %.2f", size, b.Width, b.Height)
		}
		// cover, masthead, one 目录 page and its blank verso: the 目录 scales
		// with the trim instead of running onto a second page.
		if b.Pages[4].Folio != 1 || len(b.Pages[3].Runs) > 0 {
			t.Errorf("%v: the 目录 runs onto PDF page 4 (body from page %d)", size, firstBody(b)+1)
		}
		for i, p := range b.Pages {
			for _, r := range p.Runs {
				if r.X < 0 || r.Y-r.Size < 0 || r.X > b.Width || r.Y > b.Height {
					t.Errorf("%v page %d: run %q at (%.1f, %.1f) off the page", size, i+1, r.Text, r.X, r.Y)
				}
			}
			for _, r := range p.Rules {
				if math.Min(r.X1, r.X2) < 0 || math.Max(r.X1, r.X2) > b.Width || math.Max(r.Y1, r.Y2) > b.Height {
					t.Errorf("%v page %d: rule off the page", size, i+1)
				}
			}
			for _, im := range p.Images {
				if im.X < 0 || im.X+im.W > b.Width || im.Y+im.H > b.Height {
					t.Errorf("%v page %d: image off the page", size, i+1)
				}
			}
		}
	}
}

func firstBody(b *Book) int {
	for i, p := range b.Pages {
		if p.Folio > 0 {
			return i
		}
	}
	return -1
}
