package main

// The issue no one tuned the layout to (testdata/issues/composition): long
// web and e-mail addresses, full-width numbers, units and measure words in
// text and tables, titles whose dictionary words fall at the line ends.
// Built and read back with pdftotext (issue 9, "Done when").

import (
	"strings"
	"testing"
	"unicode"

	"gazette/internal/testtool/pdfread"
	"gazette/internal/zhwords"
)

const compositionIssue = "../../testdata/issues/composition/issue.toml"

var compositionBuild rbSharedBuild

func cachedComposition(t *testing.T) string {
	t.Helper()
	_, pdf := compositionBuild.get(t, "composition", func(string) (string, error) { return compositionIssue, nil })
	return pdf
}

// textLines is pdftotext's reading of pdf, one string per line, spaces
// dropped.
func textLines(t *testing.T, pdf string, layout bool) []string {
	t.Helper()
	args := []string{"-enc", "UTF-8"}
	if layout {
		args = append(args, "-layout")
	}
	var out []string
	for _, l := range strings.Split(runTool(t, "pdftotext", append(args, pdf, "-")...), "\n") {
		out = append(out, noSpace(l))
	}
	return out
}

// TestCompositionAddressesCopyOut: the web and e-mail addresses, broken
// over lines, copy out of the PDF exactly: no line ends with a hyphen
// pdftotext would take for a hyphenation and drop.
func TestCompositionAddressesCopyOut(t *testing.T) {
	pdf := cachedComposition(t)
	lines := textLines(t, pdf, false)
	all := strings.Join(lines, "")
	for _, addr := range []string{
		"https://www.example.gov.cn/zwgk/feiyi-minglu/2023/art_20230615_000018.html?id=18&page=2",
		"fuliang_feiyi-baohu@example-county.gov.cn",
		"http://yszx.example.gov.cn/ysgl/login.jsp?from=portal&unit=360281",
	} {
		if !strings.Contains(all, addr) {
			t.Errorf("%s does not copy out whole", addr)
		}
	}
	for _, l := range lines {
		if strings.HasSuffix(l, "-") {
			t.Errorf("a line ends with a hyphen: %q", l)
		}
	}
}

// TestCompositionNumbersAndUnitsOnOneLine: numbers in full- and half-width
// digits, with their decimal points, separators, percent signs and ranges,
// and the units and measure words after them, each read back from one line,
// in the text and in the table.
func TestCompositionNumbersAndUnitsOnOneLine(t *testing.T) {
	pdf := cachedComposition(t)
	lines := textLines(t, pdf, true)
	for _, want := range []string{
		"１２项", "２０２３年", "６月", "４６名", "１２．５％", "１，２５０平方米", "２０２３—２０２５年", "３０小时", "３０日",
		"320个", "2栋", "4.2万平方米", "186.5公里", "12兆瓦", "1.05亿千瓦时", "50架", "12座", "8间", "6500立方米", "1.2万户",
		"1间", "30平方米", "110千伏", "500kV", "1座", "YD/T5201—2014", "GB50311-2016",
		"公里", "立方米", "兆瓦", // table cells
	} {
		found := false
		for _, l := range lines {
			found = found || strings.Contains(l, want)
		}
		if !found {
			t.Errorf("%q is split over lines", want)
		}
	}
}

// compositionTitles are the titles of the issue's documents.
var compositionTitles = []string{
	"浮梁县人民政府关于公布第六批县级非物质文化遗产代表性项目名录的通知",
	"关于加快推进5G网络和算力基础设施建设的实施意见",
	"乐平市人民政府关于进一步深化预算管理制度改革加强财政资源统筹的实施意见",
	"湖南省人民代表大会常务委员会关于修改《湖南省实施〈中华人民共和国农业技术推广法〉办法》等地方性法规的决定",
}

// TestCompositionTitlesBreakBetweenWords: each title is read back in lines
// that break between the words of the dictionary, not inside 非物质,
// 代表性, 基础设施, 常务委员会 or 深化预算.
func TestCompositionTitlesBreakBetweenWords(t *testing.T) {
	pdf := cachedComposition(t)
	lines := textLines(t, pdf, true)
	for _, title := range compositionTitles {
		got := titleRun(lines, title)
		if got == nil {
			t.Errorf("title %q not read back as whole lines", title)
			continue
		}
		for i := 0; i+1 < len(got); i++ {
			if w := wordAcross(got[i], got[i+1]); w != "" {
				t.Errorf("title lines %q | %q break inside %q", got[i], got[i+1], w)
			}
			a, b := string(got[i]), string(got[i+1])
			for _, w := range []string{"非物质", "代表性", "基础设施", "常务委员会", "深化预算"} {
				if strings.Contains(a+b, w) && !strings.Contains(a, w) && !strings.Contains(b, w) {
					t.Errorf("title lines %q | %q split %q", got[i], got[i+1], w)
				}
			}
		}
	}
}

// titleRun finds the consecutive lines (after the 目录) that spell title
// and returns them.
func titleRun(lines []string, title string) [][]rune {
	for i := len(lines) - 1; i >= 0; i-- { // the last occurrence: the document, not the 目录
		var got [][]rune
		s := ""
		for j := i; j < len(lines) && len(s) < len(title) && strings.HasPrefix(title, s+lines[j]) && lines[j] != ""; j++ {
			s += lines[j]
			got = append(got, []rune(lines[j]))
		}
		if s == title {
			return got
		}
	}
	return nil
}

// wordAcross returns the dictionary word a break between a and b falls
// inside, or "".
func wordAcross(a, b []rune) string {
	ra := a[max(0, len(a)-zhwords.MaxLen):]
	rb := b[:min(len(b), zhwords.MaxLen)]
	text := append(append([]rune(nil), ra...), rb...)
	at := 0
	for _, n := range zhwords.Segment(text) {
		if at < len(ra) && at+n > len(ra) {
			return string(text[at : at+n])
		}
		at += n
	}
	return ""
}

// TestCompositionNoLetterSpacedLine: no two hanzi of a text line are read
// back more than a quarter em (and the reading's slack) further apart than
// set solid.
func TestCompositionNoLetterSpacedLine(t *testing.T) {
	pdf := cachedComposition(t)
	is, _ := compositionBuild.get(t, "composition", nil)
	rb := pdfread.Read(t, pdf, is.Book)
	st := rbStyle(t, is)
	em := st.BodySize
	for _, p := range pdfread.Geometry(rb, st) {
		if p.Folio == 0 {
			continue // the front matter: its mottos are spaced on purpose
		}
		for _, r := range p.Rows {
			if r.Size < em*0.9 || r.Size > em*1.1 {
				continue
			}
			for i := 1; i < len(r.Words); i++ {
				a, b := r.Words[i-1], r.Words[i]
				if !unicode.Is(unicode.Han, lastRune(a.Text)) || !unicode.Is(unicode.Han, b.First()) {
					continue
				}
				if gap := b.X0 - a.X1; gap > em*0.3 {
					t.Errorf("page %d: %q and %q are %.1f pt apart (more than a quarter em): %q", p.N, a.Text, b.Text, gap, r.Text())
				}
			}
		}
	}
}

func lastRune(s string) rune {
	rs := []rune(s)
	if len(rs) == 0 {
		return 0
	}
	return rs[len(rs)-1]
}
