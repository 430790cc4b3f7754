package layout

import (
	"math"
	"strings"
	"testing"

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
