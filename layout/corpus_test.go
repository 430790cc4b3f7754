package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/fonts"
	"gazette/internal/model"
	"gazette/internal/source"
	"gazette/internal/zhwords"
)

// corpusDocs parses the real documents of testdata (the corpus of public
// government documents, and the issue of every kind).
func corpusDocs(t testing.TB) []*model.Document {
	t.Helper()
	var docs []*model.Document
	for _, dir := range []string{"../testdata/corpus", "../testdata/issues/kinds"} {
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
				return nil
			}
			if doc, err := source.ParseDocument(path); err == nil {
				docs = append(docs, doc)
			}
			return nil
		})
	}
	if len(docs) < 20 {
		t.Fatalf("%d real documents parsed: the corpus is missing", len(docs))
	}
	return docs
}

// TestCorpusLines: every paragraph of the real documents, at three
// measures, sets with no line letter-spaced beyond a quarter em, no 禁则
// break, no overflow, and every character back in order.
func TestCorpusLines(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	n := 0
	for _, doc := range corpusDocs(t) {
		for _, b := range doc.Blocks {
			if b.Kind != model.Paragraph && b.Kind != model.Heading || b.Text == "" {
				continue
			}
			for _, chars := range []int{17, 28, 33} {
				p := &Paragraph{Spans: []Span{{Text: b.Text, Role: fonts.Fang, Size: 16}}, Width: float64(chars) * 16, Indent: 32, Align: Justify}
				lines, _ := lb.Break(p)
				checkLines(t, b.Text, p, lines)
				n++
			}
		}
	}
	t.Logf("%d paragraph settings checked", n)
}

// TestCorpusTitlesBetweenWords: the titles of the real documents, set at
// every measure from the title measure (28 characters of body type hold 20
// of title type; a wider page 30) down to 8 characters, never break inside a
// dictionary word: each of them has a shape that keeps its words whole, and
// no shape cost outweighs a word (before titleWordPen, the balance of an
// 18-character measure cut "〈北／京市").
func TestCorpusTitlesBetweenWords(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	titles, inside := 0, 0
	for _, doc := range corpusDocs(t) {
		for _, b := range doc.Blocks {
			if b.Kind != model.Title {
				continue
			}
			for _, part := range titleParts(b.Text) {
				for chars := 8; chars <= 30; chars++ {
					p := &Paragraph{Spans: []Span{{Text: part.text, Role: fonts.Title, Size: 16}}, Width: float64(chars) * 16,
						Align: AlignCenter, KeepNames: true, Balance: part.lines}
					lines, _ := lb.Break(p)
					titles++
					for i := 0; i+1 < len(lines); i++ {
						if w := wordAt(lines[i].Text(), lines[i+1].Text()); w != "" {
							inside++
							t.Errorf("%q | %q breaks inside %q", lines[i].Text(), lines[i+1].Text(), w)
						}
					}
				}
			}
		}
	}
	t.Logf("%d title settings, %d breaks inside a dictionary word", titles, inside)
	if inside > 0 {
		t.Errorf("%d of %d title settings break inside a word", inside, titles)
	}
}

// wordAt returns the dictionary word a break between a and b falls inside.
func wordAt(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	ra = ra[max(0, len(ra)-zhwords.MaxLen):]
	rb = rb[:min(len(rb), zhwords.MaxLen)]
	text := append(append([]rune(nil), ra...), rb...)
	at := 0
	for _, n := range zhwords.Segment(text) {
		if at < len(ra) && at+n > len(ra) {
			return string(text[at : at+n])
		}
		at += n
	}
	return ""
}
