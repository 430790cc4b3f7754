package layout

import (
	"math"
	"slices"
	"strings"
	"testing"

	"gazette/fonts"
)

// totalFitUnpruned is totalFit pricing every line from every break
// (relaxAll), as the breaker did before relaxFilled skipped the short lines
// and firstUnsure the lines it need not measure.
func totalFitUnpruned(atoms []atom, p *Paragraph) []int {
	n := len(atoms)
	cost, from := make([]float64, n+1), make([]int, n+1)
	for i := range cost {
		cost[i] = math.Inf(1)
	}
	cost[0] = 0
	if lineWidth(atoms) <= p.avail(true)+0.01 {
		return []int{n}
	}
	t := fitAtoms(atoms, nil)
	for a := 0; a < n; a++ {
		if !math.IsInf(cost[a], 1) {
			relaxAll(&t, p, a, cost, from)
		}
	}
	if math.IsInf(cost[n], 1) {
		return nil
	}
	var ends []int
	for e := n; e > 0; e = from[e] {
		ends = append(ends, e)
	}
	slices.Reverse(ends)
	return ends
}

// checkPruneSame fails when the pruned breaker chooses other breaks than
// the unpruned one for text in a measure of chars ems.
func checkPruneSame(t *testing.T, text string, chars int, align Align) {
	t.Helper()
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	p := &Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: 16}, {Text: "（2023年）", Role: fonts.Song, Size: 12}},
		Width: float64(chars) * 16, Indent: 32, Align: align}
	sc := new(scratch)
	atoms, _ := lb.prepare(p, sc)
	if len(atoms) == 0 {
		return
	}
	setGive(atoms)
	markEmergency(atoms, p)
	got := slices.Clone(totalFit(atoms, p, sc))
	want := totalFitUnpruned(atoms, p)
	if !slices.Equal(got, want) {
		t.Fatalf("align %d, %d chars, %q: pruned breaks %v, unpruned %v", align, chars, text, got, want)
	}
}

// TestPrunedFitSame: skipping the short lines unpriced, and the breaks
// that lie on no cheapest breaking (fitBound), never changes the breaks
// total fit chooses.
func TestPrunedFitSame(t *testing.T) {
	texts := []string{sampleParagraph, "http://www.jdzcjq.gov.cn/art/2023/8/30/art_1234_567890.html。",
		"——……“”《》〔2023〕25号", "YD/T 5185—2021和GB 50311-2016", strings.Repeat("公司+基地+农户+市场，", 9)}
	for _, text := range texts {
		for chars := 0; chars <= 40; chars++ {
			for _, a := range []Align{Justify, AlignLeft} {
				checkPruneSame(t, text, chars, a)
			}
		}
	}
}

// FuzzPrunedFit: whatever the text and measure, the pruned breaker chooses
// the breaks of the unpruned one.
func FuzzPrunedFit(f *testing.F) {
	for _, s := range []string{sampleParagraph, "（一）强化理论学习。", "１，２５０平方米 a_b-c@example-county.gov.cn"} {
		f.Add(s, 12)
	}
	f.Fuzz(func(t *testing.T, text string, chars int) {
		if chars < 0 || chars > 60 || len(text) > 2000 {
			return
		}
		text = fuzzParagraph(text)
		checkPruneSame(t, text, chars, Justify)
		checkPruneSame(t, text, chars, AlignLeft)
	})
}
