package layout

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"gazette/fonts"
	"gazette/internal/model"
)

// TestTOCLeaders: every 目录 entry's leader is one even row of dots a third
// of an em apart, ending the same distance before its page number, whether
// the number has one digit or two.
func TestTOCLeaders(t *testing.T) {
	d1 := &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: "关于印发《昌江区提升农业产业化发展水平三年行动方案（2023-2025年）》的通知"},
		{Kind: model.DocNumber, Text: "昌府办字〔2023〕25号"}, para(strings.Repeat("正文。", 2100))}} // ten pages: the next entry has a two-digit number
	d2 := &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: "区政府第31次常务会议召开"}, para("正文。")}}
	b, _ := layDocs(t, d1, d2)
	toc := b.Pages[2]
	var gaps []float64
	var digits []int
	for i, r := range toc.Runs {
		if !strings.HasPrefix(r.Text, string(leaderDot)) {
			continue
		}
		if strings.Trim(r.Text, string(leaderDot)) != "" {
			t.Errorf("a leader run holds %q", r.Text)
		}
		adv, _ := gridMetrics{}.Advance(0, leaderDot)
		pitch := adv*r.Size + r.Spacing
		if math.Abs(pitch-r.Size/3) > 0.001 {
			t.Errorf("leader dots %.3f pt apart, want a third of %.1f pt", pitch, r.Size)
		}
		n := float64(len([]rune(r.Text)))
		lastDot := r.X + (n-1)*pitch + adv*r.Size/2
		num := toc.Runs[i+1] // the page number follows its leader, maybe in several runs
		text := ""
		for _, nr := range toc.Runs[i+1:] {
			if nr.Y == r.Y {
				text += nr.Text
			}
		}
		if !strings.HasPrefix(text, "（") {
			t.Fatalf("the text after a leader is %q, want the page number", text)
		}
		gaps = append(gaps, num.X+num.Size/2-lastDot) // the number's ink starts after its bracket's blank
		digits = append(digits, len([]rune(text))-2)
	}
	if len(gaps) != 2 || digits[0] != 1 || digits[1] != 2 {
		t.Fatalf("found leaders before numbers of %v digits, want one of 1 and one of 2", digits)
	}
	if math.Abs(gaps[0]-gaps[1]) > 0.5 {
		t.Errorf("the leaders stop %.2f and %.2f pt before their page numbers, want the same gap", gaps[0], gaps[1])
	}
}

// TestTOCDocNumberAlignsWithTheTitle: the 发文字号 line of a 目录 entry sets
// its opening bracket flush, so that the bracket's ink stands under the
// title's first character and not half an em to the right of it.
func TestTOCDocNumberAlignsWithTheTitle(t *testing.T) {
	d := &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: "关于做好防汛工作的通知"},
		{Kind: model.DocNumber, Text: "昌府办字〔2023〕25号"}, para("正文。")}}
	b, _ := layDocs(t, d)
	var title, number *Run
	for i, r := range b.Pages[2].Runs {
		switch {
		case strings.HasPrefix(r.Text, "关于"):
			title = &b.Pages[2].Runs[i]
		case strings.HasPrefix(r.Text, "（昌府"):
			number = &b.Pages[2].Runs[i]
		}
	}
	if title == nil || number == nil {
		t.Fatal("目录 entry not found")
	}
	if d := number.X + number.Size/2 - title.X; math.Abs(d) > 0.01 {
		t.Errorf("the bracket's ink starts %.2f pt right of the title", d)
	}
}

// TestTOCOfAnySize: the 目录 measures each entry by its real height and
// runs on over pages: 60 entries, a 200-character title and a section
// title longer than the measure are all listed, nothing overlaps the
// mottos or runs off the page; a long section name is cut in the running
// heads (with a warning pointing at short_title), and a short_title is
// used there when given.
func TestTOCOfAnySize(t *testing.T) {
	long := "关于" + strings.Repeat("进一步加强和改进", 25) + "的通知"
	var docs []*model.Document
	for i := 0; i < 60; i++ {
		if i == 6 { // near the foot of the first 目录 page, above the mottos
			docs = append(docs, &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: long}, para("正文。")}})
		}
		docs = append(docs, &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: fmt.Sprintf("关于印发第%d项工作实施方案的通知", i+1)},
			{Kind: model.DocNumber, Text: fmt.Sprintf("测府办字〔2023〕%d号", i+1)}, para("正文。")}})
	}
	longSec := "区人民政府办公室关于印发各类专项工作方案和实施意见的文件汇编"
	for _, short := range []string{"", "文件汇编"} {
		is := stressIssue("测试公报", nil)
		is.Sections = []model.Section{{Title: longSec, ShortTitle: short, Line: 40, Documents: docs[:31]}, {Title: "政务动态", Documents: docs[31:]}}
		st, _ := Preset("gbt9704")
		b, err := Lay(Input{Issue: is, Style: st, Metrics: gridMetrics{}, Kinsoku: KinsokuGB, ManifestPath: "issue.toml"})
		if err != nil {
			t.Fatal(err)
		}
		checkBook(t, st, b)
		var toc strings.Builder
		for _, p := range b.Pages {
			if p.Folio > 0 {
				break
			}
			for _, r := range p.Runs {
				toc.WriteString(r.Text)
			}
		}
		for i := 0; i < 60; i++ {
			if !strings.Contains(toc.String(), fmt.Sprintf("第%d项工作", i+1)) {
				t.Errorf("the 目录 lacks entry %d", i+1)
			}
		}
		if strings.Count(toc.String(), "进一步加强和改进") != 25 || !strings.Contains(toc.String(), "文件汇编") {
			t.Errorf("the 目录 lacks the long title or the long section name")
		}
		head := ""
		for _, r := range b.Pages[firstBody(b)].Runs {
			if r.Y < st.Top && r.Role == fonts.Hei {
				head += r.Text
			}
		}
		warned := strings.Contains(strings.Join(b.Warnings, "\n"), "short_title")
		switch short {
		case "":
			if !warned || !strings.Contains(strings.Join(b.Warnings, "\n"), "issue.toml 第40行") {
				t.Errorf("no warning at issue.toml 第40行 about the long section name: %q", b.Warnings)
			}
		default:
			if head != short || warned {
				t.Errorf("the running head reads %q (warned %v), want the short_title %q", head, warned, short)
			}
		}
	}
}
