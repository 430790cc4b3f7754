package layout

import (
	"testing"

	"gazette/fonts"
	"gazette/internal/model"
)

// TestTitleKeepsWordsWhole: an office's line break that falls between
// words is kept, a title line too long for the measure is broken between
// dictionary words (GB/T 9704-2012 7.3.1 词意完整), and the office's first
// line stays a line of its own.
func TestTitleKeepsWordsWhole(t *testing.T) {
	tests := []struct {
		title string
		first string // the first line as set
		lines int
	}{
		{"昌江区人民政府办公室\n关于印发《昌江区提升农业产业化发展水平三年行动方案（2023-2025年）》的通知", "昌江区人民政府办公室", 3},
		{"关于在全区政府系统大兴调查\n研究的工作方案", "关于在全区政府系统大兴调查", 2},
		{"昌江区人民政府办公室印发\n《关于在全区政府系统大兴调查研究\n的工作方案》的通知", "昌江区人民政府办公室印发", 3},
	}
	for _, tt := range tests {
		got := titleLines(t, tt.title)
		if len(got) != tt.lines || got[0] != tt.first {
			t.Errorf("title %q set as %q, want %d lines from %q", tt.title, got, tt.lines, tt.first)
		}
		for i := 0; i+1 < len(got); i++ {
			if splitsWord(got[i], got[i+1]) {
				t.Errorf("title %q breaks inside a word: %q | %q", tt.title, got[i], got[i+1])
			}
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

// titleLines lays out a document with title and returns the title's lines
// as set (a title line may be several runs: its digits).
func titleLines(t *testing.T, title string) []string {
	t.Helper()
	b, st := layDocs(t, &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: title}, para("正文。")}})
	lines := map[float64]string{}
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
	return got
}
