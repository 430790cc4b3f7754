package main

// Typography figures read back from the PDF (pdftotext -bbox-layout) on
// every body page: line-start and line-end prohibitions
// (https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_end),
// justification to the type area's right edge, the 28.95 bp baseline grid
// (GB/T 9704 5.2.3) and lines per page. Each test asserts the requirement
// and logs the measured figures (run with -v).

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"gazette/internal/build"
	"gazette/internal/model"
	"gazette/internal/testtool/pdfread"
	"gazette/layout"
)

// Marks that must not start a line (https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_end
// basic level: 点号, closing
// brackets and quotes; half-width ones too) and marks that must not end one.
const (
	typoNoLineStart = "，。、；：？！）》」』〕】”’．〉〗］｝,.;:!?)]"
	typoNoLineEnd   = "（《「『〔【“‘〈〖［｛(["
	// Full-width closing marks and points that GB/T 15834 5.1.10 sets
	// half-width at the end of a line.
	typoHalfAtLineEnd = "，。、；：？！）》」』〕】”’．〉〗］｝"
)

// Tolerances of the requirements.
const (
	typoEdgeTolerance = 0.6 // a full line ends this close to the right edge
	typoGridTolerance = 0.5 // a body baseline lies this close to its grid line
)

// ---------------------------------------------------------------------------
// Fixtures: the sample and a hand-written issue

type typoFixture struct {
	name string
	get  func(t *testing.T) (*build.Issue, string)
}

var typoFixtures = []typoFixture{
	{"sample", cachedSample},
	{"handwritten", typoHandwritten},
}

var typoHandwrittenBuild rbSharedBuild

// typoHandwrittenBase provokes the composer: a long 《》 name, 〔2023〕25号,
// 2023-2025年, GDP增长5.2%, PDF/X-1a, ——, ……, quotes and brackets, and a run
// of short clauses so that ，and 。fall at line ends.
const typoHandwrittenBase = "为贯彻落实《中华人民共和国国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》，" +
	"根据测府发〔2023〕25号文件精神，现就2023-2025年有关工作通知如下：全区GDP增长5.2%，" +
	"成品统一采用PDF/X-1a格式——这是印刷厂的硬性要求……请各单位“认真对照”（逐项落实）、及时反馈。" +
	"好，是，对，行。一，二。三，四。《测试区关于进一步加强和改进新时代政府系统调查研究工作推动高质量发展若干措施的实施意见（试行）》同时废止。"

// typoHandwrittenDoc is a notice whose paragraphs repeat typoHandwrittenBase shifted
// by 0–27 characters, so every mark of it meets every position in a line.
func typoHandwrittenDoc() string {
	var b strings.Builder
	b.WriteString("测试区人民政府关于印发《测试区推进数字政府建设三年行动计划（2023-2025年）》的通知\n")
	b.WriteString("测府发〔2023〕25号\n")
	b.WriteString("各乡（镇）人民政府、街道办事处，区直各单位：\n")
	for s := 0; s < 28; s++ {
		b.WriteString(strings.Repeat("政", s) + typoHandwrittenBase + "\n")
	}
	b.WriteString("\n测试区人民政府\n2023年10月20日\n")
	return b.String()
}

func typoHandwritten(t *testing.T) (*build.Issue, string) {
	t.Helper()
	return typoHandwrittenBuild.get(t, "handwritten", func(dir string) (string, error) {
		manifest := filepath.Join(dir, "issue.toml")
		toml := "[gazette]\nname = \"测试区人民政府公报\"\n" +
			"[issue]\nyear = 2023\nnumber = 5\nserial = 18\ndate = 2023-10-30\n" +
			"[[section]]\ntitle = \"区政府文件\"\ndocuments = [\"01-测试通知.txt\"]\n"
		if err := os.WriteFile(manifest, []byte(toml), 0o644); err != nil {
			return "", err
		}
		return manifest, os.WriteFile(filepath.Join(dir, "01-测试通知.txt"), []byte(typoHandwrittenDoc()), 0o644)
	})
}

// typoReadFixture builds, reads back and classifies a fixture's pages.
func typoReadFixture(t *testing.T, fx typoFixture) (*build.Issue, *layout.Style, []*pdfread.Geom) {
	t.Helper()
	is, pdf := fx.get(t)
	rb := pdfread.Read(t, pdf, is.Book)
	st := rbStyle(t, is)
	return is, st, pdfread.Geometry(rb, st)
}

// ---------------------------------------------------------------------------
// Body lines and the paragraphs they belong to

type typoLine struct {
	g    *pdfread.Geom
	row  *pdfread.Row
	text string
	para int  // index into the issue's paragraphs, -1 when none
	last bool // the paragraph's last line
}

func (l *typoLine) String() string {
	return fmt.Sprintf("page %d (folio %d) y %.1f %q", l.g.N, l.g.Folio, l.row.Baseline, l.text)
}

// typoLines are the body-size rows of every body page, in reading order.
func typoLines(gs []*pdfread.Geom, st *layout.Style) []*typoLine {
	var out []*typoLine
	for _, g := range gs {
		if g.Folio == 0 {
			continue
		}
		for _, r := range g.SizedRows(st.BodySize) {
			out = append(out, &typoLine{g: g, row: r, text: r.Text(), para: -1})
		}
	}
	return out
}

// typoParagraphs are the texts set as justified paragraphs: 正文, 主送机关,
// numbered heads, 附注 and each item of a 附件说明.
func typoParagraphs(is *build.Issue) []string {
	var out []string
	for _, d := range is.Documents() {
		for _, b := range d.Blocks {
			switch b.Kind {
			case model.Paragraph, model.Addressee, model.Heading, model.Note:
				out = append(out, pdfread.Squeeze(b.Text))
			case model.AttachmentNote:
				for _, item := range strings.Split(b.Text, "\n") {
					out = append(out, pdfread.Squeeze(item))
				}
			}
		}
	}
	return out
}

// typoSpacedPairs are the pairs of hanzi that the source separates by a space
// (《加强基础研究 实现…》): the gap between them is not justification.
func typoSpacedPairs(is *build.Issue) map[string]bool {
	out := map[string]bool{}
	for _, d := range is.Documents() {
		for _, b := range d.Blocks {
			rs := []rune(b.Text)
			for i := 1; i+1 < len(rs); i++ {
				if unicode.IsSpace(rs[i]) && !unicode.IsSpace(rs[i-1]) {
					j := i
					for j < len(rs) && unicode.IsSpace(rs[j]) {
						j++
					}
					if j < len(rs) {
						out[string(rs[i-1])+string(rs[j])] = true
					}
				}
			}
		}
	}
	return out
}

// typoAssign finds, for every paragraph in order, the consecutive body
// lines whose texts make it up, and marks them. It returns the paragraphs
// that no run of lines spells.
func typoAssign(paras []string, lines []*typoLine) []string {
	var missing []string
	cur := 0
	for pi, p := range paras {
		if p == "" {
			continue
		}
		found := false
		for i := cur; i < len(lines) && !found; i++ {
			if lines[i].text == "" || !strings.HasPrefix(p, lines[i].text) {
				continue
			}
			acc, j := lines[i].text, i
			for acc != p && j+1 < len(lines) && lines[j+1].text != "" && strings.HasPrefix(p, acc+lines[j+1].text) {
				j++
				acc += lines[j].text
			}
			if acc != p {
				continue
			}
			for k := i; k <= j; k++ {
				lines[k].para = pi
			}
			lines[j].last = true
			cur, found = j+1, true
		}
		if !found {
			missing = append(missing, p)
		}
	}
	return missing
}

// ---------------------------------------------------------------------------
// The checks. Each returns its figures and one message per fault, so that
// TestTypographyChecksCatchFaults can prove it fails on a bad page.

type typoStartEndFigures struct {
	Lines, BadStart, BadEnd int
	Faults                  []string
}

// typoCheckStartEnd checks that no body or title line starts with a closing mark or
// ends with an opening one.
func typoCheckStartEnd(gs []*pdfread.Geom, st *layout.Style) typoStartEndFigures {
	var f typoStartEndFigures
	for _, g := range gs {
		if g.Folio == 0 {
			continue
		}
		for _, r := range g.AreaRows() {
			if math.Abs(r.Size-st.BodySize) > 0.3 && math.Abs(r.Size-st.TitleSize) > 0.3 {
				continue
			}
			f.Lines++
			if c := r.FirstRune(); strings.ContainsRune(typoNoLineStart, c) {
				f.BadStart++
				f.Faults = append(f.Faults, fmt.Sprintf("page %d (folio %d): line starts with closing mark %q: %q", g.N, g.Folio, c, r.Text()))
			}
			if c := r.LastRune(); strings.ContainsRune(typoNoLineEnd, c) {
				f.BadEnd++
				f.Faults = append(f.Faults, fmt.Sprintf("page %d (folio %d): line ends with opening mark %q: %q", g.N, g.Folio, c, r.Text()))
			}
		}
	}
	return f
}

type typoEdgeFigures struct {
	Paragraphs int
	Missing    []string // paragraphs not found line by line
	Full       int      // full lines measured
	MarkLines  int      // of which end in a mark set half-width
	MaxPlain   float64  // largest |deviation| of a plain full line
	MaxMark    float64  // largest |deviation| of a mark-ended full line's half-width end
	Faults     []string
	Worst      []typoEdgeDev
	// Letter-spacing added by justification between two hanzi, in em
	// (reported, not asserted: no limit is set for it).
	MaxStretch float64
	Stretched  []typoEdgeDev // full lines spaced more than typoLooseSpacing em
}

// typoLooseSpacing is the README's "行太松" threshold: more than 0.15 em added
// between characters.
const typoLooseSpacing = 0.15

type typoEdgeDev struct {
	Line string
	D    float64
}

// typoCheckRightEdge checks that every full line of a paragraph ends at the right edge of
// the type area, within typoEdgeTolerance; a line ending in a closing mark or
// point set half-width may end up to half a character short.
func typoCheckRightEdge(paras []string, spaced map[string]bool, gs []*pdfread.Geom, st *layout.Style) typoEdgeFigures {
	lines := typoLines(gs, st)
	f := typoEdgeFigures{Paragraphs: len(paras), Missing: typoAssign(paras, lines)}
	for _, l := range lines {
		if l.para < 0 || l.last {
			continue
		}
		f.Full++
		x := typoHanStretch(l.row, st, spaced)
		if x > 0 {
			f.MaxStretch = math.Max(f.MaxStretch, x)
			if x > typoLooseSpacing {
				f.Stretched = append(f.Stretched, typoEdgeDev{l.String(), x})
			}
		}
		if sp := max(x, typoMeanStretch(l.row, st)); math.Abs(sp-layout.MaxSpread) < 0.05 && l.row.X1 < l.g.Right {
			continue // spread to the limit and left short (docs/line-composition.md#the-spreading-limit)
		}
		half := l.row.Size / 2
		last := l.row.LastRune()
		if strings.ContainsRune(typoHalfAtLineEnd, last) {
			// pdftotext boxes a glyph by its full advance: a mark set
			// half-width at the line end reaches half a character past the
			// end of its compressed box.
			f.MarkLines++
			d := l.row.X1 - half - l.g.Right
			f.MaxMark = math.Max(f.MaxMark, math.Abs(d))
			if d > typoEdgeTolerance || d < -half-typoEdgeTolerance {
				f.Worst = append(f.Worst, typoEdgeDev{l.String(), d})
				f.Faults = append(f.Faults, fmt.Sprintf("%s: full line ending in %q: its half-width end is at x %.2f, %+.2f pt from the right edge %.2f; allowed %.1f short to %.1f over",
					l, last, l.row.X1-half, d, l.g.Right, half+typoEdgeTolerance, typoEdgeTolerance))
			}
			continue
		}
		d := l.row.X1 - l.g.Right
		f.MaxPlain = math.Max(f.MaxPlain, math.Abs(d))
		if math.Abs(d) > typoEdgeTolerance {
			f.Worst = append(f.Worst, typoEdgeDev{l.String(), d})
			f.Faults = append(f.Faults, fmt.Sprintf("%s: full line ends at x %.2f, %+.2f pt from the right edge %.2f (limit ±%.1f)",
				l, l.row.X1, d, l.g.Right, typoEdgeTolerance))
		}
	}
	sort.SliceStable(f.Worst, func(i, j int) bool { return math.Abs(f.Worst[i].D) > math.Abs(f.Worst[j].D) })
	sort.SliceStable(f.Stretched, func(i, j int) bool { return f.Stretched[i].D > f.Stretched[j].D })
	return f
}

// typoHanStretch is the largest space, in em, that a line adds between two
// hanzi beyond the grid's character pitch: measured between words that meet
// hanzi to hanzi (unless the source puts a space between that pair), and as
// the mean inside words made only of hanzi.
func typoHanStretch(r *pdfread.Row, st *layout.Style, spaced map[string]bool) float64 {
	han := func(c rune) bool { return unicode.Is(unicode.Han, c) }
	size, pitch := r.Size, st.CharPitch()
	worst := 0.0
	for i, w := range r.Words {
		rs := []rune(w.Text)
		all := len(rs) > 1
		for _, c := range rs {
			all = all && han(c)
		}
		if all {
			worst = math.Max(worst, ((w.X1-w.X0-size)/float64(len(rs)-1)-pitch)/size)
		}
		if i > 0 {
			prev := []rune(r.Words[i-1].Text)
			if len(prev) > 0 && len(rs) > 0 && han(prev[len(prev)-1]) && han(rs[0]) && !spaced[string(prev[len(prev)-1])+string(rs[0])] {
				worst = math.Max(worst, (w.X0-r.Words[i-1].X1+size-pitch)/size)
			}
		}
	}
	return worst
}

// typoMeanStretch is the largest mean space, in em, that a line adds
// between the characters of a word of mostly hanzi (a word that starts with
// a bracket is not measured by typoHanStretch).
func typoMeanStretch(r *pdfread.Row, st *layout.Style) float64 {
	worst := 0.0
	for _, w := range r.Words {
		rs := []rune(w.Text)
		han := 0
		for _, c := range rs {
			if unicode.Is(unicode.Han, c) {
				han++
			}
		}
		if len(rs) >= 8 && han*5 >= len(rs)*4 {
			worst = math.Max(worst, ((w.X1-w.X0-r.Size)/float64(len(rs)-1)-st.CharPitch())/r.Size)
		}
	}
	return worst
}

type typoGridFigures struct {
	Lines, Off int
	MaxDev     float64
	Faults     []string
}

// typoCheckGrid checks that every body baseline lies on top + first baseline + k × pitch,
// k = 0 … LinesPerPage−1, within typoGridTolerance.
func typoCheckGrid(gs []*pdfread.Geom, st *layout.Style) typoGridFigures {
	var f typoGridFigures
	first := st.Top + st.FirstBaseline()
	for _, l := range typoLines(gs, st) {
		f.Lines++
		b := l.row.Baseline
		if math.IsNaN(b) {
			f.Off++
			f.Faults = append(f.Faults, fmt.Sprintf("%s: no baseline can be read from the word boxes", l))
			continue
		}
		k := math.Round((b - first) / st.LinePitch)
		d := b - (first + k*st.LinePitch)
		f.MaxDev = math.Max(f.MaxDev, math.Abs(d))
		if math.Abs(d) > typoGridTolerance || k < 0 || int(k) >= st.LinesPerPage {
			f.Off++
			f.Faults = append(f.Faults, fmt.Sprintf("%s: baseline %.2f is %+.2f pt from grid line %d (%.2f = %.2f + %d × %.2f); limit ±%.1f on lines 1–%d",
				l, b, d, int(k)+1, first+k*st.LinePitch, first, int(k), st.LinePitch, typoGridTolerance, st.LinesPerPage))
		}
	}
	return f
}

type typoPageFigures struct {
	Pages, MaxLines, MaxFolio, Overfull, Single int
	Faults                                      []string
}

// typoCheckLinesPerPage checks for at most LinesPerPage body lines a page and no body
// page whose only text is one line.
func typoCheckLinesPerPage(gs []*pdfread.Geom, st *layout.Style) typoPageFigures {
	var f typoPageFigures
	for _, g := range gs {
		if g.Folio == 0 {
			continue
		}
		f.Pages++
		n := len(g.SizedRows(st.BodySize))
		if n > f.MaxLines {
			f.MaxLines, f.MaxFolio = n, g.Folio
		}
		if n > st.LinesPerPage {
			f.Overfull++
			f.Faults = append(f.Faults, fmt.Sprintf("page %d (folio %d) holds %d body lines, limit %d", g.N, g.Folio, n, st.LinesPerPage))
		}
		if rows := g.AreaRows(); len(rows) == 1 {
			f.Single++
			f.Faults = append(f.Faults, fmt.Sprintf("page %d (folio %d) holds a single line and nothing else: %q", g.N, g.Folio, rows[0].Text()))
		}
	}
	return f
}

func typoReport(t *testing.T, faults []string) {
	t.Helper()
	for _, m := range faults {
		t.Error(m)
	}
}

// ---------------------------------------------------------------------------
// Issue 4, items 6–9

func TestTypographyLineStartEnd(t *testing.T) {
	for _, fx := range typoFixtures {
		t.Run(fx.name, func(t *testing.T) {
			_, st, gs := typoReadFixture(t, fx)
			f := typoCheckStartEnd(gs, st)
			if f.Lines == 0 {
				t.Fatal("no body or title line read back")
			}
			typoReport(t, f.Faults)
			t.Logf("FIGURES %s: %d body and title lines; %d start with a closing mark, %d end with an opening mark (limit 0 each)",
				fx.name, f.Lines, f.BadStart, f.BadEnd)
		})
	}
}

func TestTypographyJustifiedToRightEdge(t *testing.T) {
	for _, fx := range typoFixtures {
		t.Run(fx.name, func(t *testing.T) {
			is, st, gs := typoReadFixture(t, fx)
			f := typoCheckRightEdge(typoParagraphs(is), typoSpacedPairs(is), gs, st)
			for _, p := range f.Missing {
				t.Errorf("paragraph not found line by line in the PDF (its lines do not spell it): %q", pdfread.FirstRunes(p, 40))
			}
			if f.Full == 0 {
				t.Fatal("no full line found: the paragraphs were not recognised in the PDF")
			}
			typoReport(t, f.Faults)
			t.Logf("FIGURES %s: %d paragraphs, %d not found in the PDF; %d full lines (%d end in a half-width mark); %d off the right edge; max |deviation| %.2f pt on plain lines (limit %.1f), %.2f pt on mark-ended lines (limit %.1f short, %.1f over)",
				fx.name, f.Paragraphs, len(f.Missing), f.Full, f.MarkLines, len(f.Faults), f.MaxPlain, typoEdgeTolerance, f.MaxMark, st.BodySize/2+typoEdgeTolerance, typoEdgeTolerance)
			for i, w := range f.Worst {
				if i == 5 {
					break
				}
				t.Logf("  worst %d: %+.2f pt %s", i+1, w.D, w.Line)
			}
			t.Logf("FIGURES %s (reported, not asserted): justification adds at most %.3f em between two hanzi; %d full lines add more than %.2f em",
				fx.name, f.MaxStretch, len(f.Stretched), typoLooseSpacing)
			for i, w := range f.Stretched {
				if i == 5 {
					break
				}
				t.Logf("  loosest %d: %.3f em %s", i+1, w.D, w.Line)
			}
		})
	}
}

func TestTypographyBaselineGrid(t *testing.T) {
	for _, fx := range typoFixtures {
		t.Run(fx.name, func(t *testing.T) {
			_, st, gs := typoReadFixture(t, fx)
			f := typoCheckGrid(gs, st)
			if f.Lines == 0 {
				t.Fatal("no body line read back")
			}
			typoReport(t, f.Faults)
			t.Logf("FIGURES %s: %d body baselines, %d off the %.2f bp grid (limit 0), max deviation %.3f pt (limit %.1f)",
				fx.name, f.Lines, f.Off, st.LinePitch, f.MaxDev, typoGridTolerance)
		})
	}
}

func TestTypographyLinesPerPage(t *testing.T) {
	for _, fx := range typoFixtures {
		t.Run(fx.name, func(t *testing.T) {
			_, st, gs := typoReadFixture(t, fx)
			f := typoCheckLinesPerPage(gs, st)
			if f.Pages == 0 {
				t.Fatal("no body page read back")
			}
			typoReport(t, f.Faults)
			t.Logf("FIGURES %s: %d body pages; at most %d body lines on a page (folio %d; limit %d); %d pages over the limit; %d single-line pages (limit 0)",
				fx.name, f.Pages, f.MaxLines, f.MaxFolio, st.LinesPerPage, f.Overfull, f.Single)
		})
	}
}

// TestTypographyChecksCatchFaults runs the checks on a page made up to
// break every rule once, so none of them can pass vacuously.
func TestTypographyChecksCatchFaults(t *testing.T) {
	st, err := layout.Preset("gbt9704")
	if err != nil {
		t.Fatal(err)
	}
	m := pdfread.BoxMetrics{CJKDesc: 0.12}
	base := func(k int) float64 { return st.Top + st.FirstBaseline() + float64(k)*st.LinePitch }
	page := func(n, folio int, rows ...pdfread.Word) *pdfread.Geom {
		g := &pdfread.Geom{Page: &pdfread.Page{N: n, W: st.PageWidth, H: st.PageHeight}, Folio: folio, Recto: folio%2 == 1,
			Top: st.Top, Bottom: st.Top + st.TextHeight()}
		g.Left = st.Left(g.Recto)
		g.Right = g.Left + st.TextWidth()
		g.Words = rows
		g.Rows = pdfread.GroupRows(rows, m)
		return g
	}
	// A word of body size on grid line k (+ dy), from x0 to x1.
	word := func(text string, k int, dy, x0, x1 float64) pdfread.Word {
		b := base(k) + dy
		return pdfread.Word{X0: x0, X1: x1, Y0: b - 0.88*st.BodySize, Y1: b + 0.12*st.BodySize, Text: text}
	}
	left, right := st.Left(true), st.Left(true)+st.TextWidth()
	p1 := page(5, 1,
		word("，开头是逗号", 0, 0, left, left+100),
		word("结尾是开括号（", 1, 0, left, left+120),
		word("甲乙丙丁戊己", 2, 0, left, right-5), // full line 5 pt short
		word("庚辛壬癸，", 3, 0, left, right-10), // mark-ended, 18 pt short
		word("子丑寅卯，", 4, 0, left, right+8),  // mark-ended, flush: fine
		word("辰巳", 5, 1.0, left, left+40),   // 1 pt below the grid
	)
	var rows []pdfread.Word
	for k := 0; k < 23; k++ {
		rows = append(rows, word("满", k%st.LinesPerPage, float64(k/st.LinesPerPage)*10, left, left+16))
	}
	p2 := page(6, 2, rows...)
	p3 := page(7, 3, word("孤行", 0, 0, st.Left(true), st.Left(true)+32))
	gs := []*pdfread.Geom{p1, p2, p3}

	if f := typoCheckStartEnd(gs, st); f.BadStart != 1 || f.BadEnd != 1 {
		t.Errorf("line starts and ends: %d bad starts, %d bad ends, want 1 and 1: %q", f.BadStart, f.BadEnd, f.Faults)
	}
	paras := []string{"甲乙丙丁戊己庚辛壬癸，子丑寅卯，辰巳"}
	if f := typoCheckRightEdge(paras, nil, gs, st); len(f.Faults) != 2 || f.Full != 3 || len(f.Missing) != 0 {
		t.Errorf("right edge: %d full lines, %d faults, %d paragraphs missing; want 3, 2 (the 5 pt and the 18 pt short lines), 0: %q",
			f.Full, len(f.Faults), len(f.Missing), f.Faults)
	}
	if f := typoCheckGrid(gs, st); f.Off != 1+1 {
		t.Errorf("grid: %d baselines off, want 2 (one 1 pt low, one 10 pt low): %q", f.Off, f.Faults)
	}
	if f := typoCheckLinesPerPage(gs, st); f.Overfull != 1 || f.Single != 1 || f.MaxLines != 23 {
		t.Errorf("lines per page: %d overfull, %d single, max %d; want 1, 1, 23: %q", f.Overfull, f.Single, f.MaxLines, f.Faults)
	}
}

// TestTypographyHandwrittenStructure makes sure the hand-written issue was
// read as intended, so the figures above measure what it provokes.
func TestTypographyHandwrittenStructure(t *testing.T) {
	is, _ := typoHandwritten(t)
	docs := is.Documents()
	if len(docs) != 1 {
		t.Fatalf("%d documents", len(docs))
	}
	count := map[model.Kind]int{}
	for _, b := range docs[0].Blocks {
		count[b.Kind]++
	}
	want := map[model.Kind]int{model.Title: 1, model.DocNumber: 1, model.Addressee: 1, model.Paragraph: 28, model.Signer: 1, model.SignDate: 1}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%d blocks of kind %s, want %d (blocks: %v)", count[k], k, n, count)
		}
	}
}
