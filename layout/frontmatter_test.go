package layout

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"gazette/fonts"
	"gazette/internal/model"
)

// TestInternalPublicationDetails: a 内部资料 prints its 准印证号 and
// “内部资料　免费交流” on the cover (《内部资料性出版物管理规定》第十四条), and
// the masthead lists 印刷单位, 印数 and 准印证号 with the other details, all
// of them below the editorial committee, however long it is.
func TestInternalPublicationDetails(t *testing.T) {
	st, _ := Preset("gbt9704")
	g := model.Gazette{Name: "测试公报", Sponsor: "测试区人民政府", Publisher: "测试区人民政府办公室",
		Address: "测试路1号", Postcode: "333000", Website: "http://example.gov.cn", Telephone: "（0798）8332255",
		Email: "gb@example.cn", Permit: "赣内资准字第0123号", Printer: "测试印务有限公司"}
	for i := 0; i < 6; i++ {
		g.Committee = append(g.Committee, model.CommitteeRole{Role: "委员", Names: []string{"段守阳", "彭丹", "郝卿雅"}})
	}
	is := &model.Issue{Gazette: g, Year: 2023, Number: 4, Serial: 17, Copies: 500, Date: model.Date{Year: 2023, Month: 8, Day: 30},
		Sections: []model.Section{{Title: "文件", Documents: []*model.Document{{Blocks: []model.Block{{Kind: model.Title, Text: "通知"}, para("正文。")}}}}}}
	b, err := Lay(Input{Issue: is, Style: st, Metrics: gridMetrics{}, Kinsoku: KinsokuGB})
	if err != nil {
		t.Fatal(err)
	}
	text := func(p *Page) string {
		var sb strings.Builder
		for _, r := range p.Runs {
			sb.WriteString(r.Text)
		}
		return sb.String()
	}
	cover := text(b.Pages[0])
	for _, want := range []string{"准印证号：赣内资准字第0123号", "内部资料　免费交流"} {
		if !strings.Contains(cover, want) {
			t.Errorf("the cover lacks %q", want)
		}
	}
	mast := b.Pages[1]
	committeeEnd, firstDetail, lastDetail := 0.0, 0.0, 0.0
	for _, r := range mast.Runs {
		switch {
		case strings.Contains(r.Text, "郝") || strings.Contains(r.Text, "段"):
			committeeEnd = max(committeeEnd, r.Y)
		case strings.HasPrefix(r.Text, "：测试区人民政府") && firstDetail == 0:
			firstDetail = r.Y
		case strings.HasPrefix(r.Text, "：赣内资准字"):
			lastDetail = r.Y
		}
	}
	for _, want := range []string{"：测试印务有限公司", "：500册", "：赣内资准字第0123号"} {
		if !strings.Contains(text(mast), want) {
			t.Errorf("the masthead lacks %q", want)
		}
	}
	if firstDetail <= committeeEnd+st.BodySize/2 {
		t.Errorf("the details start at y %.1f, into the committee ending at %.1f", firstDetail, committeeEnd)
	}
	if lastDetail > st.PageHeight-20*MM || lastDetail == 0 {
		t.Errorf("the last detail stands at y %.1f, off the page foot", lastDetail)
	}
}

// TestEmblemKeepsItsProportions: a cover emblem that is not square fits the
// 40 mm box without being stretched, centred in it, and a small one is
// reported as too coarse to print.
func TestEmblemKeepsItsProportions(t *testing.T) {
	st, _ := Preset("gbt9704")
	path := writePNG(t, t.TempDir(), 100, 60)
	is := &model.Issue{Gazette: model.Gazette{Name: "测试公报", Emblem: path}, Year: 2023, Number: 4,
		Sections: []model.Section{{Title: "文件", Documents: []*model.Document{{Blocks: []model.Block{{Kind: model.Title, Text: "通知"}, para("正文。")}}}}}}
	b, err := Lay(Input{Issue: is, Style: st, Metrics: gridMetrics{}, Kinsoku: KinsokuGB})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Pages[0].Images) != 1 {
		t.Fatalf("the cover has %d pictures, want the emblem", len(b.Pages[0].Images))
	}
	im := b.Pages[0].Images[0]
	if d := im.W/im.H - 100.0/60; d > 0.001 || d < -0.001 {
		t.Errorf("the emblem prints %.1f × %.1f pt: stretched from 100 × 60 px", im.W, im.H)
	}
	if im.W > 40*MM+0.01 || (im.X+im.W/2)-st.PageWidth/2 > 0.01 {
		t.Errorf("the emblem (%.1f pt wide at x %.1f) is not centred in its 40 mm box", im.W, im.X)
	}
	if w := strings.Join(b.Warnings, "\n"); !strings.Contains(w, "封面图标") || !strings.Contains(w, "ppi") {
		t.Errorf("no warning about a 100-pixel emblem printed 40 mm wide: %q", w)
	}
}

// stressIssue is an issue with a full set of publication details and the
// committee given, for the front-matter tests.
func stressIssue(name string, committee []model.CommitteeRole, docs ...*model.Document) *model.Issue {
	if len(docs) == 0 {
		docs = []*model.Document{{Blocks: []model.Block{{Kind: model.Title, Text: "通知"}, para("正文。")}}}
	}
	g := model.Gazette{Name: name, EnglishName: "TEST GAZETTE", Sponsor: "测试区人民政府", Publisher: "测试区人民政府办公室",
		Address: "测试路1号", Postcode: "333000", Website: "http://example.gov.cn", Telephone: "（0798）8332255",
		Email: "gb@example.cn", Permit: "赣内资准字第0123号", Printer: "测试印务有限公司",
		Mottos: []string{"传达政令　宣传政策", "指导工作　服务社会"}, Statement: "本刊所登文件与正式文件具有同等效力", Committee: committee}
	return &model.Issue{Gazette: g, Year: 2023, Number: 4, Serial: 17, Copies: 500, Date: model.Date{Year: 2023, Month: 8, Day: 30},
		Sections: []model.Section{{Title: "文件", Documents: docs}}}
}

// names makes n distinct two- and three-character names.
func names(n int) []string {
	const sur, giv = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"
	s, g := []rune(sur), []rune(giv)
	var out []string
	for i := 0; i < n; i++ {
		name := string(s[i%20]) + string(g[(i/20)%20])
		if i%3 == 0 {
			name += string(g[(i*7)%20])
		}
		out = append(out, name)
	}
	return out
}

// TestCommitteeOfAnySize: a committee of 24, 40 or 200 members, or of 200
// roles, with a role longer than four characters, is set whole — every
// name printed once — in as many columns and pages as it needs, never over
// the publication details, its labels' colons clear of the longest role,
// nothing off the page.
func TestCommitteeOfAnySize(t *testing.T) {
	lead := []model.CommitteeRole{{Role: "主任", Names: []string{"李镒岚"}}, {Role: "常务副主任", Names: []string{"王瀚洋"}}}
	tail := []model.CommitteeRole{{Role: "责任编辑", Names: []string{"段守阳"}}}
	tests := []struct {
		name      string
		committee []model.CommitteeRole
	}{
		{"24 members", append(append(append([]model.CommitteeRole{}, lead...), model.CommitteeRole{Role: "委员", Names: names(24)}), tail...)},
		{"40 members", append(append(append([]model.CommitteeRole{}, lead...), model.CommitteeRole{Role: "委员", Names: names(40)}), tail...)},
		{"200 members", append(append(append([]model.CommitteeRole{}, lead...), model.CommitteeRole{Role: "委员", Names: names(200)}), tail...)},
		{"a role of 40 characters", append(append([]model.CommitteeRole{}, lead...),
			model.CommitteeRole{Role: strings.Repeat("编辑部", 13) + "长", Names: names(3)},
			model.CommitteeRole{Role: "委员", Names: []string{"阿不都热合曼·买买提明·艾合买提江"}})},
		{"200 roles", func() []model.CommitteeRole {
			var cs []model.CommitteeRole
			for i, n := range names(200) {
				cs = append(cs, model.CommitteeRole{Role: []string{"委员", "副主任", "常务副主任", "编辑"}[i%4], Names: []string{n}})
			}
			return cs
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, _ := Preset("gbt9704")
			b, err := Lay(Input{Issue: stressIssue("测试公报", tt.committee), Style: st, Metrics: gridMetrics{}, Kinsoku: KinsokuGB})
			if err != nil {
				t.Fatal(err)
			}
			checkBook(t, st, b)
			details := 0
			for _, p := range b.Pages {
				if p.Folio > 0 {
					break
				}
				for _, r := range p.Runs {
					if r.Text == "：测试区人民政府办公室" {
						details++
					}
				}
			}
			// every name is printed once, whole, on the masthead's pages
			want, got := 0, 0
			given := map[string]bool{}
			for _, cr := range tt.committee {
				want += len(cr.Names)
				for _, n := range cr.Names {
					given[n] = true
				}
			}
			for _, p := range b.Pages[1:] {
				if strings.Contains(pageText(p), "目　　录") {
					break
				}
				for _, r := range p.Runs {
					if r.Role == fonts.Fang && given[r.Text] {
						got++
					}
				}
			}
			if got != want {
				t.Errorf("%d names printed, want %d", got, want)
			}
			if details != 1 {
				t.Errorf("the details are set %d times, want once", details)
			}
		})
	}
}

// TestCoverNameFits: a gazette's name too long for the cover's measure is
// set smaller or on two lines, never wider than the type area.
func TestCoverNameFits(t *testing.T) {
	for _, name := range []string{"测试公报", "内蒙古自治区人民政府公报", "新疆维吾尔自治区人民政府公报", "新疆维吾尔自治区伊犁哈萨克自治州人民政府公报"} {
		st, _ := Preset("gbt9704")
		b, err := Lay(Input{Issue: stressIssue(name, nil), Style: st, Metrics: gridMetrics{}, Kinsoku: KinsokuGB})
		if err != nil {
			t.Fatal(err)
		}
		checkBook(t, st, b)
		var got strings.Builder
		for _, r := range b.Pages[0].Runs {
			if r.Color == Red {
				got.WriteString(r.Text)
				if x0, x1 := runExtent(r); x1-x0 > st.TextWidth()+0.01 {
					t.Errorf("%s: %q spans x %.1f–%.1f, wider than the type area", name, r.Text, x0, x1)
				}
			}
		}
		if got.String() != name {
			t.Errorf("the cover reads %q, want %q", got.String(), name)
		}
	}
}

// pageText is the text of a page's runs in order.
func pageText(p *Page) string {
	var sb strings.Builder
	for _, r := range p.Runs {
		sb.WriteString(r.Text)
	}
	return sb.String()
}

// TestWarningsInBookOrder: the cover and the masthead are set while the
// documents are, yet the warnings keep the book's order: the documents'
// (a table set smaller), then the masthead's (a role too long), then the
// running heads' (a section name too long).
func TestWarningsInBookOrder(t *testing.T) {
	st, _ := Preset("gbt9704")
	tb := gridTable(16, 5, func(r, c int) string {
		if r == 0 {
			return fmt.Sprintf("列%d", c+1)
		}
		return fmt.Sprint(r * (c + 1))
	})
	committee := []model.CommitteeRole{{Role: strings.Repeat("编辑部", 13) + "长", Names: names(3)},
		{Role: "委员", Names: []string{"阿不都热合曼·买买提明·艾合买提江"}}}
	is := stressIssue("测试公报", committee, tableDoc(tb))
	is.Sections[0].Title = strings.Repeat("全区政府系统调查研究工作", 4)
	b, err := Lay(Input{Issue: is, Style: st, Metrics: gridMetrics{}, Kinsoku: KinsokuGB})
	if err != nil {
		t.Fatal(err)
	}
	order := []string{"已整表缩小", "编辑委员会已缩小", "书眉里排不下"}
	at := -1
	for _, want := range order {
		i := slices.IndexFunc(b.Warnings, func(w string) bool { return strings.Contains(w, want) })
		if i <= at {
			t.Fatalf("warning %q at %d, want it after %d: %q", want, i, at, b.Warnings)
		}
		at = i
	}
}
