package layout

import (
	"strings"
	"testing"

	"gazette/fonts"
	"gazette/internal/model"
)

// TestTitleKeepsWordsWhole: a title line too long for the measure is broken
// between words, not inside "水平" (GB/T 9704-2012 7.3.1 词意完整), and an
// office's line break inside a word is set again so the word stays whole, in
// as many lines as the office wrote.
func TestTitleKeepsWordsWhole(t *testing.T) {
	tests := []struct {
		title string
		want  []string
	}{
		{"昌江区人民政府办公室\n关于印发《昌江区提升农业产业化发展水平三年行动方案（2023-2025年）》的通知",
			[]string{"昌江区人民政府办公室", "关于印发《昌江区提升农业产业化发展水平", "三年行动方案（2023-2025年）》的通知"}},
		{"关于在全区政府系统大兴调查\n研究的工作方案",
			[]string{"关于在全区政府系统大兴", "调查研究的工作方案"}},
		{"昌江区人民政府办公室印发\n《关于在全区政府系统大兴调查研究\n的工作方案》的通知", // breaks between words: kept
			[]string{"昌江区人民政府办公室印发", "《关于在全区政府系统大兴调查研究", "的工作方案》的通知"}},
	}
	for _, tt := range tests {
		b, st := layDocs(t, &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: tt.title}, para("正文。")}})
		lines := map[float64]string{} // a title line may be several runs (its digits)
		var ys []float64
		for _, r := range b.Pages[4].Runs {
			if r.Size != st.TitleSize {
				continue
			}
			if _, ok := lines[r.Y]; !ok {
				ys = append(ys, r.Y)
			}
			lines[r.Y] += r.Text
		}
		var got []string
		for _, y := range ys {
			got = append(got, lines[y])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("title %q set as %q, want %q", tt.title, got, tt.want)
		}
	}
}

// TestTOCEntryKeepsWordsWhole: a 目录 entry wraps between words.
func TestTOCEntryKeepsWordsWhole(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}}
	text := "昌江区人民政府办公室关于印发《昌江区提升农业产业化发展水平三年行动方案》的通知"
	for chars := 20; chars <= 30; chars++ {
		ls, _ := lb.Break(&Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: 16}}, Width: float64(chars) * 16, Align: Justify, KeepWords: true})
		for i := 0; i+1 < len(ls); i++ {
			if splitsWord(ls[i].Text(), ls[i+1].Text()) {
				t.Errorf("at %d characters the entry breaks inside a word: %q | %q", chars, ls[i].Text(), ls[i+1].Text())
			}
		}
	}
}
