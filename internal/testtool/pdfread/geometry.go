package pdfread

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gazette/layout"
)

// sizeTolerance (pt) is how close a row's size read from its boxes must be
// to a type size to count as set in it.
const sizeTolerance = 0.3

var folioRE = regexp.MustCompile(`^—(\d+)—$`)

// Geom is where things are on one page of the PDF.
type Geom struct {
	*Page
	Folio       int     // the number printed in "— N —", 0 if none
	FolioRow    *Row    // nil if none
	Recto       bool    // odd folio
	Left, Right float64 // type area
	Top, Bottom float64
}

// Geometry classifies every page of the PDF from what is printed on it: a
// row "— N —" below st's type area is the page's folio, and the type area
// is st's on that side.
func Geometry(d *Doc, st *layout.Style) []*Geom {
	var out []*Geom
	for _, p := range d.Pages {
		g := &Geom{Page: p, Top: st.Top, Bottom: st.Top + st.TextHeight()}
		for _, r := range p.Rows {
			if m := folioRE.FindStringSubmatch(r.Text()); m != nil && r.Y0 > g.Bottom {
				g.Folio, _ = strconv.Atoi(m[1])
				g.FolioRow = r
			}
		}
		g.Recto = g.Folio%2 == 1
		g.Left = st.Left(g.Recto)
		g.Right = g.Left + st.TextWidth()
		out = append(out, g)
	}
	return out
}

// HeadRows are the rows above the type area.
func (g *Geom) HeadRows() []*Row {
	var out []*Row
	for _, r := range g.Rows {
		if r.Y1 < g.Top {
			out = append(out, r)
		}
	}
	return out
}

// AreaRows are the rows inside the type area (between head and folio).
func (g *Geom) AreaRows() []*Row {
	var out []*Row
	for _, r := range g.Rows {
		if r.CY() > g.Top && r.CY() < g.Bottom {
			out = append(out, r)
		}
	}
	return out
}

// SizedRows are the type-area rows in one type size.
func (g *Geom) SizedRows(size float64) []*Row {
	var out []*Row
	for _, r := range g.AreaRows() {
		if math.Abs(r.Size-size) <= sizeTolerance {
			out = append(out, r)
		}
	}
	return out
}

// TopTitle is the text of the rows in titleSize that open the page's type
// area ("" when the page does not open with a title).
func (g *Geom) TopTitle(titleSize float64) string {
	var b strings.Builder
	for _, r := range g.AreaRows() {
		if math.Abs(r.Size-titleSize) > sizeTolerance {
			break
		}
		b.WriteString(r.Text())
	}
	return b.String()
}

// PageOfFolio is the index (0-based) of the page printing folio n, or -1.
func PageOfFolio(gs []*Geom, n int) int {
	for i, g := range gs {
		if g.Folio == n {
			return i
		}
	}
	return -1
}

// TOCEntry is one entry of the 目录 as printed.
type TOCEntry struct {
	Title string  // squeezed, without 发文字号, leaders and page number
	Folio int     // the printed page number
	Row   *Row    // the row that prints （N）
	NumX  float64 // centre of the （N） word
	NumY  float64
}

var (
	tocNumRE    = regexp.MustCompile(`[…·]*（(\d+)）$`)
	tocDocNumRE = regexp.MustCompile(`（[^（）]*〔\d{4}〕\d+号）$`)
)

// TOCPage is the index of the front-matter page printing 目录, or -1.
func TOCPage(gs []*Geom) int {
	for i, g := range gs {
		if g.Folio > 0 {
			break
		}
		if strings.Contains(g.Text(), "目录") {
			return i
		}
	}
	return -1
}

// TOCEntries parses the 目录 page: after a section name (one of sections),
// every row that ends in （N） closes an entry whose title is the rows since
// the last one.
func TOCEntries(g *Geom, sections []string) []TOCEntry {
	var out []TOCEntry
	var pending strings.Builder
	inSection := false
	for _, r := range g.Rows {
		text := r.Text()
		if slices.Contains(sections, text) {
			pending.Reset()
			inSection = true
			continue
		}
		if !inSection {
			continue
		}
		m := tocNumRE.FindStringSubmatchIndex(text)
		if m == nil {
			pending.WriteString(text)
			continue
		}
		n, _ := strconv.Atoi(text[m[2]:m[3]])
		title := tocDocNumRE.ReplaceAllString(pending.String()+text[:m[0]], "")
		num := r.Words[len(r.Words)-1]
		out = append(out, TOCEntry{Title: title, Folio: n, Row: r, NumX: (num.X0 + num.X1) / 2, NumY: num.CY()})
		pending.Reset()
	}
	return out
}
