package main

// End-to-end tests that read the built PDF back (internal/testtool/pdfread)
// and assert what was printed: 目录 page numbers and links, the table's
// merged cells, running heads, folios, and the manifest's values on the
// cover, masthead and 目录.

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"gazette/internal/build"
	"gazette/internal/testtool/pdfread"
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

// rbStyle is the layout style the issue was set in; the tests read its type
// area from it.
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
func rbSampleGeometry(t *testing.T) (*build.Issue, *pdfread.Doc, *layout.Style, []*pdfread.Geom) {
	t.Helper()
	is, pdf := cachedSample(t)
	rb := pdfread.Read(t, pdf, is.Book)
	st := rbStyle(t, is)
	return is, rb, st, pdfread.Geometry(rb, st)
}

// rbIssueLabel is how the running head and the 目录 header name the issue.
func rbIssueLabel(is *build.Issue) string {
	m := is.Manifest.Issue
	return fmt.Sprintf("%d年第%d期", m.Year, m.Number)
}

// rbSectionTitles are the issue's section titles in order.
func rbSectionTitles(is *build.Issue) []string {
	var out []string
	for _, s := range is.Manifest.Issue.Sections {
		out = append(out, s.Title)
	}
	return out
}

// ---------------------------------------------------------------------------
// Issue 3, item 1: 目录 page numbers

func TestReadbackTOCPageNumbers(t *testing.T) {
	is, rb, st, gs := rbSampleGeometry(t)
	ti := pdfread.TOCPage(gs)
	if ti < 0 {
		t.Fatal("no front-matter page prints 目录")
	}
	if ti != 2 {
		t.Errorf("目录 is on PDF page %d, the design puts it on page 3", ti+1)
	}
	entries := pdfread.TOCEntries(gs[ti], rbSectionTitles(is))
	docs := is.Documents()
	if len(entries) != len(docs) {
		var got []string
		for _, e := range entries {
			got = append(got, fmt.Sprintf("%s（%d）", e.Title, e.Folio))
		}
		t.Fatalf("目录 lists %d entries, the issue has %d documents:\n%s", len(entries), len(docs), strings.Join(got, "\n"))
	}
	for i, e := range entries {
		want := pdfread.Squeeze(strings.ReplaceAll(docs[i].Title(), "\n", ""))
		if !strings.HasPrefix(e.Title, pdfread.FirstRunes(want, 20)) {
			t.Errorf("目录 entry %d reads %q, document %s is titled %q", i+1, e.Title, docs[i].Source, want)
		}
		pi := pdfread.PageOfFolio(gs, e.Folio)
		if pi < 0 {
			t.Errorf("目录 entry %q says page %d: no page prints — %d —", pdfread.FirstRunes(e.Title, 20), e.Folio, e.Folio)
			continue
		}
		top := gs[pi].TopTitle(st.TitleSize)
		if prefix := pdfread.FirstRunes(e.Title, 20); !strings.HasPrefix(top, prefix) {
			first := ""
			if rows := gs[pi].AreaRows(); len(rows) > 0 {
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
func rbCheckTOCLinks(t *testing.T, rb *pdfread.Doc, gs []*pdfread.Geom, ti int, entries []pdfread.TOCEntry, required bool) {
	t.Helper()
	links := pdfread.Links(t, rb)[ti]
	t.Logf("%s: %d link annotations on the 目录 page", filepath.Base(rb.Path), len(links))
	if len(links) == 0 && !required {
		return
	}
	for _, e := range entries {
		pi := pdfread.PageOfFolio(gs, e.Folio)
		found := false
		for _, l := range links {
			if e.NumX >= l.X0 && e.NumX <= l.X1 && e.NumY >= l.Y0 && e.NumY <= l.Y1 {
				found = true
				if l.Target != pi {
					t.Errorf("%s: 目录 entry %q (%d): its link goes to PDF page %d, folio %d is printed on PDF page %d",
						filepath.Base(rb.Path), pdfread.FirstRunes(e.Title, 12), e.Folio, l.Target+1, e.Folio, pi+1)
				}
			}
		}
		if !found {
			t.Errorf("%s: 目录 entry %q (%d): no link annotation covers its page number at (%.1f, %.1f); links: %v",
				filepath.Base(rb.Path), pdfread.FirstRunes(e.Title, 12), e.Folio, e.NumX, e.NumY, links)
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
	rb := pdfread.Read(t, web, is.Book)
	st := rbStyle(t, is)
	gs := pdfread.Geometry(rb, st)
	ti := pdfread.TOCPage(gs)
	if ti < 0 {
		t.Fatal("web edition: no 目录 page")
	}
	entries := pdfread.TOCEntries(gs[ti], rbSectionTitles(is))
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
		box         pdfread.WordsBox
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
	var page *pdfread.Geom
	for _, g := range gs {
		if g.Folio == 0 {
			continue
		}
		for _, r := range g.SizedRows(st.TableSize) {
			if strings.Contains(r.Text(), pdfread.FirstRunes(spans[0].label, 4)) {
				page = g
			}
		}
		if page != nil {
			break
		}
	}
	if page == nil {
		t.Fatalf("no body page prints %q in %g bp", pdfread.FirstRunes(spans[0].label, 4), st.TableSize)
	}
	// The table's words in reading order (rows top to bottom, left to right).
	var words []pdfread.Word
	for _, r := range page.SizedRows(st.TableSize) {
		words = append(words, r.Words...)
	}
	labelsRight := math.Inf(-1)
	for _, sp := range spans {
		b, ok := pdfread.MatchWords(words, pdfread.Squeeze(sp.label), math.Inf(-1))
		if !ok {
			t.Fatalf("page %d (folio %d): label %q not found in the table", page.N, page.Folio, sp.label)
		}
		sp.box = b
		labelsRight = math.Max(labelsRight, b.X1)
	}
	// Every row: its second cell, then (data rows) its numbers in order, to the right.
	boxes := make([]pdfread.WordsBox, len(rows))
	for i := range rows {
		b, ok := pdfread.MatchWords(words, pdfread.Squeeze(rows[i][1]), labelsRight)
		if !ok {
			t.Errorf("page %d: row %d: cell %q not found right of the labels", page.N, i, rows[i][1])
			continue
		}
		boxes[i] = b
		if i == 0 {
			continue
		}
		var numWords []pdfread.Word
		for _, w := range words {
			if w.X0 > b.X1 && w.CY() > b.Y0 && w.CY() < b.Y1 {
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
	centre := func(b pdfread.WordsBox) float64 { return (b.Y0 + b.Y1) / 2 }
	for _, sp := range spans {
		first, last := boxes[sp.first], boxes[sp.last]
		c, cFirst, cLast := centre(sp.box), centre(first), centre(last)
		// The merged cell runs from the boundary above its first row to the
		// one below its last; a boundary lies halfway between the texts of
		// neighbouring rows (below the table's last row it mirrors the gap above).
		top := (boxes[sp.first-1].Y1 + first.Y0) / 2
		var bottom float64
		if sp.last+1 < len(rows) {
			bottom = (last.Y1 + boxes[sp.last+1].Y0) / 2
		} else {
			bottom = last.Y1 + (last.Y0-boxes[sp.last-1].Y1)/2
		}
		want := (top + bottom) / 2
		t.Logf("%s…: centre y %.2f; rows %q y %.2f … %q y %.2f (midpoint %.2f); merged cell y %.2f–%.2f, centre %.2f",
			pdfread.FirstRunes(sp.label, 6), c, rows[sp.first][1], cFirst, rows[sp.last][1], cLast, (cFirst+cLast)/2, top, bottom, want)
		if c <= cFirst || c >= cLast {
			t.Errorf("page %d: %q is centred at y %.2f, outside its rows %q (y %.2f) … %q (y %.2f)",
				page.N, sp.label, c, rows[sp.first][1], cFirst, rows[sp.last][1], cLast)
		}
		if math.Abs(c-want) > 3 {
			t.Errorf("page %d: %q is centred at y %.2f, its merged cell (rows %d–%d, y %.2f–%.2f) at %.2f: off by %.2f pt, limit 3",
				page.N, sp.label, c, sp.first, sp.last, top, bottom, want, c-want)
		}
		if sp.box.Y0 < top || sp.box.Y1 > bottom {
			t.Errorf("page %d: %q (y %.2f–%.2f) sticks out of its merged cell (y %.2f–%.2f)",
				page.N, sp.label, sp.box.Y0, sp.box.Y1, top, bottom)
		}
	}
}

// ---------------------------------------------------------------------------
// Issue 3, item 3: running heads

// rbDocPages returns, per document, the index of the page where it starts:
// the first body page (not before the previous document's) whose type area
// opens with the document's title.
func rbDocPages(t *testing.T, is *build.Issue, st *layout.Style, gs []*pdfread.Geom) []int {
	t.Helper()
	var starts []int
	from := 0
	for _, d := range is.Documents() {
		title := pdfread.Squeeze(strings.ReplaceAll(d.Title(), "\n", ""))
		at := -1
		for i := from; i < len(gs); i++ {
			if gs[i].Folio > 0 && title != "" && strings.HasPrefix(gs[i].TopTitle(st.TitleSize), title) {
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
func rbCheckRunningHeads(t *testing.T, is *build.Issue, st *layout.Style, gs []*pdfread.Geom, wantHead string) {
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
		heads := g.HeadRows()
		if len(heads) != 1 {
			var txt []string
			for _, r := range heads {
				txt = append(txt, r.Text())
			}
			t.Errorf("page %d (folio %d): %d rows above the type area, want one running head: %q", g.N, g.Folio, len(heads), txt)
			continue
		}
		fs := heads[0].Fields(st.HeadSize, 3*st.HeadSize)
		var name, section *pdfread.Field
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
func rbCheckFrontMatterBare(t *testing.T, is *build.Issue, st *layout.Style, gs []*pdfread.Geom, wantHead string) {
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
		for _, r := range g.HeadRows() {
			for _, f := range r.Fields(st.HeadSize, 3*st.HeadSize) {
				if f.Text == wantHead || slices.Contains(rbSectionTitles(is), f.Text) {
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

func rbCheckFolios(t *testing.T, is *build.Issue, st *layout.Style, gs []*pdfread.Geom) {
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
	if toc := pdfread.TOCPage(gs); toc >= 0 && toc < first-1 {
		if last := gs[first-1]; len(last.Words) > 0 {
			t.Errorf("PDF page %d, the verso before page 1, is not blank: %q", last.N, pdfread.FirstRunes(last.Text(), 30))
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
			t.Errorf("PDF page %d is a blank page added for the binding but prints %q", gs[i].N, pdfread.FirstRunes(gs[i].Text(), 30))
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
	rb := pdfread.Read(t, pdf, is.Book)
	st := rbStyle(t, is)
	gs := pdfread.Geometry(rb, st)
	ti := pdfread.TOCPage(gs)
	if ti < 0 {
		t.Fatal("no 目录 page")
	}
	page := func(i int) string { return pdfread.Squeeze(gs[i].Layout) }
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
		all.WriteString(pdfread.Squeeze(g.Layout))
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
				t.Errorf("%s: %q missing; it reads %q", c.where, w, pdfread.FirstRunes(c.text, 160))
			}
		}
		for _, n := range c.not {
			if i := strings.Index(c.text, n); i >= 0 {
				t.Errorf("%s still prints the old %q: …%s…", c.where, n, pdfread.FirstRunes(c.text[max(0, i-30):], 60))
			}
		}
	}
	// The masthead's committee line: the new name after its role.
	if !regexp.MustCompile(`副主任：赵晓明`).MatchString(page(1)) {
		t.Errorf("masthead: 副主任 is not 赵晓明: %q", pdfread.FirstRunes(page(1), 80))
	}
	rbCheckRunningHeads(t, is, st, gs, "浮梁县人民政府公报　2024年第2期")
	rbCheckFrontMatterBare(t, is, st, gs, "浮梁县人民政府公报　2024年第2期")
	info := runTool(t, "pdfinfo", pdf)
	if !strings.Contains(info, "浮梁县人民政府公报 2024年第2期") || !strings.Contains(info, "2024") {
		t.Errorf("pdfinfo does not show the new title:\n%s", info)
	}
}
