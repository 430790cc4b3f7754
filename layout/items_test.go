package layout

import (
	"strings"
	"testing"

	"gazette/fonts"
)

// A list set with KeepItems breaks between its items wherever each fits a
// line; an item longer than a line is still broken; without KeepItems the
// same text fills its lines and splits names.
func TestKeepItemsBreaksBetweenItems(t *testing.T) {
	// 出席 and 列席 lists as the 纪要 of testdata/issues/kinds set them
	tests := []struct {
		name  string
		text  string
		chars int
	}{
		{"names", "出席：王某某、张某某、李某某、赵某某、钱某某、孙某某、周某某、吴某某、郑某某、冯某某", 24},
		{"bodies", "列席：县政府办公室、县发展改革局、县财政局、县司法局、县水利局、县住房城乡建设局、县城市管理局主要负责同志", 21},
		{"names with notes", "任命：潘立刚、蒋作君（兼职）、朱永新（兼职）、邓宗良、刘家强、舒启明、冉万祥（兼职）、李惠东（兼职，回族）、张道宏（兼职）", 22},
	}
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := func(keep bool) []Line {
				p := &Paragraph{Spans: []Span{{Text: tt.text, Role: fonts.Fang, Size: 16}}, Width: float64(tt.chars) * 16,
					Indent: 32, Hang: 80, Align: AlignLeft, KeepItems: keep}
				lines, _ := lb.Break(p)
				return lines
			}
			// a line ends inside an item: not after a separator, or inside
			// the brackets of a note ("（兼职，" / "回族）")
			split := func(lines []Line) int {
				n, depth := 0, 0
				for _, l := range lines[:len(lines)-1] {
					end := []rune(l.Text())
					depth += strings.Count(l.Text(), "（") - strings.Count(l.Text(), "）")
					if r := end[len(end)-1]; !strings.ContainsRune("、：；，", r) || depth > 0 {
						n++
					}
				}
				return n
			}
			kept := set(true)
			if n := split(kept); n > 0 {
				t.Errorf("%d items split with KeepItems: %q", n, texts(kept))
			}
			if split(set(false)) == 0 {
				t.Errorf("no item split without KeepItems: the test cannot fail")
			}
			var got strings.Builder
			for _, l := range kept {
				got.WriteString(l.Text())
			}
			if got.String() != tt.text {
				t.Errorf("text changed: %q", got.String())
			}
		})
	}
	long := &Paragraph{Spans: []Span{{Text: "列席：县住房和城乡建设局县城市管理综合行政执法局县自然资源局主要负责同志、县水利局", Role: fonts.Fang, Size: 16}},
		Width: 10 * 16, Align: AlignLeft, KeepItems: true}
	lines, _ := lb.Break(long)
	for _, l := range lines {
		if lineExtent(&l) > long.Width+0.01 {
			t.Errorf("an item longer than a line runs past the measure: %q", l.Text())
		}
	}
}

func texts(lines []Line) []string {
	var out []string
	for _, l := range lines {
		out = append(out, l.Text())
	}
	return out
}
