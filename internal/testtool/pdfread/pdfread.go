// Package pdfread reads a built PDF back with poppler (pdftotext
// -bbox-layout, pdftotext -layout, pdfinfo -box) and qpdf, so that tests
// assert what was printed, not what the layout meant to print.
//
// It is for tests only, but a normal package so that the tests of any
// package (cmd/gazette, internal/build, render) can import it. It imports
// layout and fonts, never build, so that build's own tests may use it.
//
// Coordinates are pt (= bp) from the top-left corner of the TRIMMED page,
// y growing down — the same frame as layout's display list. poppler measures
// from the media box's corner; a print PDF with bleed has its trim box inset
// in it, so Read moves every box by the trim box's offset.
//
// pdftotext gives one box per word. The box of a word spans the advance
// widths of its glyphs horizontally and, vertically, the ascent and descent
// of the font of the word's FIRST glyph: a word that starts with a hanzi gets
// the ideographic box (height = the type size), one that starts with a Latin
// letter or digit gets the taller Latin box (TeX Gyre Termes: about 1.34 ×
// the size). Read calibrates both boxes against the layout's own runs and
// then reads every size and baseline from the PDF alone.
//
// A missing tool skips the test (fails it in CI), as testtool.Need does.
package pdfread

import (
	"html"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"gazette/internal/testtool"
	"gazette/layout"
)

// Page is one page of the PDF as pdftotext reads it.
type Page struct {
	N      int     // 1-based page number in the PDF
	W, H   float64 // the trim box
	Dx, Dy float64 // the trim box's top-left corner in poppler's frame (from the media box's top-left)
	MediaH float64 // the media box's height
	Words  []Word
	Rows   []*Row // top to bottom
	Layout string // pdftotext -layout text of the page
}

// Text is the squeezed text of the whole page.
func (p *Page) Text() string { return Squeeze(p.Layout) }

// Doc is a PDF read back: its pages and the calibrated word boxes.
type Doc struct {
	Path  string
	Pages []*Page
	Box   BoxMetrics
}

var cache sync.Map // PDF path → *Doc

var (
	pageRE = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRE = regexp.MustCompile(`<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>`)
)

// Read reads every page of pdf with pdftotext (once per PDF per test
// binary) and groups its words into rows, calibrating the word boxes on
// book, the layout the PDF was rendered from. The result is shared: callers
// only read it.
func Read(t testing.TB, pdf string, book *layout.Book) *Doc {
	t.Helper()
	if v, ok := cache.Load(pdf); ok {
		return v.(*Doc)
	}
	xml := testtool.Run(t, "pdftotext", "-enc", "UTF-8", "-bbox-layout", pdf, "-")
	text := testtool.Run(t, "pdftotext", "-enc", "UTF-8", "-layout", pdf, "-")
	d := &Doc{Path: pdf}
	locs := pageRE.FindAllStringSubmatchIndex(xml, -1)
	texts := strings.Split(text, "\f")
	boxes := PageBoxes(t, pdf, len(locs))
	for i, loc := range locs {
		end := len(xml)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		media, trim := boxes[i]["MediaBox"], boxes[i]["TrimBox"]
		p := &Page{N: i + 1, W: trim[2] - trim[0], H: trim[3] - trim[1],
			Dx: trim[0] - media[0], Dy: media[3] - trim[3], MediaH: media[3] - media[1]}
		if w := atof(t, xml[loc[2]:loc[3]]); math.Abs(w-(media[2]-media[0])) > 0.05 {
			t.Fatalf("%s page %d: pdftotext measures a page %.2f pt wide, pdfinfo a media box %.2f pt", pdf, i+1, w, media[2]-media[0])
		}
		for _, m := range wordRE.FindAllStringSubmatch(xml[loc[1]:end], -1) {
			p.Words = append(p.Words, Word{X0: atof(t, m[1]) - p.Dx, Y0: atof(t, m[2]) - p.Dy,
				X1: atof(t, m[3]) - p.Dx, Y1: atof(t, m[4]) - p.Dy, Text: html.UnescapeString(m[5])})
		}
		if i < len(texts) {
			p.Layout = texts[i]
		}
		d.Pages = append(d.Pages, p)
	}
	if len(d.Pages) != len(book.Pages) {
		t.Fatalf("%s: pdftotext reads %d pages, the layout has %d", pdf, len(d.Pages), len(book.Pages))
	}
	d.Box = calibrate(t, book, d.Pages)
	t.Logf("%s: word boxes calibrated on the layout: hanzi descend %.4f em below the baseline; Latin boxes %.4f em tall, descending %.4f em",
		filepath.Base(pdf), d.Box.CJKDesc, d.Box.LatinH, d.Box.LatinDesc)
	for _, p := range d.Pages {
		p.Rows = GroupRows(p.Words, d.Box)
	}
	cache.Store(pdf, d)
	return d
}

var boxRE = regexp.MustCompile(`Page\s+(\d+)\s+(MediaBox|TrimBox):\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)`)

// PageBoxes reads every page's media and trim boxes (PDF frame: x0 y0 x1 y1
// from the bottom-left) with pdfinfo -box.
func PageBoxes(t testing.TB, pdf string, n int) []map[string][4]float64 {
	t.Helper()
	out := testtool.Run(t, "pdfinfo", "-box", "-f", "1", "-l", strconv.Itoa(n), pdf)
	boxes := make([]map[string][4]float64, n)
	for _, m := range boxRE.FindAllStringSubmatch(out, -1) {
		i, _ := strconv.Atoi(m[1])
		if i < 1 || i > n {
			continue
		}
		if boxes[i-1] == nil {
			boxes[i-1] = map[string][4]float64{}
		}
		boxes[i-1][m[2]] = [4]float64{atof(t, m[3]), atof(t, m[4]), atof(t, m[5]), atof(t, m[6])}
	}
	for i, b := range boxes {
		if _, ok := b["MediaBox"]; !ok {
			t.Fatalf("pdfinfo -box: no MediaBox for page %d:\n%s", i+1, out)
		}
		if _, ok := b["TrimBox"]; !ok {
			b["TrimBox"] = b["MediaBox"]
		}
	}
	return boxes
}

func atof(t testing.TB, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("reading the PDF back: %q is not a number: %v", s, err)
	}
	return f
}
