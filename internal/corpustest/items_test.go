package corpustest

import (
	"html"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gazette/internal/build"
	"gazette/internal/testtool"
	"gazette/internal/testtool/pdfread"
)

// gsChar is a glyph as Ghostscript's txtwrite reads it: its text, the font
// of the run it is in, and its left edge and baseline.
type gsChar struct {
	text string
	font string // lower case
	x, y float64
}

var (
	gsSpanOpenRE = regexp.MustCompile(`<span bbox="[^"]*" font="([^"]*)"`)
	gsCharRE     = regexp.MustCompile(`<char bbox="([\d.-]+) ([\d.-]+) [\d.-]+ [\d.-]+" c="([^"]*)"/>`)
)

// gsPageChars reads the glyphs of page n (1-based) of pdf, each with the
// font that sets it.
func gsPageChars(t *testing.T, pdf string, n int) []gsChar {
	t.Helper()
	page := strconv.Itoa(n)
	out := testtool.Run(t, "gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite", "-dTextFormat=0",
		"-dFirstPage="+page, "-dLastPage="+page, "-sOutputFile=-", pdf)
	var chars []gsChar
	font := ""
	for _, line := range strings.Split(out, "\n") {
		if m := gsSpanOpenRE.FindStringSubmatch(line); m != nil {
			font = strings.ToLower(m[1])
		} else if m := gsCharRE.FindStringSubmatch(line); m != nil {
			x, _ := strconv.ParseFloat(m[1], 64)
			y, _ := strconv.ParseFloat(m[2], 64)
			chars = append(chars, gsChar{text: html.UnescapeString(m[3]), font: font, x: x, y: y})
		}
	}
	return chars
}

// TestProvinceReplyItemsInFang reads back the province issue's 批复
// (内政字〔2020〕102号): its three points are numbered items, not headings
// (docs/document-kinds.md#numbered-items), so the only 黑体 glyphs of its
// text are the numbers 一、二、三、, and each number runs into its sentence
// in 仿宋 on the same line.
func TestProvinceReplyItemsInFang(t *testing.T) {
	testtool.Need(t, "gs")
	testtool.Need(t, "pdftotext")
	is, pdf, err := build.Build(filepath.Join(testdata, "issues", "province", "issue.toml"), filepath.Join(t.TempDir(), "issue.pdf"))
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	doc := pdfread.Read(t, pdf, is.Book)
	page := 0
	for _, p := range doc.Pages {
		if text := p.Text(); strings.Contains(text, "专此批复") && strings.Contains(text, "根河市人民政府应按照") {
			page = p.N
		}
	}
	if page == 0 {
		t.Fatal("the 批复 of 根河 is not in the issue")
	}
	chars := gsPageChars(t, pdf, page)
	// the running head stands above the title, set in 小标宋 (here
	// FandolSong-Bold); only what is under the title's first line counts
	top := -1.0
	for _, c := range chars {
		if strings.Contains(c.font, "song-bold") {
			top = c.y
			break
		}
	}
	if top < 0 {
		t.Fatalf("page %d: no title glyph found", page)
	}
	var hei strings.Builder
	for i, c := range chars {
		if c.y < top || !strings.Contains(c.font, "hei") {
			continue
		}
		hei.WriteString(c.text)
		if c.text != "、" {
			continue
		}
		// the number's sentence follows on its line, in 仿宋
		if i+1 >= len(chars) || chars[i+1].y != c.y {
			t.Errorf("page %d: the number ending at x=%.0f has nothing after it on its line", page, c.x)
		} else if next := chars[i+1]; !strings.Contains(next.font, "fang") {
			t.Errorf("page %d: %q after the number is in %s, want 仿宋", page, next.text, next.font)
		}
	}
	if got := hei.String(); got != "一、二、三、" {
		t.Errorf("page %d: the 黑体 glyphs of the 批复 read %q, want only the numbers %q", page, got, "一、二、三、")
	}
}
