package pdfread

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// OpeningMarks are the opening brackets and quotes, whose ink sits in the
// right half of their box.
const OpeningMarks = "（《「『〔【“‘〈〖［｛(["

// Word is one word box of pdftotext -bbox-layout.
type Word struct {
	X0, Y0, X1, Y1 float64
	Text           string
}

// CY is the vertical centre of the box.
func (w Word) CY() float64 { return (w.Y0 + w.Y1) / 2 }

// Height is the box's height.
func (w Word) Height() float64 { return w.Y1 - w.Y0 }

// First is the word's first character.
func (w Word) First() rune { r, _ := utf8.DecodeRuneInString(w.Text); return r }

// LatinStart reports whether the word's box is the Latin font's: it starts
// with an ASCII or other Western character (the latin role sets them all;
// “ ” ‘ ’ — … are set in the CJK faces).
func (w Word) LatinStart() bool { return w.First() < 0x2000 }

// CJKStart reports whether the word's box is a CJK font's.
func (w Word) CJKStart() bool { return w.First() >= 0x2000 }

// Opening reports whether the word starts with an opening bracket or quote.
func (w Word) Opening() bool { return strings.ContainsRune(OpeningMarks, w.First()) }

// Row is the words of a page that share one line of type: one baseline,
// left to right. pdftotext may cut a justified line into several "lines";
// a row puts them back together.
type Row struct {
	Words          []Word
	X0, X1, Y0, Y1 float64
	Size           float64 // type size read from the boxes; 0 if unknown
	Baseline       float64 // NaN if unknown
}

// Text is the row's text without the spaces pdftotext would add.
func (r *Row) Text() string {
	var b strings.Builder
	for _, w := range r.Words {
		b.WriteString(w.Text)
	}
	return Squeeze(b.String())
}

// CY is the vertical centre of the row.
func (r *Row) CY() float64 { return (r.Y0 + r.Y1) / 2 }

// LastRune is the row's last character.
func (r *Row) LastRune() rune {
	l, _ := utf8.DecodeLastRuneInString(r.Text())
	return l
}

// FirstRune is the row's first character.
func (r *Row) FirstRune() rune {
	f, _ := utf8.DecodeRuneInString(r.Text())
	return f
}

// Field is a run of words of a row between wide gaps.
type Field struct {
	X0, X1 float64
	Text   string
}

// Fields splits the row at gaps wider than maxGap and joins the words of a
// field as printed: a gap of about one em (em = size) is a full-width space
// "　", a smaller visible gap a space, touching words nothing.
func (r *Row) Fields(em, maxGap float64) []Field {
	var out []Field
	for i, w := range r.Words {
		if i == 0 || w.X0-r.Words[i-1].X1 > maxGap {
			out = append(out, Field{X0: w.X0, X1: w.X1, Text: w.Text})
			continue
		}
		f := &out[len(out)-1]
		gap := w.X0 - f.X1
		switch {
		case math.Abs(gap-em) <= 0.15*em:
			f.Text += "　"
		case gap > 0.15*em:
			f.Text += " "
		}
		f.Text += w.Text
		f.X1 = math.Max(f.X1, w.X1)
	}
	return out
}

// BoxMetrics turns word boxes into sizes and baselines: for a box that
// starts with a hanzi, baseline = yMax − CJKDesc × height (height = size);
// for one that starts with a Latin letter or digit, size = height / LatinH
// and baseline = yMax − LatinDesc × size.
type BoxMetrics struct {
	CJKDesc, LatinDesc, LatinH float64
}

// rowGap is how far (pt) a word's centre may lie below the first word of a
// row and still belong to it: CJK and Latin boxes of one size are centred
// within 0.2 pt of each other, lines are at least 12 pt apart.
const rowGap = 2.5

// GroupRows puts words whose boxes share a vertical centre into rows, top
// to bottom, and reads each row's size and baseline with m.
func GroupRows(words []Word, m BoxMetrics) []*Row {
	ws := append([]Word(nil), words...)
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].CY() < ws[j].CY() })
	var rows []*Row
	var anchor float64
	for _, w := range ws {
		if len(rows) == 0 || w.CY()-anchor > rowGap {
			rows = append(rows, &Row{})
			anchor = w.CY()
		}
		r := rows[len(rows)-1]
		r.Words = append(r.Words, w)
	}
	for _, r := range rows {
		r.measure(m)
	}
	return rows
}

// measure sorts the row's words left to right and sets its box, size and
// baseline.
func (r *Row) measure(m BoxMetrics) {
	// Compressed marks may share an origin (”、“: the 、 inks the left half
	// of an em, the “ the right half): the opening mark then reads second.
	sort.SliceStable(r.Words, func(i, j int) bool {
		a, b := r.Words[i], r.Words[j]
		if math.Abs(a.X0-b.X0) < 0.5 && a.Opening() != b.Opening() {
			return b.Opening()
		}
		return a.X0 < b.X0
	})
	r.X0, r.Y0 = math.Inf(1), math.Inf(1)
	r.X1, r.Y1 = math.Inf(-1), math.Inf(-1)
	var cjkSize, cjkBase, latSize, latBase []float64
	for _, w := range r.Words {
		r.X0, r.X1 = math.Min(r.X0, w.X0), math.Max(r.X1, w.X1)
		r.Y0, r.Y1 = math.Min(r.Y0, w.Y0), math.Max(r.Y1, w.Y1)
		switch {
		case w.CJKStart():
			cjkSize = append(cjkSize, w.Height())
			cjkBase = append(cjkBase, w.Y1-m.CJKDesc*w.Height())
		case w.LatinStart():
			s := w.Height() / m.LatinH
			latSize = append(latSize, s)
			latBase = append(latBase, w.Y1-m.LatinDesc*s)
		}
	}
	r.Baseline = math.NaN()
	switch {
	case len(cjkSize) > 0:
		r.Size, r.Baseline = Median(cjkSize), Median(cjkBase)
	case len(latSize) > 0:
		r.Size, r.Baseline = Median(latSize), Median(latBase)
	}
}

// WordsBox is the bounding box of several words.
type WordsBox struct{ X0, X1, Y0, Y1 float64 }

// MatchWords finds, in reading order, the words (starting right of minX0)
// that spell text, each continuing where the last stopped; it returns their
// bounding box.
func MatchWords(words []Word, text string, minX0 float64) (WordsBox, bool) {
	b := WordsBox{math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)}
	rest := text
	for _, w := range words {
		s := Squeeze(w.Text)
		if s == "" || w.X0 <= minX0 || !strings.HasPrefix(rest, s) {
			continue
		}
		rest = rest[len(s):]
		b.X0, b.X1 = math.Min(b.X0, w.X0), math.Max(b.X1, w.X1)
		b.Y0, b.Y1 = math.Min(b.Y0, w.Y0), math.Max(b.Y1, w.Y1)
		if rest == "" {
			return b, true
		}
	}
	return b, false
}

// Squeeze drops every space (ASCII, full-width, form feed) from s, as the
// tests compare printed text without the spaces pdftotext adds.
func Squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' || r == '\f' {
			return -1
		}
		return r
	}, s)
}

// FirstRunes is s cut to its first n characters (for messages).
func FirstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}
