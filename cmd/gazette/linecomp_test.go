package main

// Line composition read back from real issues (docs/line-composition.md):
// the province issue's 批复 title with its compressed "）》", the titles and
// the cover's name broken between dictionary words, table cells broken
// between words (the county issue's 比去年同月增长(%)). Each reads the built
// PDF with pdftotext -bbox.

import (
	"html"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var provinceBuild, countyBuild rbSharedBuild

func cachedIssue(t *testing.T, b *rbSharedBuild, name string) string {
	t.Helper()
	_, pdf := b.get(t, name, func(string) (string, error) { return "../../testdata/issues/" + name + "/issue.toml", nil })
	return pdf
}

// bboxWord is one word box of pdftotext -bbox.
type bboxWord struct {
	x0, y0, x1, y1 float64
	text           string
}

func (w bboxWord) height() float64 { return w.y1 - w.y0 }
func (w bboxWord) cy() float64     { return (w.y0 + w.y1) / 2 }

// bboxLine is the words read on one baseline, left to right.
type bboxLine struct {
	words []bboxWord
	h     float64 // the tallest CJK word's height: the type size
}

func (l bboxLine) text() string {
	var sb strings.Builder
	for _, w := range l.words {
		sb.WriteString(w.text)
	}
	return sb.String()
}

var (
	bboxPageRE = regexp.MustCompile(`(?s)<page [^>]*>(.*?)</page>`)
	bboxWordRE = regexp.MustCompile(`xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<`)
)

// bboxPages reads pdf's words page by page and groups them into lines
// (words whose vertical centres lie within 3 pt), top to bottom.
func bboxPages(t *testing.T, pdf string) [][]bboxLine {
	t.Helper()
	var pages [][]bboxLine
	for _, pm := range bboxPageRE.FindAllStringSubmatch(runTool(t, "pdftotext", "-enc", "UTF-8", "-bbox", pdf, "-"), -1) {
		var words []bboxWord
		for _, m := range bboxWordRE.FindAllStringSubmatch(pm[1], -1) {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			words = append(words, bboxWord{f(m[1]), f(m[2]), f(m[3]), f(m[4]), html.UnescapeString(m[5])})
		}
		sort.SliceStable(words, func(i, j int) bool { return words[i].cy() < words[j].cy() })
		var lines []bboxLine
		for _, w := range words {
			if n := len(lines); n > 0 && math.Abs(lines[n-1].words[0].cy()-w.cy()) < 3 {
				lines[n-1].words = append(lines[n-1].words, w)
				continue
			}
			lines = append(lines, bboxLine{words: []bboxWord{w}})
		}
		for i := range lines {
			l := &lines[i]
			sort.Slice(l.words, func(i, j int) bool { return l.words[i].x0 < l.words[j].x0 })
			l.h = 0
			for _, w := range l.words { // the type size: a Latin word's box is taller than its size
				if r, _ := utf8.DecodeRuneInString(w.text); r >= 0x2E80 {
					l.h = math.Max(l.h, w.height())
				}
			}
		}
		pages = append(pages, lines)
	}
	return pages
}

// The marks that may not start a line, and those that may not end one
// (https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_end, basic level).
const (
	noStartMarks = "。，、：；！？）》」』”’〕】〉"
	noEndMarks   = "（《「『“‘〔【〈"
)

// titleSize is the least type size, in points, of the lines checked as
// titles: the 22 pt title and the cover's name, not body text (16 pt).
const titleSize = 20.0

// TestTitlesObeyProhibitionsReadBack: the province issue's 批复 title reads
// back as "…关于" / "《根河市城市总体规划（2019—2030）》的批复", and no line of a
// title (22 pt) or of the cover's name, in any issue built here, starts with
// a mark that may not start a line or ends with one that may not end it;
// no two words of such a line overlap (a compressed "）》" once read back as
// two words, the second taken for the start of a line).
func TestTitlesObeyProhibitionsReadBack(t *testing.T) {
	_, sample := cachedSample(t)
	pdfs := map[string]string{"province": cachedIssue(t, &provinceBuild, "province"), "county": cachedIssue(t, &countyBuild, "county"), "sample": sample}
	found := false
	for name, pdf := range pdfs {
		for pn, lines := range bboxPages(t, pdf) {
			for _, l := range lines {
				if l.h < titleSize {
					continue
				}
				s := l.text()
				found = found || s == "《根河市城市总体规划（2019—2030）》的批复"
				first, _ := utf8.DecodeRuneInString(s)
				last, _ := utf8.DecodeLastRuneInString(s)
				if strings.ContainsRune(noStartMarks, first) || strings.ContainsRune(noEndMarks, last) {
					t.Errorf("%s p%d: the title line %q starts or ends with a mark the prohibitions forbid there", name, pn+1, s)
				}
				for i := 1; i < len(l.words); i++ {
					if a, b := l.words[i-1], l.words[i]; a.x1-b.x0 > 2 {
						t.Errorf("%s p%d: %q and %q overlap by %.1f pt", name, pn+1, a.text, b.text, a.x1-b.x0)
					}
				}
			}
		}
	}
	if !found {
		t.Error("province: the 批复's title does not read back as 《根河市城市总体规划（2019—2030）》的批复 on one line")
	}
}

// TestTitlesBreakBetweenWordsReadBack: in the sample, the province and the
// county issues, consecutive lines of a title or of the cover's name never
// break inside a dictionary word (人民代表大会, 预算, 宁夏, 公报 …).
func TestTitlesBreakBetweenWordsReadBack(t *testing.T) {
	_, sample := cachedSample(t)
	pdfs := map[string]string{"province": cachedIssue(t, &provinceBuild, "province"), "county": cachedIssue(t, &countyBuild, "county"), "sample": sample}
	pairs := 0
	for name, pdf := range pdfs {
		for pn, lines := range bboxPages(t, pdf) {
			for i := 0; i+1 < len(lines); i++ {
				a, b := lines[i], lines[i+1]
				if a.h < titleSize || math.Abs(a.h-b.h) > 0.5 || b.words[0].cy()-a.words[0].cy() > 2*a.h {
					continue
				}
				pairs++
				if w := wordAcross([]rune(a.text()), []rune(b.text())); w != "" {
					t.Errorf("%s p%d: %q | %q breaks inside %q", name, pn+1, a.text(), b.text(), w)
				}
			}
		}
	}
	if pairs < 5 {
		t.Errorf("only %d title line pairs read back: the test sees no titles", pairs)
	}
}

// TestTableCellsBreakBetweenWordsReadBack: a table cell that wraps breaks
// between dictionary words — the county issue's header reads 比去年同月 over
// 增长(%), not 比去年同月增 over 长(%). A cell's line is a word of the table
// type size; its next line is the word right under it, centred on the same
// point.
func TestTableCellsBreakBetweenWordsReadBack(t *testing.T) {
	pdf := cachedIssue(t, &countyBuild, "county")
	const tableSize = 12.0 // 小四, the table type on A4
	seen := false
	for pn, lines := range bboxPages(t, pdf) {
		var words []bboxWord
		for _, l := range lines {
			words = append(words, l.words...)
		}
		for _, a := range words {
			if math.Abs(a.height()-tableSize) > 0.5 {
				continue
			}
			for _, b := range words {
				centre := math.Abs((a.x0+a.x1)/2 - (b.x0+b.x1)/2)
				if math.Abs(b.height()-tableSize) > 0.5 || centre > 1 || b.cy() <= a.cy()+1 || b.cy()-a.cy() > 2*tableSize {
					continue
				}
				seen = seen || a.text == "比去年同月" && b.text == "增长(%)"
				if w := wordAcross([]rune(a.text), []rune(b.text)); w != "" {
					t.Errorf("p%d: the cell reads %q | %q, breaking inside %q", pn+1, a.text, b.text, w)
				}
			}
		}
	}
	if !seen {
		t.Error("the county table's header does not read 比去年同月 | 增长(%)")
	}
}
