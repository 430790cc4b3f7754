package layout

import (
	"strings"
	"testing"

	"gazette/fonts"
	"gazette/internal/model"
)

// path is an element's roles from the top down: "Sect/Table/TR/TD".
func (e *Elem) path() string {
	var rs []string
	for ; e != nil; e = e.Parent {
		rs = append([]string{e.Role}, rs...)
	}
	return strings.Join(rs, "/")
}

// TestRunsCarryTheirStructure: every run of a document's text knows its
// element — the title H1, a forwarded title H2, heads H2/H3, paragraphs,
// the 附件说明 as a list, the table's cells with their spans — and the
// running heads, folios and a table header repeated on a new page are
// artifacts.
func TestRunsCarryTheirStructure(t *testing.T) {
	set, err := fonts.Load(fonts.Config{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewFontMetrics(set)
	if err != nil {
		t.Fatal(err)
	}
	var cells []model.Cell
	rows := 60 // a table longer than a page, so its header repeats
	cells = append(cells, model.Cell{Row: 0, Col: 0, RowSpan: 1, ColSpan: 2, Text: "指标"})
	for r := 1; r < rows; r++ {
		if r == 1 {
			cells = append(cells, model.Cell{Row: 1, Col: 0, RowSpan: 2, ColSpan: 1, Text: "合并"})
		} else if r > 2 {
			cells = append(cells, model.Cell{Row: r, Col: 0, RowSpan: 1, ColSpan: 1, Text: "甲"})
		}
		cells = append(cells, model.Cell{Row: r, Col: 1, RowSpan: 1, ColSpan: 1, Text: "乙"})
	}
	doc := &model.Document{Source: "01.txt", Blocks: []model.Block{
		{Kind: model.Title, Text: "关于印发方案的通知"},
		{Kind: model.Paragraph, Text: "现印发给你们。"},
		{Kind: model.AttachmentNote, Text: "附件：1. 甲表\n2. 乙表"},
		{Kind: model.Signer, Text: "某区人民政府办公室"},
		{Kind: model.SignDate, Text: "2023年6月29日"},
		{Kind: model.Title, Text: "某某方案", NewPage: true},
		{Kind: model.Heading, Level: 1, Text: "一、总体要求"},
		{Kind: model.Contents, Text: "目　　录\n第一章　总　　则"},
		{Kind: model.Chapter, Level: 2, Text: "第一章　总　　则"},
		{Kind: model.Roster, Lead: "出席：", Text: "出席：张三\n李四"},
		{Kind: model.TableBlock, Table: &model.Table{Columns: 2, Rows: rows, HeaderRows: 1, Cells: cells}},
	}}
	st, _ := Preset("gbt9704")
	is := &model.Issue{Gazette: model.Gazette{Name: "测试公报"}, Year: 2023, Number: 4,
		Sections: []model.Section{{Title: "文件", Documents: []*model.Document{doc}}}}
	b, err := Lay(Input{Issue: is, Style: st, Metrics: m, Kinsoku: KinsokuGB})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{} // the first text of each element path
	headers, artifacts := 0, 0
	var sect *Elem
	for _, p := range b.Pages {
		if p.Folio == 0 {
			continue
		}
		for _, r := range p.Runs {
			switch {
			case r.Artifact:
				artifacts++
				if r.Text == "指标" {
					headers++
				}
				continue
			case r.Elem == nil:
				t.Errorf("body page %d: run %q has no element", p.Folio, r.Text)
				continue
			}
			top := r.Elem
			for top.Parent != nil {
				top = top.Parent
			}
			if sect == nil {
				sect = top
			} else if top != sect {
				t.Errorf("run %q is outside the document's section", r.Text)
			}
			if _, ok := seen[r.Elem.path()]; !ok {
				seen[r.Elem.path()] = r.Text
			}
			if r.Text == "合并" && (r.Elem.RowSpan != 2 || r.Elem.ColSpan != 1) {
				t.Errorf("merged cell spans %d×%d, want 2×1", r.Elem.RowSpan, r.Elem.ColSpan)
			}
			if r.Text == "指标" && (r.Elem.Role != "TH" || r.Elem.ColSpan != 2) {
				t.Errorf("header cell is %s spanning %d columns, want TH over 2", r.Elem.Role, r.Elem.ColSpan)
			}
		}
	}
	for path, text := range map[string]string{
		"Sect/H1":          "关于印发方案的通知",
		"Sect/H2":          "某某方案",
		"Sect/H3":          "一、总体要求",
		"Sect/L/LI/LBody":  "附件：",
		"Sect/Table/TR/TH": "指标",
		"Sect/Table/TR/TD": "合并",
		"Sect/TOC/TOCI":    "第一章",
	} {
		if got, ok := seen[path]; !ok || !strings.HasPrefix(got, text) {
			t.Errorf("%s: first run %q, want one starting %q", path, got, text)
		}
	}
	if _, ok := seen["Sect/P"]; !ok {
		t.Error("no paragraph element")
	}
	lbodies := 0
	for _, p := range b.Pages {
		for _, r := range p.Runs {
			if r.Elem != nil && r.Elem.path() == "Sect/L/LI/LBody" && (strings.HasPrefix(r.Text, "出席") || r.Text == "李四") {
				lbodies++
			}
		}
	}
	if lbodies < 2 {
		t.Error("the roster's lines are not list items")
	}
	if headers == 0 {
		t.Error("the table header repeated on the next page is not an artifact")
	}
	if artifacts < 2*headers {
		t.Errorf("%d artifacts: the running heads and folios are not all artifacts", artifacts)
	}
}

// The names of the 编辑委员会 set spread keep their text as ActualText.
func TestSpreadNamesReadAsWords(t *testing.T) {
	set, err := fonts.Load(fonts.Config{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewFontMetrics(set)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := Preset("gbt9704")
	is := &model.Issue{Gazette: model.Gazette{Name: "测试公报", Committee: []model.CommitteeRole{{Role: "委员", Names: []string{"李胜", "王炜"}}}},
		Year: 2023, Number: 4, Sections: []model.Section{{Title: "文件", Documents: []*model.Document{{Blocks: []model.Block{{Kind: model.Title, Text: "通知"}}}}}}}
	b, err := Lay(Input{Issue: is, Style: st, Metrics: m, Kinsoku: KinsokuGB})
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]int{}
	for _, p := range b.Pages {
		for _, r := range p.Runs {
			if r.Elem != nil && r.Elem.Role == "Span" {
				found[r.Elem.Actual]++
			}
		}
	}
	for _, name := range []string{"李胜", "王炜", "委员"} {
		if found[name] == 0 {
			t.Errorf("%s is not a Span with its ActualText: %v", name, found)
		}
	}
}

// A picture's Figure carries the office's description as its Alt, or the
// file's name when there is none.
func TestFigureAlt(t *testing.T) {
	for _, tt := range []struct {
		im   model.Image
		want string
	}{
		{model.Image{Path: "图/图1.png", Alt: "昌江区位置示意图"}, "昌江区位置示意图"},
		{model.Image{Path: "图/图1.png"}, "图片：图1"},
	} {
		c := &composer{}
		e := c.blockElem(&model.Block{Kind: model.ImageBlock, Image: &tt.im})
		if e.Role != "Figure" || e.Alt != tt.want {
			t.Errorf("%+v: %s Alt %q, want Figure Alt %q", tt.im, e.Role, e.Alt, tt.want)
		}
	}
}

// TestFrontMatterStructure: the cover's gazette name is an H1; the
// 编辑委员会 heading is an H1 (reading as the word) on its first page and an
// artifact where a long committee repeats it; the committee is a list, an
// LI per role with the role and colon in its Lbl and each name a Span in
// its LBody; the 目录's heading is an H1.
func TestFrontMatterStructure(t *testing.T) {
	committee := []model.CommitteeRole{{Role: "主任", Names: []string{"李镒岚"}}, {Role: "委员", Names: names(200)}, {Role: "责任编辑", Names: []string{"段守阳"}}}
	st, _ := Preset("gbt9704")
	b, err := Lay(Input{Issue: stressIssue("测试公报", committee), Style: st, Metrics: gridMetrics{}, Kinsoku: KinsokuGB})
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]string{} // text → element path, of the cover
	for _, r := range b.Pages[0].Runs {
		if r.Elem != nil {
			paths[r.Text] = r.Elem.path()
		}
	}
	if paths["测试公报"] != "H1" {
		t.Errorf("the cover's name is %q, want H1", paths["测试公报"])
	}
	items := map[*Elem]bool{}
	var names, labels []string
	masthead, contents := 0, false
	for _, p := range b.Pages[1:] {
		text := pageText(p)
		if strings.Contains(text, "目　　录") {
			for _, r := range p.Runs {
				if strings.Contains(r.Text, "目") && (r.Elem == nil || r.Elem.path() != "H1/Span" || r.Elem.Actual != "目录") {
					t.Errorf("目录 heading run %q is %+v, want a Span reading 目录 in an H1", r.Text, r.Elem)
				}
			}
			contents = true
			break
		}
		masthead++
		for i, r := range p.Runs {
			switch {
			case i == 0 && masthead == 1:
				if r.Elem == nil || r.Elem.path() != "H1/Span" || r.Elem.Actual != "编辑委员会" {
					t.Errorf("the masthead's heading %q is %+v, want a Span reading 编辑委员会 in an H1", r.Text, r.Elem)
				}
			case i == 0:
				if !r.Artifact {
					t.Errorf("the heading on masthead page %d is not an artifact", masthead)
				}
			case r.Elem != nil && strings.HasPrefix(r.Elem.path(), "L/LI/"):
				li := r.Elem
				for li.Role != "LI" {
					li = li.Parent
				}
				items[li] = true
				if strings.HasPrefix(r.Elem.path(), "L/LI/Lbl") {
					labels = append(labels, r.Text)
				} else if r.Elem.path() == "L/LI/LBody/Span" {
					names = append(names, r.Text)
				} else {
					t.Errorf("committee run %q in %s", r.Text, r.Elem.path())
				}
			}
		}
	}
	if masthead < 2 || !contents {
		t.Fatalf("the committee of 200 takes %d pages before the 目录, want 2 or more", masthead)
	}
	if len(items) != len(committee) {
		t.Errorf("%d list items, want one per role (%d)", len(items), len(committee))
	}
	if got := strings.Join(labels, ""); got != "主任：委员：责任编辑：" {
		t.Errorf("labels read %q", got)
	}
	if len(names) != 202 {
		t.Errorf("%d names in the list's bodies, want 202", len(names))
	}
}
