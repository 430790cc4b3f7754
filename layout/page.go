package layout

import (
	"unicode/utf8"

	"gazette/fonts"
	"gazette/internal/model"
)

// Book is the laid-out issue: every page, in reading order, and the outline.
// It is all a renderer needs.
type Book struct {
	Title    string // PDF title: gazette name, year and issue
	Pages    []*Page
	Outline  []Bookmark
	Width    float64 // trimmed page size
	Height   float64
	Warnings []string // layout problems the office may want to fix (gazette check prints them)
}

// Page is one trimmed page's display list.
type Page struct {
	Folio     int    // body page number printed in the folio, 0 for front matter
	Label     string // page label for viewers: "i", "ii", "1", …
	Recto     bool   // a right-hand (odd) page
	Blank     bool   // a page added for the binding (binding.go): it counts, but prints nothing
	BackCover bool   // part of the back cover (封三, 封四), which stays last when pages are added
	Runs      []Run
	Rules     []Rule
	Boxes     []FillBox
	Images    []Picture
	Links     []Link
}

// Run is a sequence of glyphs in one face and size on one baseline, each
// glyph advancing by its font advance plus Spacing: the renderer draws it with
// one text operator and a character-spacing (Tc) of Spacing.
type Run struct {
	X, Y    float64 // origin of the first glyph on the baseline
	Role    fonts.Role
	Size    float64
	Spacing float64
	Text    string
	Color   Color
	// FakeBold strokes the glyphs' outlines as well as filling them, with a
	// line FakeBoldStroke em wide, in the text's colour.
	FakeBold bool
	// Turned runs the text up the page, turned 90° counter-clockwise about
	// (X, Y): the text of a table set turned (layout/table.go, turnedTable).
	Turned bool
	// Elem is what the run is in the document's structure (tags.go); nil
	// for front matter and artifacts.
	Elem *Elem
	// Artifact marks a running head, a folio or a repeated table header:
	// page furniture, not content (ISO 32000-1 14.8.2.2).
	Artifact bool
	// Cuts are the glyphs of the run that the next glyph overlaps because
	// punctuation compression moved it back, in the order of Text.
	Cuts []Cut
}

// Cut is how much of a glyph's advance the next glyph overlaps because
// compression moved that glyph back (相邻标点挤压, 开明式, a squeezed line):
// Right, in points, from the end of glyph Index of Text. A renderer draws the glyph narrowed by as
// much on the right, its outline and every origin where they are, so that
// no two glyph boxes of a line overlap and text extraction reads the line
// whole (docs/line-composition.md#compressed-marks-in-the-pdf).
type Cut struct {
	Index int
	Right float64
}

// FakeBoldStroke is the outline stroke of fake bold, in em: about the weight
// step from a regular to a bold CJK face, as Word and xeCJK's AutoFakeBold
// draw it.
const FakeBoldStroke = 0.03

// Color is a process colour in CMYK fractions. The zero value is black as
// pure K (C = M = Y = 0, K = 1 is written as DeviceGray 0: docs/pdfx.md#colour).
type Color struct {
	C, M, Y, K float64
	set        bool
}

// CMYK returns a process colour.
func CMYK(c, m, y, k float64) Color { return Color{C: c, M: m, Y: y, K: k, set: true} }

// IsBlack reports whether the colour is pure K black (the default).
func (c Color) IsBlack() bool { return !c.set || (c.C == 0 && c.M == 0 && c.Y == 0 && c.K == 1) }

// Red is the red of GB/T 9704-2012 6.2: M80 Y80.
var Red = CMYK(0, 0.8, 0.8, 0)

// Rule is a straight line (running-head rule, table grid, cover rules).
type Rule struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Color          Color
	Bleed          bool // an end on the trim edge runs on into the bleed (see FillBox.Bleed)
}

// FillBox is a filled rectangle in a grey level (0 = black, 1 = white).
type FillBox struct {
	X, Y, W, H float64
	Gray       float64
	// Bleed marks a box printed to the edge of the page: the renderer extends
	// every side that lies on the trim edge out to the bleed edge, so that no
	// white sliver shows where the guillotine cuts a little off (docs/pdfx.md#bleed:
	// only what touches the trim needs to reach into the bleed).
	Bleed bool
}

// Picture is an image placed in a box.
type Picture struct {
	Path       string // the file, or a name for a picture that came inside a document
	Data       []byte // that picture's bytes; nil: read Path
	X, Y, W, H float64
	Elem       *Elem // its Figure element (tags.go)
}

// Link is a clickable rectangle that jumps to a page of the book.
type Link struct {
	X, Y, W, H float64
	Target     int   // index into Book.Pages
	Elem       *Elem // the structure element the link belongs to (tags.go), or nil
}

// Bookmark is an outline entry pointing at a page.
type Bookmark struct {
	Title string
	Level int // 0 section, 1 document
	Page  int // index into Book.Pages
	// Doc is the document a level-1 bookmark opens, nil for a section; a
	// volume's 年度总目录 reads its 发文字号 and kind from it.
	Doc *model.Document
}

// addLine turns a composed line into runs at (x, baseline y) on the page.
func (p *Page) addLine(l *Line, x, y float64, m Metrics) {
	p.Runs = appendRuns(p.Runs, l.Glyphs, x, y, m)
}

// addColoredLine is addLine in a colour.
func (p *Page) addColoredLine(l *Line, x, y float64, m Metrics, c Color) {
	n := len(p.Runs)
	p.addLine(l, x, y, m)
	for i := n; i < len(p.Runs); i++ {
		p.Runs[i].Color = c
	}
}

// packRuns groups consecutive glyphs of one face and size whose gaps are all
// the same extra spacing, so a line becomes a handful of text operators.
//
// A glyph that the next one overlaps — a mark whose blank half a
// compressed pair takes (）》, 。」: docs/line-composition.md#glyph-boxes) —
// ends its run with a spacing of its own, the gap to the next glyph, and
// the next glyph starts a run at its own position. Readers leave the
// spacing out of a glyph's box, so the overlap itself is recorded as a Cut
// (appendCuts) for the renderer to draw the glyph narrowed.
func packRuns(gs []Glyph, x, y float64, m Metrics) []Run {
	return appendRuns(nil, gs, x, y, m)
}

// appendRuns appends the runs packRuns makes of gs to runs. The runs'
// texts are pieces of one string, the line's: one allocation a line.
func appendRuns(runs []Run, gs []Glyph, x, y float64, m Metrics) []Run {
	var advBuf [lineBuf]float64
	var textBuf [4 * lineBuf]byte
	advs, text := advBuf[:0], textBuf[:0]
	for k := range gs {
		a, _ := m.Advance(gs[k].Role, gs[k].R)
		advs = append(advs, a*gs[k].Size)
		text = utf8.AppendRune(text, gs[k].R)
	}
	line := string(text)
	gap := func(k int) float64 { return gs[k+1].X - gs[k].X - advs[k] }
	off := 0 // where glyph i's text starts in line
	for i := 0; i < len(gs); {
		spacing := 0.0
		if i+1 < len(gs) && (same(gs[i], gs[i+1]) || gap(i) < -overlapTolerance) {
			spacing = gap(i)
		}
		j := i + 1
		for j < len(gs) && same(gs[i], gs[j]) && abs(gap(j-1)-spacing) < 0.005 {
			j++
		}
		if j-1 > i && j < len(gs) && gap(j-1) < spacing-overlapTolerance {
			j-- // the run's last glyph is overlapped: it starts a run of its own
		}
		end := off
		for k := i; k < j; k++ {
			end += utf8.RuneLen(utf8ValidRune(gs[k].R))
		}
		run := Run{X: x + gs[i].X, Y: y, Role: gs[i].Role, Size: gs[i].Size, Spacing: spacing, Text: line[off:end], FakeBold: gs[i].FakeBold}
		run.Cuts = appendCuts(run.Cuts, gs, advs, i, j)
		runs = append(runs, run)
		i, off = j, end
	}
	return runs
}

// lineBuf is how many glyphs of a line appendRuns measures and spells in
// buffers on the stack; a longer line's grow on the heap.
const lineBuf = 64

// utf8ValidRune is r, or the replacement character that string conversion
// writes for an invalid r.
func utf8ValidRune(r rune) rune {
	if !utf8.ValidRune(r) {
		return utf8.RuneError
	}
	return r
}

// appendCuts finds where a glyph's advance overlaps the next glyph because
// compression moved that glyph back — a closing mark's right blank or an
// opening mark's left blank taken — and records the overlap as a cut on the
// right of the first glyph of the pair, whichever mark lost the blank: the
// glyph to the right is not moved, so every glyph prints at the very point
// it did (an opening mark drawn narrowed from the left would move its
// origin, and rasterisers place glyphs on a quarter-pixel grid from their
// origin: its pixels would change). A glyph's box is its advance alone:
// readers take the character spacing out of it (poppler does), so a run
// whose first pair is compressed, its spacing negative, has its cut glyph
// inside it. The run is gs[i:j], advs their advances.
func appendCuts(cuts []Cut, gs []Glyph, advs []float64, i, j int) []Cut {
	for k := i; k < j && k+1 < len(gs); k++ {
		a, b := gs[k], gs[k+1]
		if a.CutR <= 0 && b.CutL <= 0 {
			continue
		}
		if over := min(a.X+advs[k]-b.X, a.CutR+b.CutL); over > minCut*a.Size {
			cuts = append(cuts, Cut{Index: k - i, Right: over})
		}
	}
	return cuts
}

// minCut is the least overlap, in em, that a glyph is narrowed for: a
// smaller one is rounding.
const minCut = 0.001

// overlapTolerance is how far, in points, a glyph may reach over the next
// before packRuns gives it a spacing of its own: more than rounding, less
// than any compression (a quarter em of the smallest type).
const overlapTolerance = 0.5

func same(a, b Glyph) bool { return a.Role == b.Role && a.Size == b.Size && a.FakeBold == b.FakeBold }

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// box draws the four sides of a rectangle.
func (p *Page) box(left, top, right, bottom, width float64) {
	p.Rules = append(p.Rules,
		Rule{X1: left, Y1: top, X2: right, Y2: top, Width: width},
		Rule{X1: left, Y1: bottom, X2: right, Y2: bottom, Width: width},
		Rule{X1: left, Y1: top, X2: left, Y2: bottom, Width: width},
		Rule{X1: right, Y1: top, X2: right, Y2: bottom, Width: width})
}
