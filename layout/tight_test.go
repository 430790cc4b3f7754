package layout

import (
	"sync"
	"testing"

	"gazette/fonts"
)

// TestTightBelongsToTheParagraph: one LineBreaker serves every document of
// an issue; a paragraph set tight (开明式, to save a page) leaves the next
// paragraph in the office's style, also when documents are set at once.
func TestTightBelongsToTheParagraph(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	text := "一、二、三、四、五、六、七、八、九、十、一、二、三、四、五、六。"
	para := func(tight bool) *Paragraph {
		return &Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: 16}}, Width: 100 * 16, Tight: tight}
	}
	width := func(tight bool) float64 {
		lines, _ := lb.Break(para(tight))
		return lines[0].Right - lines[0].Left
	}
	loose := width(false)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			width(i%2 == 0)
		}()
	}
	wg.Wait()
	if tight := width(true); tight >= loose-7*16 {
		t.Errorf("tight line %.1f wide, loose %.1f: 开明式 should halve the 15 顿号", tight, loose)
	}
	if again := width(false); again != loose {
		t.Errorf("after tight paragraphs a loose one is %.1f wide, was %.1f", again, loose)
	}
}
