package layout

import (
	"fmt"
	"strings"
	"testing"

	"gazette/internal/model"
)

// layIssue lays out an issue of one document with the grid metrics.
func layIssue(t *testing.T, st *Style, number int, title, docNumber string) VolumeIssue {
	t.Helper()
	doc := &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: title},
		{Kind: model.DocNumber, Text: docNumber}, para(strings.Repeat("全区政府系统要严格按照规定开展调查研究。", 60))}}
	is := &model.Issue{Gazette: model.Gazette{Name: "测试公报", Sponsor: "测试区人民政府"}, Year: 2023, Number: number,
		Serial: 10 + number, Sections: []model.Section{{Title: "文件", Documents: []*model.Document{doc}}}}
	b, err := Lay(Input{Issue: is, Style: st, Metrics: gridMetrics{}, Kinsoku: KinsokuGB})
	if err != nil {
		t.Fatal(err)
	}
	b.PadForSaddleStitch()
	return VolumeIssue{Issue: is, Book: b}
}

// TestLayVolume: the issues follow the front matter page for page, each
// page of theirs but the blanks numbered in the volume in its foot, the
// 总目录 entries point at the page where their document starts, and the
// outline nests each issue's own outline under the issue.
func TestLayVolume(t *testing.T) {
	st, _ := Preset("gbt9704")
	issues := []VolumeIssue{layIssue(t, st, 1, "关于甲的通知", "测府发〔2023〕1号"), layIssue(t, st, 2, "关于乙的通知", "测府发〔2023〕2号")}
	v, err := LayVolume(VolumeInput{Title: "测试公报2023年合订本", Issues: issues, Style: st, Metrics: gridMetrics{}, Kinsoku: KinsokuGB})
	if err != nil {
		t.Fatal(err)
	}
	b := v.Book
	if v.FrontPages%2 != 0 || v.FrontPages < 3 {
		t.Errorf("front matter of %d pages, want an even count of at least 4", v.FrontPages)
	}
	n := v.FrontPages
	for i, vi := range issues {
		if v.IssueStart[i] != n {
			t.Errorf("issue %d starts at page %d, want %d", i+1, v.IssueStart[i], n)
		}
		for j, p := range vi.Book.Pages {
			q := b.Pages[n+j]
			foot := footText(q)
			if want := strings.ReplaceAll(volumeFootText(n+j-v.FrontPages+1), " ", ""); !p.Blank && foot != want {
				t.Errorf("issue %d page %d: foot %q, want %q", i+1, j+1, foot, want)
			}
			if p.Blank && len(q.Runs) != 0 {
				t.Errorf("issue %d page %d: a blank page prints something", i+1, j+1)
			}
			if len(q.Runs) < len(p.Runs)+boolInt(!p.Blank) {
				t.Errorf("issue %d page %d: %d runs, the issue's page has %d", i+1, j+1, len(q.Runs), len(p.Runs))
			}
		}
		n += len(vi.Book.Pages)
	}
	if len(b.Pages) != n {
		t.Errorf("%d pages, want %d", len(b.Pages), n)
	}
	if len(v.Entries) != 2 {
		t.Fatalf("%d entries, want 2", len(v.Entries))
	}
	for i, e := range v.Entries {
		if e.Issue.Number != i+1 || e.DocNumber == "" || e.Page != v.FrontPages+e.VolumePage-1 {
			t.Errorf("entry %+v", e)
		}
		if footText(b.Pages[e.Page]) != strings.ReplaceAll(volumeFootText(e.VolumePage), " ", "") {
			t.Errorf("entry %q: page %d does not carry volume page %d", e.Title, e.Page, e.VolumePage)
		}
	}
	var levels []int
	for _, bm := range b.Outline {
		levels = append(levels, bm.Level)
	}
	if got := fmt.Sprint(levels); got != "[0 0 1 2 0 1 2]" {
		t.Errorf("outline levels %s, want the 总目录, then per issue: 0 the issue, 1 its section, 2 its document", got)
	}
	for _, is := range issues { // the issues' own pages are untouched
		for _, p := range is.Book.Pages {
			if footText(p) != "" {
				t.Fatal("LayVolume wrote into an issue's page")
			}
		}
	}
}

// footText is the text of the runs set in the volume foot's size, "" if none.
func footText(p *Page) string {
	var b strings.Builder
	for _, r := range p.Runs {
		if r.Size == volumeFootSize {
			b.WriteString(r.Text)
		}
	}
	return strings.ReplaceAll(b.String(), " ", "")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
