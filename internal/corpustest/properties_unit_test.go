package corpustest

import (
	"strings"
	"testing"

	"gazette/internal/testtool/pdfread"
	"gazette/layout"
)

// metrics are word-box metrics as Read calibrates them on the built-in faces.
var metrics = pdfread.BoxMetrics{CJKDesc: 0.12, LatinDesc: 0.28, LatinH: 1.336}

// hanzi makes a CJK word of n glyphs of size 16 on the baseline y, from x.
func hanzi(text string, x, y float64) pdfread.Word {
	n := float64(len([]rune(text)))
	return pdfread.Word{X0: x, X1: x + 16*n, Y0: y - 16*0.88, Y1: y + 16*0.12, Text: text}
}

func row(words ...pdfread.Word) *pdfread.Row {
	return pdfread.GroupRows(words, metrics)[0]
}

func gbStyle(t *testing.T) *layout.Style {
	t.Helper()
	st, err := layout.Preset("gbt9704")
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestInOrder(t *testing.T) {
	for _, c := range []struct {
		name, pdf, want string
		found           int
	}{
		{"all found", "标题正文第一句。", "标题正文第一句。", 8},
		{"running head between", "正文" + strings.Repeat("头", 50) + "继续", "正文继续", 4},
		{"目录 entry before the body", "目录甲乙丙…（3）" + strings.Repeat("页", 70) + "甲乙丙丁戊己庚辛", "甲乙丙丁戊己庚辛", 8},
		{"a lost character", "第一条为了规范", "第一条(为了规范", 7},
		{"half-width parentheses printed full-width", "（遵府办发〔2007〕2号）", "(遵府办发〔2007〕2号)", 12},
	} {
		found, lost := inOrder([]rune(c.pdf), []rune(c.want))
		if found != c.found {
			t.Errorf("%s: found %d, want %d (lost %q)", c.name, found, c.found, lost)
		}
		if len(lost) != len([]rune(c.want))-found {
			t.Errorf("%s: %d lost reported for %d missing", c.name, len(lost), len([]rune(c.want))-found)
		}
	}
}

func TestKinsokuFaults(t *testing.T) {
	st := gbStyle(t)
	for _, c := range []struct {
		name  string
		words []pdfread.Word
		want  string // "" when the line is fine
	}{
		{"fine", []pdfread.Word{hanzi("通知如下：", 100, 200)}, ""},
		{"full stop at line start", []pdfread.Word{hanzi("。各单位", 100, 200)}, "starts with “。”"},
		{"half-width comma at line start", []pdfread.Word{{X0: 100, X1: 104, Y0: 200 - 16*1.056, Y1: 200 + 16*0.28, Text: ","}, hanzi("自觉", 104, 200)}, "starts with “,”"},
		{"closing 书名号 at line start", []pdfread.Word{hanzi("》的批复", 100, 200)}, "starts with “》”"},
		{"opening bracket at line end", []pdfread.Word{hanzi("规定（", 100, 200)}, "ends with “（”"},
		{"solidus at line end (GB level)", []pdfread.Word{hanzi("网址", 100, 200), {X0: 132, X1: 140, Y0: 200 - 16*1.056, Y1: 200 + 16*0.28, Text: "www.gov.cn/"}}, "ends with “/”"},
		{"far fields are separate lines", []pdfread.Word{hanzi("签名", 100, 200), hanzi("。日期", 300, 200)}, "starts with “。”"},
	} {
		got := strings.Join(kinsokuFaults(row(c.words...), st), "; ")
		if c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestSpacingFaults(t *testing.T) {
	solid := row(hanzi("为加强对人工影响", 100, 200), hanzi("天气工作的管理", 100+16*8+2, 200))
	if got := spacingFaults(solid, nil); len(got) != 0 {
		t.Errorf("2 pt (an eighth em) added: %q, want no fault", got)
	}
	var spread []pdfread.Word
	for i, c := range []rune("通平台网址为") {
		spread = append(spread, hanzi(string(c), 100+float64(i)*16*3.8, 200))
	}
	got := spacingFaults(row(spread...), nil)
	if len(got) != 1 || !strings.Contains(got[0], "2.80 em") {
		t.Errorf("2.8 em between glyphs: %q, want one fault of 2.80 em", got)
	}
	article := row(hanzi("第一条", 100, 200), hanzi("为了规范", 100+16*4, 200))
	if got := spacingFaults(article, map[int]bool{3: true}); len(got) != 0 {
		t.Errorf("a space in the text: %q, want no fault", got)
	}
	if got := spacingFaults(article, nil); len(got) != 1 {
		t.Errorf("an em with no space in the text: %q, want a fault", got)
	}
	latin := row(hanzi("共计", 100, 200), pdfread.Word{X0: 100 + 32 + 4, X1: 100 + 32 + 4 + 24, Y0: 200 - 16*1.056, Y1: 200 + 16*0.28, Text: "385"}, hanzi("公里", 100+32+4+24+4, 200))
	if got := spacingFaults(latin, nil); len(got) != 0 {
		t.Errorf("a quarter em between hanzi and digits: %q, want no fault (not two CJK glyphs)", got)
	}
}

func TestSpacesInLayout(t *testing.T) {
	r := row(hanzi("第一条", 100, 200), hanzi("为了规范", 164, 200))
	p := &layout.Page{Runs: []layout.Run{{X: 164, Y: 200, Text: "为了规范"}, {X: 100, Y: 200, Text: "第一条　"}}}
	if got := spacesInLayout(r, p); !got[3] || len(got) != 1 {
		t.Errorf("spaces = %v, want a space before position 3", got)
	}
	p.Runs[0].Text = "为了规范性"
	if got := spacesInLayout(r, p); got != nil {
		t.Errorf("a layout line that does not spell the row: %v, want nil", got)
	}
}

func TestTrimFaults(t *testing.T) {
	p := &pdfread.Page{W: 595, H: 842, Words: []pdfread.Word{hanzi("正文", 100, 200), hanzi("鹤庆县人民政府公报", -36, 280)}}
	if got := trimFaults(p); len(got) != 1 || !strings.Contains(got[0], "鹤庆县") {
		t.Errorf("got %q, want the cover name outside the trim", got)
	}
}

func TestOverlapFaults(t *testing.T) {
	page := func(words ...pdfread.Word) *pdfread.Page {
		return &pdfread.Page{W: 595, H: 842, Words: words, Rows: pdfread.GroupRows(words, metrics)}
	}
	apart := page(hanzi("第一行", 100, 200), hanzi("第二行", 100, 228.95))
	if got := overlapFaults(apart, metrics); len(got) != 0 {
		t.Errorf("lines 28.95 pt apart: %q, want none", got)
	}
	latinBelow := page(hanzi("第一行", 100, 200), pdfread.Word{X0: 100, X1: 140, Y0: 228.95 - 16*1.056, Y1: 228.95 + 16*0.28, Text: "2023"})
	if got := overlapFaults(latinBelow, metrics); len(got) != 0 {
		t.Errorf("a Latin word's tall box on the next line: %q, want none (its glyphs are one em high)", got)
	}
	overprint := page(hanzi("标题第二行", 100, 200), hanzi("主送机关：", 120, 210))
	if got := overlapFaults(overprint, metrics); len(got) != 1 {
		t.Errorf("lines 10 pt apart: %q, want one fault", got)
	}
	shared := page(hanzi("）", 100, 200), hanzi("》的批复", 108, 200))
	if got := overlapFaults(shared, metrics); len(got) != 0 {
		t.Errorf("compressed marks sharing half an em: %q, want none", got)
	}
	stacked := page(hanzi("甲乙丙", 100, 200), hanzi("丁戊", 110, 200.5))
	if got := overlapFaults(stacked, metrics); len(got) != 1 {
		t.Errorf("two words printed on one another: %q, want one fault", got)
	}
	leaders := page(hanzi("标题", 100, 200), hanzi("···", 132, 200), hanzi("···", 140, 200))
	if got := overlapFaults(leaders, metrics); len(got) != 0 {
		t.Errorf("目录 leader dots: %q, want none", got)
	}
}
