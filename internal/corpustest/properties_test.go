package corpustest

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"gazette/internal/testtool/pdfread"
	"gazette/layout"
)

// A property is one thing asserted of every page and line.
type property string

const (
	propBuilds   property = "builds"         // the pipeline accepts the input and writes a PDF
	propInOrder  property = "in-order"       // every source character comes out of pdftotext, in order
	propKinsoku  property = "kinsoku"        // no forbidden mark at a line's start or end (clreq GB level)
	propSpacing  property = "letter-spacing" // no more than a quarter em added between CJK glyphs
	propTrim     property = "inside-trim"    // nothing outside the trim box
	propOverlaps property = "no-overlap"     // no glyph boxes of different lines intersect
)

// A fault is one place where a property does not hold.
type fault struct {
	file string // the document (path relative to testdata) or an issue's front matter
	prop property
	page int // 1-based PDF page; 0 when not tied to a page
	what string
}

func (f fault) String() string {
	if f.page > 0 {
		return fmt.Sprintf("page %d: %s", f.page, f.what)
	}
	return f.what
}

// Kinsoku at clreq's GB level
// (https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_end).
// noLineStart: 点号 (。，、：；！？．‼⁇), closing quotes and brackets, and the
// connectors and interpuncts (～ – · ・ ‧) never start a line. noLineEnd:
// opening quotes and brackets never end one, and at the GB level neither does
// the solidus (／ /). Offices type the half-width forms (, . : ; ! ? ) ] })
// for the full-width marks; they stand for the same marks and break the same
// rule (UAX #14 keeps them off a line start too), so they count.
const (
	noLineStart = "。，、：；！？．‼⁇”’）〕】〗］｝》〉」』～–·・‧" + ",.:;!?)]}"
	noLineEnd   = "“‘（〔【〖［｛《〈「『／" + "([{/"
)

// Read-back tolerances and limits (pt unless said otherwise).
const (
	// maxAddedSpacing is the most space (in em) the layout may add between
	// two CJK glyphs of a justified line: a quarter em (issue 9's hard limit
	// on spreading, clreq #procedures_for_inter-character_space_expansion).
	maxAddedSpacing = 0.25
	// spacingSlack absorbs rounding in pdftotext's boxes.
	spacingSlack = 0.1
	// trimSlack is how far a word box may touch past the trim box.
	trimSlack = 0.5
	// overlapSlack is how far two boxes may touch before they count as
	// intersecting.
	overlapSlack = 0.5
	// maxSharedEm is how much (in em) two words of one line may overprint:
	// two compressed marks (”、“, ）》) share at most half an em.
	maxSharedEm = 0.55
	// lineSplitEm splits a printed row into separate lines at gaps wider than
	// this many em: a row also holds a signature far from the date beside it,
	// the running head's two ends, the cells of a table.
	lineSplitEm = 3
	// cellSplitEm does the same inside a table, whose cells stand about an em
	// apart and whose lines are set solid.
	cellSplitEm = 0.5
	// sizeSlack is how near a row's size must be to a type size to be set in it.
	sizeSlack = 0.3
	// justifiedEndEm: a justified line ends within this many em of the type
	// area's right edge (a line-end mark is set half-width).
	justifiedEndEm = 0.6
	// justifiedStartEm: and starts at the left edge or the two-em indent.
	justifiedStartEm = 2.1
	// baselineSlack is how near a layout run's baseline must be to a row's
	// baseline read from the PDF to be on the same line.
	baselineSlack = 1.5
)

// printedLines splits a row into the lines a reader sees: at wide gaps, and
// in a table (rows in the table size) at the gaps between cells.
func printedLines(r *pdfread.Row, st *layout.Style) []string {
	em := r.Size
	if em <= 0 {
		em = st.BodySize
	}
	split := lineSplitEm * em
	if math.Abs(r.Size-st.TableSize) <= sizeSlack {
		split = cellSplitEm * em
	}
	var out []string
	for _, f := range r.Fields(em, split) {
		if s := pdfread.Squeeze(f.Text); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// kinsokuFaults lists the printed lines of the row that start or end with a
// forbidden mark.
func kinsokuFaults(r *pdfread.Row, st *layout.Style) []string {
	var out []string
	for _, l := range printedLines(r, st) {
		first, _ := utf8.DecodeRuneInString(l)
		last, _ := utf8.DecodeLastRuneInString(l)
		if strings.ContainsRune(noLineStart, first) {
			out = append(out, fmt.Sprintf("line starts with “%c”: %q", first, pdfread.FirstRunes(l, 24)))
		}
		if strings.ContainsRune(noLineEnd, last) {
			out = append(out, fmt.Sprintf("line ends with “%c”: %q", last, lastRunes(l, 24)))
		}
	}
	return out
}

// isCJK reports the characters set on the ideographic em grid: hanzi, CJK
// punctuation and symbols, full-width forms, and the quotes, dashes, ellipsis
// and interpunct that gazette sets in the CJK faces.
func isCJK(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r):
		return true
	case r >= 0x3001 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF60:
		return true
	case r >= 0x2018 && r <= 0x201F, r == '—', r == '…', r == '·':
		return true
	}
	return false
}

// justified reports whether a type-area row is a justified body line: in the
// body size, from the left edge or the paragraph indent to the right edge.
func justified(r *pdfread.Row, g *pdfread.Geom, st *layout.Style) bool {
	if math.Abs(r.Size-st.BodySize) > sizeSlack {
		return false
	}
	return r.X0 <= g.Left+justifiedStartEm*r.Size && r.X1 >= g.Right-justifiedEndEm*r.Size
}

// spacingFaults measures the gaps between the words of a justified row whose
// facing characters are both CJK: a gap wider than a quarter em is space the
// layout added, unless the text has a space there (spaceBefore, from the
// layout's own runs on that line, marks the squeezed positions a space
// precedes; nil if unknown).
func spacingFaults(r *pdfread.Row, spaceBefore map[int]bool) []string {
	var out []string
	pos := 0 // squeezed position of the next word's first character
	worst, at := 0.0, ""
	for i, w := range r.Words {
		s := pdfread.Squeeze(w.Text)
		if i > 0 && s != "" {
			a := r.Words[i-1]
			last, _ := utf8.DecodeLastRuneInString(pdfread.Squeeze(a.Text))
			first, _ := utf8.DecodeRuneInString(s)
			gap := (w.X0 - a.X1) / r.Size
			if isCJK(last) && isCJK(first) && gap > maxAddedSpacing+spacingSlack/r.Size && !spaceBefore[pos] && gap > worst {
				worst, at = gap, fmt.Sprintf("“%c”–“%c”", last, first)
			}
		}
		pos += utf8.RuneCountInString(s)
	}
	if worst > 0 {
		out = append(out, fmt.Sprintf("%.2f em added between %s in %q", worst, at, pdfread.FirstRunes(r.Text(), 30)))
	}
	return out
}

// spacesInLayout maps the squeezed text of row r to the spaces the layout set
// on the same line (the runs of page p whose baseline is the row's): the
// result marks each squeezed position that a space precedes. It is nil when
// the layout's line does not spell the row (then no gap is explained).
func spacesInLayout(r *pdfread.Row, p *layout.Page) map[int]bool {
	if math.IsNaN(r.Baseline) {
		return nil
	}
	var runs []layout.Run
	for _, run := range p.Runs {
		if math.Abs(run.Y-r.Baseline) <= baselineSlack {
			runs = append(runs, run)
		}
	}
	slices.SortStableFunc(runs, func(a, b layout.Run) int { return cmpFloat(a.X, b.X) })
	var line strings.Builder
	for _, run := range runs {
		line.WriteString(run.Text)
	}
	want := []rune(r.Text())
	marks := map[int]bool{}
	i, pending := 0, false
	for _, c := range line.String() {
		if unicode.IsSpace(c) || c == '\u3000' {
			pending = true
			continue
		}
		if i >= len(want) || want[i] != c {
			return nil
		}
		if pending && i > 0 {
			marks[i] = true
		}
		pending = false
		i++
	}
	if i != len(want) {
		return nil
	}
	return marks
}

// layoutSpread is the most space (in em) the layout added between the
// glyphs of the line of page p that row r prints: the character spacing (Tc)
// of its runs.
func layoutSpread(r *pdfread.Row, p *layout.Page) float64 {
	spread := 0.0
	for _, run := range p.Runs {
		if !math.IsNaN(r.Baseline) && math.Abs(run.Y-r.Baseline) <= baselineSlack && run.Size > 0 && utf8.RuneCountInString(run.Text) > 1 {
			spread = math.Max(spread, run.Spacing/run.Size)
		}
	}
	return spread
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// trimFaults lists the words of page p that cross its trim box.
func trimFaults(p *pdfread.Page) []string {
	var out []string
	for _, w := range p.Words {
		if w.X0 < -trimSlack || w.Y0 < -trimSlack || w.X1 > p.W+trimSlack || w.Y1 > p.H+trimSlack {
			out = append(out, fmt.Sprintf("%q at x %.1f–%.1f, y %.1f–%.1f outside the trim box %.1f × %.1f",
				pdfread.FirstRunes(w.Text, 12), w.X0, w.X1, w.Y0, w.Y1, p.W, p.H))
		}
	}
	return out
}

// box is a rectangle, y growing down.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) intersects(b box) bool {
	return math.Min(a.x1, b.x1)-math.Max(a.x0, b.x0) > overlapSlack &&
		math.Min(a.y1, b.y1)-math.Max(a.y0, b.y0) > overlapSlack
}

// emBox is a word's glyph box one em high around its baseline: a word that
// starts with a hanzi has that box already; a word that starts with a Latin
// letter or digit has the Latin font's taller box, from which m gives the
// size and the baseline.
func emBox(w pdfread.Word, m pdfread.BoxMetrics) box {
	if w.CJKStart() || m.LatinH <= 0 {
		return box{w.X0, w.Y0, w.X1, w.Y1}
	}
	size := w.Height() / m.LatinH
	base := w.Y1 - m.LatinDesc*size
	return box{w.X0, base - (1-m.CJKDesc)*size, w.X1, base + m.CJKDesc*size}
}

// overlapFaults lists the places on a page where lines overprint: glyph
// boxes of two different rows that intersect, and words of one row that
// share more than half an em.
func overlapFaults(p *pdfread.Page, m pdfread.BoxMetrics) []string {
	var out []string
	boxes := make([][]box, len(p.Rows))
	spans := make([]box, len(p.Rows))
	for i, r := range p.Rows {
		spans[i] = box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, w := range r.Words {
			b := emBox(w, m)
			boxes[i] = append(boxes[i], b)
			spans[i] = box{math.Min(spans[i].x0, b.x0), math.Min(spans[i].y0, b.y0), math.Max(spans[i].x1, b.x1), math.Max(spans[i].y1, b.y1)}
		}
	}
	for i := range p.Rows {
		for j := i + 1; j < len(p.Rows); j++ {
			if !spans[i].intersects(spans[j]) {
				continue
			}
		pairs:
			for a, ba := range boxes[i] {
				for b, bb := range boxes[j] {
					if ba.intersects(bb) {
						out = append(out, fmt.Sprintf("%q (line %q) overprints %q (line %q)",
							p.Rows[i].Words[a].Text, pdfread.FirstRunes(p.Rows[i].Text(), 16),
							p.Rows[j].Words[b].Text, pdfread.FirstRunes(p.Rows[j].Text(), 16)))
						break pairs
					}
				}
			}
		}
		r := p.Rows[i]
		for k := 1; k < len(r.Words); k++ {
			a, b := r.Words[k-1], r.Words[k]
			if leader(a.Text) || leader(b.Text) {
				continue
			}
			em := math.Max(a.Height(), b.Height())
			if r.Size > 0 {
				em = r.Size
			}
			if shared := math.Min(a.X1, b.X1) - math.Max(a.X0, b.X0); shared > maxSharedEm*em {
				out = append(out, fmt.Sprintf("%q and %q overprint by %.2f em in line %q", a.Text, b.Text, shared/em, pdfread.FirstRunes(r.Text(), 16)))
			}
		}
	}
	return out
}

// leader reports a word of leader dots (the 目录's ·····, ……), drawn close
// so that their boxes overlap while their dots do not.
func leader(s string) bool {
	return strings.Trim(s, "·.…⋯") == ""
}

func lastRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[len(r)-n:]
	}
	return string(r)
}
