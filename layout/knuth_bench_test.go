package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/fonts"
)

// BenchmarkTotalFit measures the total-fit breaker alone on every
// paragraph of the sample's documents, in the body measure (156 mm, 28
// characters of 16 pt, two indented), as set normally and as set tight
// (开明式): the breaks prepare and markEmergency make are made once,
// outside the loop.
func BenchmarkTotalFit(b *testing.B) {
	set, err := fonts.Load(fonts.Config{})
	if err != nil {
		b.Fatal(err)
	}
	m, err := NewFontMetrics(set)
	if err != nil {
		b.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("..", "samples", "changjiang-2023-04", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("the sample's documents: %v", err)
	}
	const body = 156 / 25.4 * 72
	type para struct {
		atoms []atom
		p     *Paragraph
	}
	var paras []para
	for _, name := range files {
		text, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		for _, line := range strings.Split(string(text), "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			for _, tight := range []bool{false, true} {
				lb := &LineBreaker{Metrics: m, Kinsoku: KinsokuGB, Punct: Quanjiao}
				p := &Paragraph{Spans: []Span{{Text: line, Role: fonts.Fang, Size: 16}}, Width: body, Indent: 2 * body / 28,
					Track: body/28 - 16, Align: Justify, Tight: tight}
				atoms, _ := lb.prepare(p, new(scratch))
				setGive(atoms)
				markEmergency(atoms, p)
				paras = append(paras, para{append([]atom(nil), atoms...), p})
			}
		}
	}
	sc := new(scratch)
	b.ReportAllocs()
	for b.Loop() {
		for _, pa := range paras {
			totalFit(pa.atoms, pa.p, sc)
		}
	}
}
