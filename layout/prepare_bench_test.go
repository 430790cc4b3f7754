package layout

import (
	"testing"

	"gazette/fonts"
	"gazette/internal/model"
)

// corpusParagraphs are the body paragraphs of the real documents, as body
// text is set (16 pt 仿宋, 28 characters, 2-character indent).
func corpusParagraphs(b *testing.B) (*LineBreaker, []*Paragraph) {
	set, err := fonts.Load(fonts.Config{})
	if err != nil {
		b.Fatal(err)
	}
	m, err := NewFontMetrics(set)
	if err != nil {
		b.Fatal(err)
	}
	var ps []*Paragraph
	for _, doc := range corpusDocs(b) {
		for _, bl := range doc.Blocks {
			if bl.Kind == model.Paragraph && bl.Text != "" {
				ps = append(ps, &Paragraph{Spans: []Span{{Text: bl.Text, Role: fonts.Fang, Size: 16}}, Width: 28 * 16, Indent: 32, Align: Justify})
			}
		}
	}
	return &LineBreaker{Metrics: m, Kinsoku: KinsokuGB}, ps
}

// BenchmarkPrepareCorpus measures the preparation of every paragraph of
// the corpus: measuring, break opportunities, tokens, compression, glue.
func BenchmarkPrepareCorpus(b *testing.B) {
	lb, ps := corpusParagraphs(b)
	sc := new(scratch)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range ps {
			lb.prepare(p, sc)
		}
	}
}

// BenchmarkBreakCorpus measures breaking every paragraph of the corpus
// into placed lines.
func BenchmarkBreakCorpus(b *testing.B) {
	lb, ps := corpusParagraphs(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range ps {
			lb.Break(p)
		}
	}
}

// BenchmarkUAX14Corpus compares the fast path with go-text's segmenter on
// the corpus's paragraphs.
func BenchmarkUAX14Corpus(b *testing.B) {
	lb, ps := corpusParagraphs(b)
	var paras [][]atom
	for _, p := range ps {
		atoms, _ := lb.atoms(p, new(scratch))
		paras = append(paras, atoms)
	}
	sc := new(scratch)
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			for _, atoms := range paras {
				sc.codes, _ = uax14Breaks(atoms, sc.codes)
			}
		}
	})
	b.Run("segmenter", func(b *testing.B) {
		for b.Loop() {
			for _, atoms := range paras {
				segmentBreaks(atoms, sc)
			}
		}
	})
}
