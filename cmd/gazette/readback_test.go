package main

// Reading a built PDF back with poppler (pdftotext -bbox-layout, pdftotext
// -layout) and qpdf, so that the end-to-end tests assert what was printed,
// not what the layout meant to print.
//
// Coordinates are pt (= bp) from the top-left corner of the TRIMMED page,
// y growing down — the same frame as layout's display list. poppler measures
// from the media box's corner; a print PDF with bleed has its trim box inset
// in it, so rbReadPDF moves every box by the trim box's offset (pdfinfo -box).
//
// pdftotext gives one box per word. The box of a word spans the advance
// widths of its glyphs horizontally and, vertically, the ascent and descent
// of the font of the word's FIRST glyph: a word that starts with a hanzi gets
// the ideographic box (height = the type size), one that starts with a Latin
// letter or digit gets the taller Latin box (TeX Gyre Termes: about 1.34 ×
// the size). The tests calibrate both boxes against the layout's own runs
// (rbCalibrate) and then read every size and baseline from the PDF alone.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"gazette/fonts"
	"gazette/internal/build"
	"gazette/layout"
)

// rbTestRoot is a temp dir for builds shared by the whole test binary.
var rbTestRoot string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gazette-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	rbTestRoot = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// A shared build: built at most once per test binary, read only.
type rbSharedBuild struct {
	once sync.Once
	is   *build.Issue
	pdf  string
	err  error
}

func (s *rbSharedBuild) get(t *testing.T, name string, prepare func(dir string) (string, error)) (*build.Issue, string) {
	t.Helper()
	s.once.Do(func() {
		dir := filepath.Join(rbTestRoot, name)
		if s.err = os.MkdirAll(dir, 0o755); s.err != nil {
			return
		}
		manifest, err := prepare(dir)
		if err != nil {
			s.err = err
			return
		}
		s.is, s.pdf, s.err = build.Build(manifest, filepath.Join(dir, "issue.pdf"))
	})
	if s.err != nil {
		t.Fatalf("build %s: %v", name, s.err)
	}
	return s.is, s.pdf
}

var rbSampleBuild rbSharedBuild

// cachedSample is the sample issue, built once per test binary.
func cachedSample(t *testing.T) (*build.Issue, string) {
	t.Helper()
	return rbSampleBuild.get(t, "sample", func(string) (string, error) { return sample, nil })
}

// ---------------------------------------------------------------------------
// Reading the PDF back

type rbWord struct {
	X0, Y0, X1, Y1 float64
	Text           string
}

func (w rbWord) cy() float64 { return (w.Y0 + w.Y1) / 2 }
func (w rbWord) h() float64  { return w.Y1 - w.Y0 }

func (w rbWord) first() rune { r, _ := utf8.DecodeRuneInString(w.Text); return r }

// latinStart reports whether the word's box is the Latin font's: it starts
// with an ASCII or other Western character (the latin role sets them all;
// “ ” ‘ ’ — … are set in the CJK faces).
func (w rbWord) latinStart() bool { return w.first() < 0x2000 }

// cjkStart reports whether the word's box is a CJK font's.
func (w rbWord) cjkStart() bool { return w.first() >= 0x2000 }

// opening reports whether the word starts with an opening bracket or quote,
// whose ink sits in the right half of its box.
func (w rbWord) opening() bool { return strings.ContainsRune(typoNoLineEnd, w.first()) }

// rbRow is the words of a page that share one line of type: one baseline,
// left to right. pdftotext may cut a justified line into several "lines";
// a row puts them back together.
type rbRow struct {
	Words          []rbWord
	X0, X1, Y0, Y1 float64
	Size           float64 // type size read from the boxes; 0 if unknown
	Baseline       float64 // NaN if unknown
}

// Text is the row's text without the spaces pdftotext would add.
func (r *rbRow) Text() string {
	var b strings.Builder
	for _, w := range r.Words {
		b.WriteString(w.Text)
	}
	return squeeze(b.String())
}

func (r *rbRow) cy() float64 { return (r.Y0 + r.Y1) / 2 }

func (r *rbRow) lastRune() rune {
	s := r.Text()
	l, _ := utf8.DecodeLastRuneInString(s)
	return l
}

func (r *rbRow) firstRune() rune {
	f, _ := utf8.DecodeRuneInString(r.Text())
	return f
}

// fields splits the row at gaps wider than maxGap and joins the words of a
// field as printed: a gap of about one em (em = size) is a full-width space
// "　", a smaller visible gap a space, touching words nothing.
func (r *rbRow) fields(em, maxGap float64) []rbField {
	var out []rbField
	for i, w := range r.Words {
		if i == 0 || w.X0-r.Words[i-1].X1 > maxGap {
			out = append(out, rbField{X0: w.X0, X1: w.X1, Text: w.Text})
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

type rbField struct {
	X0, X1 float64
	Text   string
}

type rbPage struct {
	N      int     // 1-based page number in the PDF
	W, H   float64 // the trim box
	Dx, Dy float64 // the trim box's top-left corner in poppler's frame (from the media box's top-left)
	MediaH float64 // the media box's height
	Words  []rbWord
	Rows   []*rbRow // top to bottom
	Layout string   // pdftotext -layout text of the page
}

// Text is the squeezed text of the whole page.
func (p *rbPage) Text() string { return squeeze(p.Layout) }

// rbBoxMetrics turns word boxes into sizes and baselines: for a box that
// starts with a hanzi, baseline = yMax − CJKDesc × height (height = size);
// for one that starts with a Latin letter or digit, size = height / LatinH
// and baseline = yMax − LatinDesc × size.
type rbBoxMetrics struct {
	CJKDesc, LatinDesc, LatinH float64
}

type rbDoc struct {
	Path  string
	Pages []*rbPage
	Box   rbBoxMetrics
}

var rbCache sync.Map // PDF path → *rbDoc

var (
	rbPageRE = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	rbWordRE = regexp.MustCompile(`<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>`)
)

// rbReadPDF reads every page of pdf with pdftotext (once per PDF per test
// binary) and groups its words into rows, calibrating the boxes on is's layout.
func rbReadPDF(t *testing.T, pdf string, is *build.Issue) *rbDoc {
	t.Helper()
	if v, ok := rbCache.Load(pdf); ok {
		return v.(*rbDoc)
	}
	xml := runTool(t, "pdftotext", "-enc", "UTF-8", "-bbox-layout", pdf, "-")
	text := runTool(t, "pdftotext", "-enc", "UTF-8", "-layout", pdf, "-")
	rb := &rbDoc{Path: pdf}
	locs := rbPageRE.FindAllStringSubmatchIndex(xml, -1)
	texts := strings.Split(text, "\f")
	boxes := rbPageBoxes(t, pdf, len(locs))
	for i, loc := range locs {
		end := len(xml)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		media, trim := boxes[i]["MediaBox"], boxes[i]["TrimBox"]
		p := &rbPage{N: i + 1, W: trim[2] - trim[0], H: trim[3] - trim[1],
			Dx: trim[0] - media[0], Dy: media[3] - trim[3], MediaH: media[3] - media[1]}
		if w := rbAtof(xml[loc[2]:loc[3]]); math.Abs(w-(media[2]-media[0])) > 0.05 {
			t.Fatalf("%s page %d: pdftotext measures a page %.2f pt wide, pdfinfo a media box %.2f pt", pdf, i+1, w, media[2]-media[0])
		}
		for _, m := range rbWordRE.FindAllStringSubmatch(xml[loc[1]:end], -1) {
			p.Words = append(p.Words, rbWord{X0: rbAtof(m[1]) - p.Dx, Y0: rbAtof(m[2]) - p.Dy, X1: rbAtof(m[3]) - p.Dx, Y1: rbAtof(m[4]) - p.Dy,
				Text: html.UnescapeString(m[5])})
		}
		if i < len(texts) {
			p.Layout = texts[i]
		}
		rb.Pages = append(rb.Pages, p)
	}
	if len(rb.Pages) != len(is.Book.Pages) {
		t.Fatalf("%s: pdftotext reads %d pages, the layout has %d", pdf, len(rb.Pages), len(is.Book.Pages))
	}
	rb.Box = rbCalibrate(t, is, rb.Pages)
	t.Logf("%s: word boxes calibrated on the layout: hanzi descend %.4f em below the baseline; Latin boxes %.4f em tall, descending %.4f em",
		filepath.Base(pdf), rb.Box.CJKDesc, rb.Box.LatinH, rb.Box.LatinDesc)
	for _, p := range rb.Pages {
		p.Rows = rbGroupRows(p.Words, rb.Box)
	}
	rbCache.Store(pdf, rb)
	return rb
}

var rbBoxRE = regexp.MustCompile(`Page\s+(\d+)\s+(MediaBox|TrimBox):\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)`)

// rbPageBoxes reads every page's media and trim boxes (PDF frame: x0 y0 x1 y1
// from the bottom-left) with pdfinfo -box.
func rbPageBoxes(t *testing.T, pdf string, n int) []map[string][4]float64 {
	t.Helper()
	out := runTool(t, "pdfinfo", "-box", "-f", "1", "-l", strconv.Itoa(n), pdf)
	boxes := make([]map[string][4]float64, n)
	for _, m := range rbBoxRE.FindAllStringSubmatch(out, -1) {
		i, _ := strconv.Atoi(m[1])
		if i < 1 || i > n {
			continue
		}
		if boxes[i-1] == nil {
			boxes[i-1] = map[string][4]float64{}
		}
		boxes[i-1][m[2]] = [4]float64{rbAtof(m[3]), rbAtof(m[4]), rbAtof(m[5]), rbAtof(m[6])}
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

func rbAtof(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return f
}

// rbCalibrate measures the word boxes of the body fonts against the layout:
// a run of the layout starts a word in the PDF at the run's origin, and the
// run's Y is its baseline.
func rbCalibrate(t *testing.T, is *build.Issue, pages []*rbPage) rbBoxMetrics {
	t.Helper()
	desc := map[fonts.Role][]float64{}
	var latDesc, latH []float64
	var fangSize, fangOff []float64 // 仿宋 runs: size and yMax − baseline in pt
	for pi, lp := range is.Book.Pages {
		if lp.Folio == 0 {
			continue
		}
		for _, r := range lp.Runs {
			first, _ := utf8.DecodeRuneInString(r.Text)
		words:
			for _, w := range pages[pi].Words {
				if math.Abs(w.X0-r.X) > 0.3 || w.first() != first || math.Abs(w.Y1-r.Y) > r.Size/2 {
					continue
				}
				switch {
				case r.Role == fonts.Latin && w.latinStart():
					latDesc = append(latDesc, (w.Y1-r.Y)/r.Size)
					latH = append(latH, w.h()/r.Size)
				case r.Role != fonts.Latin && w.cjkStart() && unicode.Is(unicode.Han, first):
					desc[r.Role] = append(desc[r.Role], (w.Y1-r.Y)/r.Size)
					if r.Role == fonts.Fang {
						fangSize = append(fangSize, r.Size)
						fangOff = append(fangOff, w.Y1-r.Y)
					}
				}
				break words
			}
		}
	}
	if len(desc[fonts.Fang]) == 0 || len(latDesc) == 0 {
		t.Fatalf("cannot calibrate the word boxes: %d 仿宋 and %d Latin runs of the layout found in the PDF",
			len(desc[fonts.Fang]), len(latDesc))
	}
	m := rbBoxMetrics{CJKDesc: rbMedian(desc[fonts.Fang]), LatinDesc: rbMedian(latDesc), LatinH: rbMedian(latH)}
	// Calibrating on the layout must not hide a renderer that moves every
	// baseline: a box's distance below the baseline is a font property and
	// grows with the size, a shift would not. Fit offset = a × size + b over
	// the 仿宋 runs (body 16 bp and table 12 bp): b is the shift.
	if lo, hi := rbMinMax(fangSize); hi-lo >= 2 {
		a, b := rbFitLine(fangSize, fangOff)
		t.Logf("仿宋 boxes at %g–%g bp: yMax = baseline + %.4f em + %.3f pt (renderer's shift of the baselines)", lo, hi, a, b)
		if math.Abs(b) > 0.25 {
			t.Fatalf("the PDF's 仿宋 boxes sit %.2f pt + %.4f em below the layout's baselines: the renderer shifts every line by %.2f pt", b, a, b)
		}
	}
	// The body sizes are set in 仿宋, 黑体 and 楷体: their boxes must agree
	// with 仿宋's, or baselines read from the PDF would depend on the face.
	for _, role := range []fonts.Role{fonts.Hei, fonts.Kai} {
		for _, d := range desc[role] {
			if math.Abs(d-m.CJKDesc)*16 > 0.1 {
				t.Fatalf("word boxes of %s descend %.4f em, 仿宋 %.4f em: baselines cannot be read alike", role, d, m.CJKDesc)
			}
		}
	}
	return m
}

func rbMinMax(xs []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi
}

// rbFitLine fits y = a·x + b by least squares.
func rbFitLine(xs, ys []float64) (a, b float64) {
	n := float64(len(xs))
	var sx, sy, sxx, sxy float64
	for i := range xs {
		sx, sy = sx+xs[i], sy+ys[i]
		sxx, sxy = sxx+xs[i]*xs[i], sxy+xs[i]*ys[i]
	}
	a = (n*sxy - sx*sy) / (n*sxx - sx*sx)
	return a, (sy - a*sx) / n
}

func rbMedian(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// rbGroupRows puts words whose boxes share a vertical centre (CJK and Latin
// boxes of one size are centred within 0.2 pt of each other) into rows.
func rbGroupRows(words []rbWord, m rbBoxMetrics) []*rbRow {
	ws := append([]rbWord(nil), words...)
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].cy() < ws[j].cy() })
	var rows []*rbRow
	var anchor float64
	for _, w := range ws {
		if len(rows) == 0 || w.cy()-anchor > 2.5 {
			rows = append(rows, &rbRow{})
			anchor = w.cy()
		}
		r := rows[len(rows)-1]
		r.Words = append(r.Words, w)
	}
	for _, r := range rows {
		// Left to right. Compressed marks may share an origin (”、“: the
		// 、 inks the left half of an em, the “ the right half): the
		// opening mark then reads second.
		sort.SliceStable(r.Words, func(i, j int) bool {
			a, b := r.Words[i], r.Words[j]
			if math.Abs(a.X0-b.X0) < 0.5 && a.opening() != b.opening() {
				return b.opening()
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
			case w.cjkStart():
				cjkSize = append(cjkSize, w.h())
				cjkBase = append(cjkBase, w.Y1-m.CJKDesc*w.h())
			case w.latinStart():
				s := w.h() / m.LatinH
				latSize = append(latSize, s)
				latBase = append(latBase, w.Y1-m.LatinDesc*s)
			}
		}
		r.Baseline = math.NaN()
		switch {
		case len(cjkSize) > 0:
			r.Size, r.Baseline = rbMedian(cjkSize), rbMedian(cjkBase)
		case len(latSize) > 0:
			r.Size, r.Baseline = rbMedian(latSize), rbMedian(latBase)
		}
	}
	return rows
}

// ---------------------------------------------------------------------------
// Pages: front matter, body pages, type area, running heads, folios

var rbFolioRE = regexp.MustCompile(`^—(\d+)—$`)

// rbGeom is where things are on one page of the PDF.
type rbGeom struct {
	*rbPage
	Folio       int     // the number printed in "— N —", 0 if none
	FolioRow    *rbRow  // nil if none
	Recto       bool    // odd folio
	Left, Right float64 // type area
	Top, Bottom float64
}

// rbGeometry classifies every page of the PDF from what is printed on it.
func rbGeometry(rb *rbDoc, st *layout.Style) []*rbGeom {
	var out []*rbGeom
	for _, p := range rb.Pages {
		g := &rbGeom{rbPage: p, Top: st.Top, Bottom: st.Top + st.TextHeight()}
		for _, r := range p.Rows {
			if m := rbFolioRE.FindStringSubmatch(r.Text()); m != nil && r.Y0 > g.Bottom {
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

// headRows are the rows above the type area.
func (g *rbGeom) headRows() []*rbRow {
	var out []*rbRow
	for _, r := range g.Rows {
		if r.Y1 < g.Top {
			out = append(out, r)
		}
	}
	return out
}

// areaRows are the rows inside the type area (between head and folio).
func (g *rbGeom) areaRows() []*rbRow {
	var out []*rbRow
	for _, r := range g.Rows {
		if r.cy() > g.Top && r.cy() < g.Bottom {
			out = append(out, r)
		}
	}
	return out
}

// sizedRows are the type-area rows in one type size (± 0.3 pt).
func (g *rbGeom) sizedRows(size float64) []*rbRow {
	var out []*rbRow
	for _, r := range g.areaRows() {
		if math.Abs(r.Size-size) <= 0.3 {
			out = append(out, r)
		}
	}
	return out
}

// topTitle is the text of the title-size rows that open the page's type
// area ("" when the page does not open with a title).
func (g *rbGeom) topTitle(st *layout.Style) string {
	var b strings.Builder
	for _, r := range g.areaRows() {
		if math.Abs(r.Size-st.TitleSize) > 0.3 {
			break
		}
		b.WriteString(r.Text())
	}
	return b.String()
}

// rbPageOfFolio is the index (0-based) of the page printing folio n, or -1.
func rbPageOfFolio(gs []*rbGeom, n int) int {
	for i, g := range gs {
		if g.Folio == n {
			return i
		}
	}
	return -1
}

func rbStyle(t *testing.T, is *build.Issue) *layout.Style {
	t.Helper()
	st, err := layout.Preset(is.Manifest.Layout.Preset)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(st.PageWidth-is.Book.Width) > 0.01 || math.Abs(st.PageHeight-is.Book.Height) > 0.01 {
		t.Fatalf("the book's pages are %.2f × %.2f bp, preset %q's %.2f × %.2f: the test reads the type area from the preset",
			is.Book.Width, is.Book.Height, st.Name, st.PageWidth, st.PageHeight)
	}
	return st
}

// rbSampleGeometry is the sample built, read back and classified.
func rbSampleGeometry(t *testing.T) (*build.Issue, *rbDoc, *layout.Style, []*rbGeom) {
	t.Helper()
	is, pdf := cachedSample(t)
	rb := rbReadPDF(t, pdf, is)
	st := rbStyle(t, is)
	return is, rb, st, rbGeometry(rb, st)
}

func rbFirstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// rbIssueLabel is how the running head and the 目录 header name the issue.
func rbIssueLabel(is *build.Issue) string {
	m := is.Manifest.Issue
	return fmt.Sprintf("%d年第%d期", m.Year, m.Number)
}

// ---------------------------------------------------------------------------
// 目录

type rbTOCEntry struct {
	Title string  // squeezed, without 发文字号, leaders and page number
	Folio int     // the printed page number
	Row   *rbRow  // the row that prints （N）
	NumX  float64 // centre of the （N） word
	NumY  float64
}

var (
	rbTOCNumRE    = regexp.MustCompile(`[…·]*（(\d+)）$`)
	rbTOCDocNumRE = regexp.MustCompile(`（[^（）]*〔\d{4}〕\d+号）$`)
)

// rbTOCPage is the index of the front-matter page printing 目录, or -1.
func rbTOCPage(gs []*rbGeom) int {
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

// rbTOCEntries parses the 目录 page: after a section name, every row that
// ends in （N） closes an entry whose title is the rows since the last one.
func rbTOCEntries(g *rbGeom, sections []string) []rbTOCEntry {
	var out []rbTOCEntry
	var pending strings.Builder
	inSection := false
	for _, r := range g.Rows {
		text := r.Text()
		if rbContains(sections, text) {
			pending.Reset()
			inSection = true
			continue
		}
		if !inSection {
			continue
		}
		m := rbTOCNumRE.FindStringSubmatchIndex(text)
		if m == nil {
			pending.WriteString(text)
			continue
		}
		n, _ := strconv.Atoi(text[m[2]:m[3]])
		title := rbTOCDocNumRE.ReplaceAllString(pending.String()+text[:m[0]], "")
		num := r.Words[len(r.Words)-1]
		out = append(out, rbTOCEntry{Title: title, Folio: n, Row: r, NumX: (num.X0 + num.X1) / 2, NumY: num.cy()})
		pending.Reset()
	}
	return out
}

func rbContains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func rbSectionTitles(is *build.Issue) []string {
	var out []string
	for _, s := range is.Manifest.Issue.Sections {
		out = append(out, s.Title)
	}
	return out
}

// pdfLink is a link annotation: its rectangle (top-down pt) and target page.
type rbLink struct {
	X0, Y0, X1, Y1 float64
	Target         int // 0-based page index, -1 if unresolved
}

// rbLinks reads every page's link annotations with qpdf --json.
func rbLinks(t *testing.T, rb *rbDoc) map[int][]rbLink {
	t.Helper()
	out := runTool(t, "qpdf", "--json", rb.Path)
	var j struct {
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	if len(j.QPDF) < 2 {
		t.Fatalf("qpdf --json: no objects (qpdf too old?)")
	}
	var objs map[string]struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(j.QPDF[1], &objs); err != nil {
		t.Fatalf("qpdf --json objects: %v", err)
	}
	pageIndex := map[string]int{}
	for i, p := range j.Pages {
		pageIndex[p.Object] = i
	}
	resolve := func(v json.RawMessage) json.RawMessage {
		var ref string
		if json.Unmarshal(v, &ref) == nil && strings.HasSuffix(ref, " R") {
			return objs["obj:"+ref].Value
		}
		return v
	}
	links := map[int][]rbLink{}
	for i, p := range j.Pages {
		var page struct {
			Annots json.RawMessage `json:"/Annots"`
		}
		json.Unmarshal(objs["obj:"+p.Object].Value, &page)
		var annots []json.RawMessage
		json.Unmarshal(resolve(page.Annots), &annots)
		pp := rb.Pages[i]
		h := pp.MediaH // media box assumed to start at 0 0, as pdfinfo shows
		for _, a := range annots {
			var an struct {
				Subtype string            `json:"/Subtype"`
				Rect    []float64         `json:"/Rect"`
				Dest    []json.RawMessage `json:"/Dest"`
				A       struct {
					S string            `json:"/S"`
					D []json.RawMessage `json:"/D"`
				} `json:"/A"`
			}
			json.Unmarshal(resolve(a), &an)
			if an.Subtype != "/Link" || len(an.Rect) != 4 {
				continue
			}
			dest := an.Dest
			if len(dest) == 0 {
				dest = an.A.D
			}
			l := rbLink{X0: math.Min(an.Rect[0], an.Rect[2]) - pp.Dx, X1: math.Max(an.Rect[0], an.Rect[2]) - pp.Dx,
				Y0: h - math.Max(an.Rect[1], an.Rect[3]) - pp.Dy, Y1: h - math.Min(an.Rect[1], an.Rect[3]) - pp.Dy, Target: -1}
			if len(dest) > 0 {
				var ref string
				if json.Unmarshal(dest[0], &ref) == nil {
					if k, ok := pageIndex[ref]; ok {
						l.Target = k
					}
				}
			}
			links[i] = append(links[i], l)
		}
	}
	return links
}

// ---------------------------------------------------------------------------
// Issue 3, item 1: 目录 page numbers

func TestReadbackTOCPageNumbers(t *testing.T) {
	is, rb, st, gs := rbSampleGeometry(t)
	ti := rbTOCPage(gs)
	if ti < 0 {
		t.Fatal("no front-matter page prints 目录")
	}
	if ti != 2 {
		t.Errorf("目录 is on PDF page %d, the design puts it on page 3", ti+1)
	}
	entries := rbTOCEntries(gs[ti], rbSectionTitles(is))
	docs := is.Documents()
	if len(entries) != len(docs) {
		var got []string
		for _, e := range entries {
			got = append(got, fmt.Sprintf("%s（%d）", e.Title, e.Folio))
		}
		t.Fatalf("目录 lists %d entries, the issue has %d documents:\n%s", len(entries), len(docs), strings.Join(got, "\n"))
	}
	for i, e := range entries {
		want := squeeze(strings.ReplaceAll(docs[i].Title(), "\n", ""))
		if !strings.HasPrefix(e.Title, rbFirstRunes(want, 20)) {
			t.Errorf("目录 entry %d reads %q, document %s is titled %q", i+1, e.Title, docs[i].Source, want)
		}
		pi := rbPageOfFolio(gs, e.Folio)
		if pi < 0 {
			t.Errorf("目录 entry %q says page %d: no page prints — %d —", rbFirstRunes(e.Title, 20), e.Folio, e.Folio)
			continue
		}
		top := gs[pi].topTitle(st)
		if prefix := rbFirstRunes(e.Title, 20); !strings.HasPrefix(top, prefix) {
			first := ""
			if rows := gs[pi].areaRows(); len(rows) > 0 {
				first = rows[0].Text()
			}
			t.Errorf("目录 entry %q says page %d (PDF page %d), but that page opens with title %q (first line %q)",
				prefix, e.Folio, pi+1, top, first)
		}
	}
	// The print edition (PDF/X) may carry no links; any it carries must be right.
	rbCheckTOCLinks(t, rb, gs, ti, entries, false)
	var got []string
	for _, e := range entries {
		got = append(got, strconv.Itoa(e.Folio))
	}
	t.Logf("目录 page numbers: %s", strings.Join(got, ", "))
}

// rbCheckTOCLinks asserts that each 目录 entry's page number lies in a link
// annotation that leads to the page printing that folio (required: every
// entry must have one).
func rbCheckTOCLinks(t *testing.T, rb *rbDoc, gs []*rbGeom, ti int, entries []rbTOCEntry, required bool) {
	t.Helper()
	links := rbLinks(t, rb)[ti]
	t.Logf("%s: %d link annotations on the 目录 page", filepath.Base(rb.Path), len(links))
	if len(links) == 0 && !required {
		return
	}
	for _, e := range entries {
		pi := rbPageOfFolio(gs, e.Folio)
		found := false
		for _, l := range links {
			if e.NumX >= l.X0 && e.NumX <= l.X1 && e.NumY >= l.Y0 && e.NumY <= l.Y1 {
				found = true
				if l.Target != pi {
					t.Errorf("%s: 目录 entry %q (%d): its link goes to PDF page %d, folio %d is printed on PDF page %d",
						filepath.Base(rb.Path), rbFirstRunes(e.Title, 12), e.Folio, l.Target+1, e.Folio, pi+1)
				}
			}
		}
		if !found {
			t.Errorf("%s: 目录 entry %q (%d): no link annotation covers its page number at (%.1f, %.1f); links: %v",
				filepath.Base(rb.Path), rbFirstRunes(e.Title, 12), e.Folio, e.NumX, e.NumY, links)
		}
	}
}

// TestReadbackTOCLinks checks the 目录 links of the web edition (gazette
// build --web), the edition meant for reading on screen.
func TestReadbackTOCLinks(t *testing.T) {
	is, _ := cachedSample(t)
	out := filepath.Join(t.TempDir(), "issue.pdf")
	var so, se bytes.Buffer
	if code := run([]string{"gazette", "build", "--web", "-o", out, sample}, &so, &se); code != 0 {
		if strings.Contains(se.String(), "web") && strings.Contains(se.String(), "flag") {
			t.Skipf("this gazette has no web edition: %s", se.String())
		}
		t.Fatalf("gazette build --web: exit %d: %s", code, se.String())
	}
	web := strings.TrimSuffix(out, ".pdf") + "-web.pdf"
	if _, err := os.Stat(web); err != nil {
		t.Fatalf("gazette build --web wrote no %s: %v\n%s", filepath.Base(web), err, so.String())
	}
	rb := rbReadPDF(t, web, is)
	st := rbStyle(t, is)
	gs := rbGeometry(rb, st)
	ti := rbTOCPage(gs)
	if ti < 0 {
		t.Fatal("web edition: no 目录 page")
	}
	entries := rbTOCEntries(gs[ti], rbSectionTitles(is))
	if len(entries) != len(is.Documents()) {
		t.Fatalf("web edition: 目录 lists %d entries, the issue has %d documents", len(entries), len(is.Documents()))
	}
	rbCheckTOCLinks(t, rb, gs, ti, entries, true)
}

// ---------------------------------------------------------------------------
// Issue 3, item 2: the table's merged cells and values

func TestReadbackTableSpans(t *testing.T) {
	_, _, st, gs := rbSampleGeometry(t)
	csvPath := filepath.Join(filepath.Dir(sample), "附件2-指标分解表.csv")
	data, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		rows = append(rows, strings.Split(strings.TrimSpace(l), ","))
	}
	if len(rows) != 16 {
		t.Fatalf("%s has %d rows, the test expects a header and 15 data rows", csvPath, len(rows))
	}
	// The merged labels of the first column: a label and the "^" rows below it.
	type span struct {
		label       string
		first, last int // data rows
		box         rbWordsBox
	}
	var spans []*span
	for i := 1; i < len(rows); i++ {
		if rows[i][0] == "^" {
			spans[len(spans)-1].last = i
			continue
		}
		spans = append(spans, &span{label: rows[i][0], first: i, last: i})
	}
	if len(spans) != 2 || spans[0].last-spans[0].first+1 != 8 || spans[1].last-spans[1].first+1 != 7 {
		t.Fatalf("%s: the test expects two labels spanning 8 and 7 rows", csvPath)
	}
	// The page: the body page whose table-size text holds the first label's start.
	var page *rbGeom
	for _, g := range gs {
		if g.Folio == 0 {
			continue
		}
		for _, r := range g.sizedRows(st.TableSize) {
			if strings.Contains(r.Text(), rbFirstRunes(spans[0].label, 4)) {
				page = g
			}
		}
		if page != nil {
			break
		}
	}
	if page == nil {
		t.Fatalf("no body page prints %q in %g bp", rbFirstRunes(spans[0].label, 4), st.TableSize)
	}
	// The table's words in reading order (rows top to bottom, left to right).
	var words []rbWord
	for _, r := range page.sizedRows(st.TableSize) {
		words = append(words, r.Words...)
	}
	labelsRight := math.Inf(-1)
	for _, sp := range spans {
		b, ok := rbMatchWords(words, squeeze(sp.label), math.Inf(-1))
		if !ok {
			t.Fatalf("page %d (folio %d): label %q not found in the table", page.N, page.Folio, sp.label)
		}
		sp.box = b
		labelsRight = math.Max(labelsRight, b.x1)
	}
	// Every row: its second cell, then (data rows) its numbers in order, to the right.
	boxes := make([]rbWordsBox, len(rows))
	for i := range rows {
		b, ok := rbMatchWords(words, squeeze(rows[i][1]), labelsRight)
		if !ok {
			t.Errorf("page %d: row %d: cell %q not found right of the labels", page.N, i, rows[i][1])
			continue
		}
		boxes[i] = b
		if i == 0 {
			continue
		}
		var numWords []rbWord
		for _, w := range words {
			if w.X0 > b.x1 && w.cy() > b.y0 && w.cy() < b.y1 {
				numWords = append(numWords, w)
			}
		}
		sort.Slice(numWords, func(a, c int) bool { return numWords[a].X0 < numWords[c].X0 })
		var nums []string
		for _, w := range numWords {
			nums = append(nums, w.Text)
		}
		if want := rows[i][2:]; strings.Join(nums, " ") != strings.Join(want, " ") {
			t.Errorf("page %d: row %d (%s): values read back as %q, want %q", page.N, i, rows[i][1], nums, want)
		}
	}
	if t.Failed() {
		return
	}
	centre := func(b rbWordsBox) float64 { return (b.y0 + b.y1) / 2 }
	for _, sp := range spans {
		first, last := boxes[sp.first], boxes[sp.last]
		c, cFirst, cLast := centre(sp.box), centre(first), centre(last)
		// The merged cell runs from the boundary above its first row to the
		// one below its last; a boundary lies halfway between the texts of
		// neighbouring rows (below the table's last row it mirrors the gap above).
		top := (boxes[sp.first-1].y1 + first.y0) / 2
		var bottom float64
		if sp.last+1 < len(rows) {
			bottom = (last.y1 + boxes[sp.last+1].y0) / 2
		} else {
			bottom = last.y1 + (last.y0-boxes[sp.last-1].y1)/2
		}
		want := (top + bottom) / 2
		t.Logf("%s…: centre y %.2f; rows %q y %.2f … %q y %.2f (midpoint %.2f); merged cell y %.2f–%.2f, centre %.2f",
			rbFirstRunes(sp.label, 6), c, rows[sp.first][1], cFirst, rows[sp.last][1], cLast, (cFirst+cLast)/2, top, bottom, want)
		if c <= cFirst || c >= cLast {
			t.Errorf("page %d: %q is centred at y %.2f, outside its rows %q (y %.2f) … %q (y %.2f)",
				page.N, sp.label, c, rows[sp.first][1], cFirst, rows[sp.last][1], cLast)
		}
		if math.Abs(c-want) > 3 {
			t.Errorf("page %d: %q is centred at y %.2f, its merged cell (rows %d–%d, y %.2f–%.2f) at %.2f: off by %.2f pt, limit 3",
				page.N, sp.label, c, sp.first, sp.last, top, bottom, want, c-want)
		}
		if sp.box.y0 < top || sp.box.y1 > bottom {
			t.Errorf("page %d: %q (y %.2f–%.2f) sticks out of its merged cell (y %.2f–%.2f)",
				page.N, sp.label, sp.box.y0, sp.box.y1, top, bottom)
		}
	}
}

type rbWordsBox struct{ x0, x1, y0, y1 float64 }

// rbMatchWords finds, in reading order, the words (starting right of minX0)
// that spell text, each continuing where the last stopped; it returns their
// bounding box.
func rbMatchWords(words []rbWord, text string, minX0 float64) (rbWordsBox, bool) {
	b := rbWordsBox{math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)}
	rest := text
	for _, w := range words {
		s := squeeze(w.Text)
		if s == "" || w.X0 <= minX0 || !strings.HasPrefix(rest, s) {
			continue
		}
		rest = rest[len(s):]
		b.x0, b.x1 = math.Min(b.x0, w.X0), math.Max(b.x1, w.X1)
		b.y0, b.y1 = math.Min(b.y0, w.Y0), math.Max(b.y1, w.Y1)
		if rest == "" {
			return b, true
		}
	}
	return b, false
}

// ---------------------------------------------------------------------------
// Issue 3, item 3: running heads

// rbDocPages returns, per document, the index of the page where it starts:
// the first body page (not before the previous document's) whose type area
// opens with the document's title.
func rbDocPages(t *testing.T, is *build.Issue, st *layout.Style, gs []*rbGeom) []int {
	t.Helper()
	var starts []int
	from := 0
	for _, d := range is.Documents() {
		title := squeeze(strings.ReplaceAll(d.Title(), "\n", ""))
		at := -1
		for i := from; i < len(gs); i++ {
			if gs[i].Folio > 0 && title != "" && strings.HasPrefix(gs[i].topTitle(st), title) {
				at = i
				break
			}
		}
		if at < 0 {
			t.Fatalf("%s: no body page opens with its title %q", d.Source, title)
		}
		starts = append(starts, at)
		from = at + 1
	}
	return starts
}

// rbCheckRunningHeads asserts every body page's head: the gazette's name and
// issue, as printed, and the section of the document on the page, outside.
func rbCheckRunningHeads(t *testing.T, is *build.Issue, st *layout.Style, gs []*rbGeom, wantHead string) {
	t.Helper()
	starts := rbDocPages(t, is, st, gs)
	var secOf []string
	for _, s := range is.Manifest.Issue.Sections {
		for range s.Documents {
			secOf = append(secOf, s.Title)
		}
	}
	checked := 0
	for i, g := range gs {
		if g.Folio == 0 {
			continue
		}
		sec := ""
		for k, s := range starts {
			if s <= i {
				sec = secOf[k]
			}
		}
		heads := g.headRows()
		if len(heads) != 1 {
			var txt []string
			for _, r := range heads {
				txt = append(txt, r.Text())
			}
			t.Errorf("page %d (folio %d): %d rows above the type area, want one running head: %q", g.N, g.Folio, len(heads), txt)
			continue
		}
		fs := heads[0].fields(st.HeadSize, 3*st.HeadSize)
		var name, section *rbField
		var texts []string
		for k := range fs {
			texts = append(texts, fs[k].Text)
			switch fs[k].Text {
			case wantHead:
				name = &fs[k]
			case sec:
				section = &fs[k]
			}
		}
		if len(fs) != 2 || name == nil || section == nil {
			t.Errorf("page %d (folio %d): running head reads %q, want %q and %q", g.N, g.Folio, texts, wantHead, sec)
			continue
		}
		if g.Recto && section.X0 <= name.X0 || !g.Recto && section.X0 >= name.X0 {
			side := "right"
			if !g.Recto {
				side = "left"
			}
			t.Errorf("page %d (folio %d): section %q at x %.1f, gazette name at x %.1f: the section belongs on the outer side (%s)",
				g.N, g.Folio, sec, section.X0, name.X0, side)
		}
		checked++
	}
	if checked == 0 {
		t.Error("no running head checked")
	}
}

// rbCheckFrontMatterBare asserts no running head and no folio on the pages
// before page 1 (cover, masthead, 目录, blank verso) and on any page after
// the last body page (blank pages added for the binding, back cover).
func rbCheckFrontMatterBare(t *testing.T, is *build.Issue, st *layout.Style, gs []*rbGeom, wantHead string) {
	t.Helper()
	folioRE := regexp.MustCompile(`—\s*\d+\s*—`)
	checked := 0
	for _, g := range gs {
		if g.Folio > 0 {
			continue
		}
		checked++
		if folioRE.MatchString(g.Layout) {
			t.Errorf("page %d (front or back matter) prints a folio: %q", g.N, folioRE.FindString(g.Layout))
		}
		for _, r := range g.headRows() {
			for _, f := range r.fields(st.HeadSize, 3*st.HeadSize) {
				if f.Text == wantHead || rbContains(rbSectionTitles(is), f.Text) {
					t.Errorf("page %d (front or back matter) has a running head: %q above the type area", g.N, f.Text)
				}
			}
		}
	}
	if checked < 4 {
		t.Errorf("only %d pages without a folio; the front matter alone is cover, masthead, 目录 and a blank verso", checked)
	}
}

func TestReadbackRunningHeads(t *testing.T) {
	is, _, st, gs := rbSampleGeometry(t)
	const want = "昌江区人民政府公报　2023年第4期"
	if got := is.Manifest.Issue.Gazette.Name + "　" + rbIssueLabel(is); got != want {
		t.Fatalf("the sample manifest changed: head would be %q", got)
	}
	rbCheckRunningHeads(t, is, st, gs, want)
	rbCheckFrontMatterBare(t, is, st, gs, want)
	// The sections, as this test expects them from the manifest.
	starts := rbDocPages(t, is, st, gs)
	var got []string
	for k, s := range starts {
		got = append(got, fmt.Sprintf("%s→%d", is.Documents()[k].Source[:2], gs[s].Folio))
	}
	t.Logf("documents start on folios %s", strings.Join(got, " "))
}

// ---------------------------------------------------------------------------
// Issue 3, item 5: folios

func TestReadbackFolios(t *testing.T) {
	is, _, st, gs := rbSampleGeometry(t)
	rbCheckFolios(t, is, st, gs)
}

func rbCheckFolios(t *testing.T, is *build.Issue, st *layout.Style, gs []*rbGeom) {
	t.Helper()
	first := -1
	for i, g := range gs {
		if g.Folio > 0 {
			first = i
			break
		}
	}
	if first < 0 {
		t.Fatal("no page prints a folio")
	}
	if first%2 != 0 {
		t.Errorf("%d pages come before folio 1: page 1 (PDF page %d) is a verso; front matter must end on a verso", first, first+1)
	}
	if toc := rbTOCPage(gs); toc >= 0 && toc < first-1 {
		if last := gs[first-1]; len(last.Words) > 0 {
			t.Errorf("PDF page %d, the verso before page 1, is not blank: %q", last.N, rbFirstRunes(last.Text(), 30))
		}
	}
	last := first
	for i, g := range gs {
		if g.Folio > 0 {
			last = i
		}
	}
	// Pages after the body: blank pages for the binding and the back cover.
	for i := last + 1; i < len(gs); i++ {
		if is.Book.Pages[i].Blank && len(gs[i].Words) > 0 {
			t.Errorf("PDF page %d is a blank page added for the binding but prints %q", gs[i].N, rbFirstRunes(gs[i].Text(), 30))
		}
	}
	for i := first; i <= last; i++ {
		g := gs[i]
		want := i - first + 1
		if g.Folio != want {
			t.Errorf("PDF page %d prints folio %d, want %d (consecutive from 1 on PDF page %d)", g.N, g.Folio, want, first+1)
			continue
		}
		if lf := is.Book.Pages[i].Folio; lf != g.Folio {
			t.Errorf("PDF page %d prints folio %d, the layout numbered it %d", g.N, g.Folio, lf)
		}
		r := g.FolioRow
		if r.Y0 < g.Bottom {
			t.Errorf("page %d: folio at y %.1f is inside the type area (bottom %.1f)", g.N, r.Y0, g.Bottom)
		}
		// GB/T 9704 7.5: odd pages right, even pages left, one character in.
		if g.Recto {
			if d := (g.Right - st.FolioSize) - r.X1; math.Abs(d) > 1 {
				t.Errorf("page %d: odd folio — %d — ends at x %.2f, want %.2f (right edge %.2f less one character): off by %.2f",
					g.N, g.Folio, r.X1, g.Right-st.FolioSize, g.Right, d)
			}
		} else {
			if d := r.X0 - (g.Left + st.FolioSize); math.Abs(d) > 1 {
				t.Errorf("page %d: even folio — %d — starts at x %.2f, want %.2f (left edge %.2f plus one character): off by %.2f",
					g.N, g.Folio, r.X0, g.Left+st.FolioSize, g.Left, d)
			}
		}
		if g.Recto != ((r.X0+r.X1)/2 > g.W/2) {
			t.Errorf("page %d: folio %d is on the wrong side (x %.1f–%.1f)", g.N, g.Folio, r.X0, r.X1)
		}
	}
	t.Logf("%d front pages; PDF pages %d–%d carry folios 1–%d; %d pages after the body", first, first+1, last+1, last-first+1, len(gs)-1-last)
}

// ---------------------------------------------------------------------------
// Issue 3, item 4: cover, masthead, 目录 header and heads from the manifest

func TestReadbackManifestValues(t *testing.T) {
	manifest := copySample(t, nil)
	dir := filepath.Dir(manifest)
	b, _ := os.ReadFile(manifest)
	toml := string(b)
	for _, c := range []struct{ old, new string }{
		{`name = "昌江区人民政府公报"`, `name = "浮梁县人民政府公报"`},
		{`english_name = "GAZETTE OF THE PEOPLE’S GOVERRNMRNT\nOF CHANGJIANG DISTRICT"`, `english_name = "GAZETTE OF THE PEOPLE’S GOVERNMENT\nOF FULIANG COUNTY"`},
		{"year = 2023", "year = 2024"},
		{"number = 4 ", "number = 2 "},
		{"serial = 17", "serial = 23"},
		{"date = 2023-08-30", "date = 2024-04-15"},
		{`names = ["王瀚洋"]`, `names = ["赵晓明"]`},
	} {
		if !strings.Contains(toml, c.old) {
			t.Fatalf("the sample issue.toml no longer contains %q", c.old)
		}
		toml = strings.Replace(toml, c.old, c.new, 1)
	}
	os.WriteFile(manifest, []byte(toml), 0o644)
	is, pdf, err := build.Build(manifest, filepath.Join(dir, "issue.pdf"))
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	rb := rbReadPDF(t, pdf, is)
	st := rbStyle(t, is)
	gs := rbGeometry(rb, st)
	ti := rbTOCPage(gs)
	if ti < 0 {
		t.Fatal("no 目录 page")
	}
	page := func(i int) string { return squeeze(gs[i].Layout) }
	cases := []struct {
		where     string
		text      string
		want, not []string
	}{
		{"cover (PDF page 1)", page(0),
			[]string{"浮梁县人民政府公报", "GAZETTEOFTHEPEOPLE’SGOVERNMENTOFFULIANGCOUNTY", "2024", "第2期（总第23期）"},
			[]string{"昌江区人民政府公报", "GOVERRNMRNT", "CHANGJIANG", "2023", "第4期", "总第17期"}},
		{"masthead (PDF page 2)", page(1),
			[]string{"赵晓明", "2024年4月15日"},
			[]string{"王瀚洋", "2023年8月30日", "昌江区人民政府公报"}},
		{fmt.Sprintf("目录 (PDF page %d)", ti+1), page(ti),
			[]string{"浮梁县人民政府公报", "2024年第2期（总第23期）", "2024年4月15日出版"},
			[]string{"昌江区人民政府公报", "2023年第4期", "总第17期", "2023年8月30日"}},
	}
	var all strings.Builder
	for _, g := range gs {
		all.WriteString(squeeze(g.Layout))
	}
	cases = append(cases, struct {
		where     string
		text      string
		want, not []string
	}{"the whole PDF", all.String(), nil,
		[]string{"昌江区人民政府公报", "2023年第4期", "总第17期", "第4期（", "王瀚洋", "GOVERRNMRNT", "2023年8月30日"}})
	for _, c := range cases {
		for _, w := range c.want {
			if !strings.Contains(c.text, w) {
				t.Errorf("%s: %q missing; it reads %q", c.where, w, rbFirstRunes(c.text, 160))
			}
		}
		for _, n := range c.not {
			if i := strings.Index(c.text, n); i >= 0 {
				t.Errorf("%s still prints the old %q: …%s…", c.where, n, rbFirstRunes(c.text[max(0, i-30):], 60))
			}
		}
	}
	// The masthead's committee line: the new name after its role.
	if !regexp.MustCompile(`副主任：赵晓明`).MatchString(page(1)) {
		t.Errorf("masthead: 副主任 is not 赵晓明: %q", rbFirstRunes(page(1), 80))
	}
	rbCheckRunningHeads(t, is, st, gs, "浮梁县人民政府公报　2024年第2期")
	rbCheckFrontMatterBare(t, is, st, gs, "浮梁县人民政府公报　2024年第2期")
	info := runTool(t, "pdfinfo", pdf)
	if !strings.Contains(info, "浮梁县人民政府公报 2024年第2期") || !strings.Contains(info, "2024") {
		t.Errorf("pdfinfo does not show the new title:\n%s", info)
	}
}
