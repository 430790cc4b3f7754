package layout

import (
	"math"

	"github.com/go-text/typesetting/segmenter"

	"gazette/fonts"
)

// Metrics gives advance widths in em (1.0 = the type size). The renderer
// embeds fonts whose widths are exactly these, so measuring with Metrics is
// measuring what prints. fonts.Set satisfies it through FontMetrics.
type Metrics interface {
	Advance(role fonts.Role, r rune) (float64, bool)
}

// Span is a run of text in one face and size; a Paragraph is made of Spans.
type Span struct {
	Text string
	Role fonts.Role
	Size float64
}

// Align says how the lines of a paragraph sit in the measure.
type Align int

// The alignments. Justify sets every line but the last flush with both edges
// (clreq §3.3.1: Chinese body text is justified, never ragged).
const (
	Justify Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Paragraph is text to be broken into lines of one measure.
type Paragraph struct {
	Spans  []Span
	Width  float64 // the measure
	Indent float64 // extra left indent of the first line (2 characters for body text)
	Hang   float64 // left indent of the lines after the first (附件说明)
	Align  Align
	Track  float64 // added to the advance of every CJK glyph (grid pitch − type size)
}

// Glyph is one placed character: X from the line's left edge to the glyph
// origin; the baseline is the line's.
type Glyph struct {
	X    float64
	R    rune
	Role fonts.Role
	Size float64
}

// Line is one composed line.
type Line struct {
	Glyphs []Glyph
	Right  float64 // where the line's measured text ends (a line-end mark counts half)
	Last   bool    // the paragraph's last line (not justified)
}

// Text returns the characters of the line.
func (l *Line) Text() string {
	rs := make([]rune, len(l.Glyphs))
	for i, g := range l.Glyphs {
		rs[i] = g.R
	}
	return string(rs)
}

// LineBreaker composes paragraphs into lines: break opportunities from UAX #14
// tailored by the Chinese prohibitions, greedy filling with compression of
// punctuation before pushing a character out ("先挤进，后推出", clreq §3.1.7),
// justification, and no 孤字 (a last line holding a single character, clreq
// §3.8.1 "孤字不成行").
type LineBreaker struct {
	Metrics Metrics
	Kinsoku Kinsoku
}

// atom is one character with its measured box.
type atom struct {
	r      rune
	role   fonts.Role
	size   float64
	w      float64 // natural advance, tracking included
	cjk    bool
	space  bool
	breakB bool    // a line may break before this atom
	cutL   float64 // left blank removed by compression with its neighbour
	cutR   float64 // right blank removed by compression with its neighbour
}

// half is the compressible blank of a full-width mark: half its advance.
func (a *atom) half() float64 { return a.w / 2 }

// Break composes p into lines. Characters no face covers are returned in
// missing (and measured as one em so that layout can go on and report them
// all at once).
func (lb *LineBreaker) Break(p *Paragraph) (lines []Line, missing []rune) {
	atoms, missing := lb.atoms(p)
	if len(atoms) == 0 {
		return []Line{{Last: true}}, missing
	}
	lb.markBreaks(atoms)
	compressPairs(atoms)
	ends := lb.breakPoints(atoms, p)
	start := 0
	for i, end := range ends {
		lines = append(lines, lb.place(atoms[start:end], p, i == 0, i == len(ends)-1))
		start = end
	}
	return lines, missing
}

// atoms measures the paragraph's characters. Latin letters and digits inside
// CJK spans are set in the Latin face when it has them; the marks in
// cjkForced always stay in the CJK face (standards.md §2.5).
func (lb *LineBreaker) atoms(p *Paragraph) ([]atom, []rune) {
	var atoms []atom
	var missing []rune
	for _, s := range p.Spans {
		for _, r := range s.Text {
			if r == '\n' || r == '\r' || r == '\t' {
				r = ' '
			}
			a := atom{r: r, role: s.Role, size: s.Size, cjk: isCJK(r), space: r == ' ' || r == '\u3000'}
			if !a.cjk && s.Role != fonts.Latin {
				if _, ok := lb.Metrics.Advance(fonts.Latin, r); ok {
					a.role = fonts.Latin
				}
			}
			adv, ok := lb.Metrics.Advance(a.role, r)
			if !ok || r > 0xFFFF { // the PDF's fonts are BMP-only (fonts-and-pdf.md: fpdf panics beyond U+FFFF)
				missing = append(missing, r)
				adv = 1
			}
			a.w = adv * s.Size
			if a.cjk {
				a.w += p.Track
			}
			atoms = append(atoms, a)
		}
	}
	return atoms, missing
}

// markBreaks sets breakB from UAX #14 (via go-text's segmenter), then removes
// the breaks the Chinese rules forbid.
func (lb *LineBreaker) markBreaks(atoms []atom) {
	runes := make([]rune, len(atoms))
	for i := range atoms {
		runes[i] = atoms[i].r
	}
	var seg segmenter.Segmenter
	seg.Init(runes)
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		if end := l.Offset + len(l.Text); end < len(atoms) {
			atoms[end].breakB = true
		}
	}
	for i := 1; i < len(atoms); i++ {
		if atoms[i].breakB && !lb.mayBreak(atoms[i-1].r, atoms[i].r) {
			atoms[i].breakB = false
		}
	}
}

// mayBreak applies the tailoring of UAX #14 between prev and next.
func (lb *LineBreaker) mayBreak(prev, next rune) bool {
	switch {
	case noLineStart[next], noLineEnd[prev]: // clreq §3.1.7 basic level
		return false
	case lb.Kinsoku >= KinsokuGB && (prev == '/' || prev == '／'): // clreq §3.1.7 GB level
		return false
	case longMark[prev] && prev == next: // GB/T 15834 5.1.4, 5.1.5: —— and …… never split
		return false
	case lb.Kinsoku >= KinsokuStrict && longMark[next]: // clreq §3.1.7 strict level
		return false
	case isNumeric(prev) && dateOrNumberSuffix[next]: // 2023年, 25号 stay together
		return false
	case (prev == '〕' || prev == ']') && isNumeric(next): // 〔2023〕25号 is one unit
		return false
	}
	return true
}

// compressPairs halves the blank between two adjacent full-width marks so
// that the pair takes 1.5 em (clreq §3.1.6: "。」", "》《", "，“").
func compressPairs(atoms []atom) {
	for i := 0; i+1 < len(atoms); i++ {
		a, b := &atoms[i], &atoms[i+1]
		switch {
		case rightBlank[a.r] && (rightBlank[b.r] || leftBlank[b.r]):
			a.cutR = a.half()
		case leftBlank[b.r] && leftBlank[a.r]:
			b.cutL = b.half()
		}
	}
}

// lineWidth measures atoms as one line: pair compression inside, a line-start
// opening mark and a line-end mark set half-width (GB/T 15834 5.1.10), and
// trailing spaces not counted.
func lineWidth(atoms []atom, first bool) float64 {
	n := len(atoms)
	for n > 0 && atoms[n-1].space {
		n--
	}
	if n == 0 {
		return 0
	}
	w := 0.0
	for i := 0; i < n; i++ {
		w += atoms[i].w - atoms[i].cutL
		if i < n-1 {
			w -= atoms[i].cutR
		}
	}
	w -= startCut(atoms, first) + endCut(atoms[n-1])
	return w
}

// startCut is the blank an opening mark loses at the start of a wrapped line
// (clreq §3.1.6); the first line keeps it to hold the indent.
func startCut(atoms []atom, first bool) float64 {
	if first || len(atoms) == 0 || !leftBlank[atoms[0].r] || atoms[0].cutL > 0 {
		return 0
	}
	return atoms[0].half()
}

// endCut is the blank a full-width mark loses at line end (GB/T 15834 5.1.10).
func endCut(a atom) float64 {
	if rightBlank[a.r] {
		return a.half()
	}
	return 0
}

// shrinkable is how much the marks inside a line may still give up to let a
// line fit (clreq §3.1.7 "先挤进": reduction priorities 4, 5, 7 — brackets,
// 点号 — each to half width).
func shrinkable(atoms []atom) float64 {
	s := 0.0
	for i := 0; i+1 < len(atoms); i++ {
		if rightBlank[atoms[i].r] && atoms[i].cutR == 0 {
			s += atoms[i].half()
		}
	}
	return s
}

func (p *Paragraph) avail(first bool) float64 {
	if first {
		return p.Width - p.Indent
	}
	return p.Width - p.Hang
}

// breakPoints returns the end index of every line.
func (lb *LineBreaker) breakPoints(atoms []atom, p *Paragraph) []int {
	var ends []int
	for start := 0; start < len(atoms); {
		end := fitLine(atoms, start, p, len(ends) == 0, len(atoms))
		ends = append(ends, end)
		start = end
	}
	return avoidOrphan(atoms, p, ends)
}

// fitLine returns where the line starting at start ends: the most atoms that
// fit (squeezing punctuation if need be), pushed back to an allowed break.
func fitLine(atoms []atom, start int, p *Paragraph, first bool, limit int) int {
	avail := p.avail(first) + 0.01
	fit := start + 1
	for e := start + 1; e <= limit; e++ {
		l := atoms[start:e]
		w := lineWidth(l, first)
		if w > avail && (p.Align != Justify || w-shrinkable(l) > avail) {
			break
		}
		fit = e
	}
	if fit == len(atoms) {
		return fit
	}
	for b := fit; b > start; b-- {
		if atoms[b].breakB {
			return b
		}
	}
	return fit // no allowed break on the whole line: break where it overflows
}

// avoidOrphan moves a character down when the last line would hold a single
// character, or one character and its punctuation (孤字, clreq §3.8.1).
func avoidOrphan(atoms []atom, p *Paragraph, ends []int) []int {
	n := len(ends)
	if n < 2 || !isOrphan(atoms[ends[n-2]:]) {
		return ends
	}
	prevStart := 0
	if n > 2 {
		prevStart = ends[n-3]
	}
	for b := ends[n-2] - 1; b > prevStart+1; b-- {
		if atoms[b].breakB && !isOrphan(atoms[b:]) {
			ends[n-2] = b
			return ends
		}
	}
	return ends
}

// isOrphan reports a line of one character, possibly followed by marks.
func isOrphan(line []atom) bool {
	chars := 0
	for _, a := range line {
		if !noLineStart[a.r] && !a.space {
			chars++
		}
	}
	return chars <= 1
}

// place positions the atoms of one line and justifies it.
func (lb *LineBreaker) place(atoms []atom, p *Paragraph, first, last bool) Line {
	n := len(atoms)
	for n > 0 && atoms[n-1].space {
		n--
	}
	atoms = atoms[:n]
	left := p.Hang
	if first {
		left = p.Indent
	}
	natural := lineWidth(atoms, first)
	gaps := stretchGaps(atoms)
	extra, shrink := 0.0, 0.0
	slack := p.avail(first) - natural
	switch {
	case slack < 0:
		if s := shrinkable(atoms); s > 0 {
			shrink = math.Min(1, -slack/s)
		}
	case p.Align == Justify && !last && gaps > 0:
		extra = slack / float64(gaps)
	case p.Align == AlignCenter:
		left += slack / 2
	case p.Align == AlignRight:
		left += slack
	}
	line := Line{Glyphs: make([]Glyph, n), Last: last}
	x := left - startCut(atoms, first)
	for i := range atoms {
		a := &atoms[i]
		x -= a.cutL
		line.Glyphs[i] = Glyph{X: x, R: a.r, Role: a.role, Size: a.size}
		x += a.w
		if i < n-1 {
			x -= a.cutR
			if rightBlank[a.r] && a.cutR == 0 {
				x -= shrink * a.half()
			}
			if stretchable(a, &atoms[i+1]) {
				x += extra
			}
		}
	}
	if n > 0 {
		x -= endCut(atoms[n-1])
	}
	line.Right = x
	return line
}

// stretchable reports whether justification may widen the gap after a: gaps
// next to CJK characters and spaces stretch; Latin words and numbers are never
// letter-spaced, nor are —— and …… split (clreq §3.2.3).
func stretchable(a, b *atom) bool {
	if longMark[a.r] && a.r == b.r {
		return false
	}
	return a.cjk || b.cjk || a.space || b.space
}

func stretchGaps(atoms []atom) int {
	n := 0
	for i := 0; i+1 < len(atoms); i++ {
		if stretchable(&atoms[i], &atoms[i+1]) {
			n++
		}
	}
	return n
}
