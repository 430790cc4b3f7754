package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gazette/internal/testtool"
)

// buildPages builds the issue at manifest and returns the text of each page
// as pdftotext -layout reads it back.
func buildPages(t *testing.T, manifest string) ([]string, *Issue, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out.pdf")
	is, _, err := Build(manifest, out)
	if err != nil {
		t.Fatalf("%s: %v", manifest, err)
	}
	text := testtool.Run(t, "pdftotext", "-layout", out, "-")
	return strings.Split(strings.TrimRight(text, "\f"), "\f"), is, out
}

// An issue from Word and Excel files prints the same pages as from plain
// text: the sample (its .txt documents converted to .docx by LibreOffice,
// its CSV table kept in an .xlsx with real merged cells) and the issue of
// ten real documents of other kinds (testdata/docx/make-fixtures.sh).
func TestWordExcelIssuePrintsAsText(t *testing.T) {
	for _, tt := range []struct{ txt, docx string }{
		{"samples/changjiang-2023-04", "testdata/docx/sample"},
		{"testdata/issues/kinds", "testdata/docx/kinds"},
	} {
		txt, _, _ := buildPages(t, filepath.Join("..", "..", tt.txt, "issue.toml"))
		docx, is, _ := buildPages(t, filepath.Join("..", "..", tt.docx, "issue.toml"))
		if len(txt) != len(docx) {
			t.Fatalf("%s: %d pages from .txt, %d from .docx", tt.docx, len(txt), len(docx))
		}
		for i := range txt {
			if txt[i] != docx[i] {
				t.Errorf("%s: page %d differs:\n--- .txt\n%s\n--- .docx\n%s", tt.docx, i+1, txt[i], docx[i])
			}
		}
		for _, w := range is.Warnings {
			if strings.Contains(w.Error(), ".docx 第") && !strings.Contains(w.Error(), "段") {
				t.Errorf("a message about a Word file counts lines: %s", w)
			}
		}
	}
}

// wordIssue writes an issue of one section: the Word notice of
// testdata/docx/<producer> and a text notice with its Excel table.
func wordIssue(t *testing.T, producer string) string {
	t.Helper()
	manifest := testtool.CopySample(t, filepath.Join("..", "..", "samples", "changjiang-2023-04"), func(b []byte) []byte {
		s := string(b)
		s = s[:strings.Index(s, "\n[[section]]\ntitle")+1]
		return []byte(s + "[[section]]\ntitle = \"区政府办公室文件\"\ndocuments = [\"编号修订.docx\", \"指标通知.txt\"]\n")
	})
	dir := filepath.Dir(manifest)
	for from, to := range map[string]string{producer + "/编号修订.docx": "编号修订.docx", producer + "/指标.xlsx": "指标.xlsx"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "docx", from))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, to), data, 0o644)
	}
	notice := "关于2024年农业指标的通知\n\n各乡（镇）人民政府：\n现将2024年农业指标印发给你们。\n【表格：指标.xlsx 表头=2】\n"
	os.WriteFile(filepath.Join(dir, "指标通知.txt"), []byte(notice), 0o644)
	return manifest
}

// wordBox is a word pdftotext -bbox found, in points.
type wordBox struct {
	x0, y0, x1, y1 float64
	text           string
}

var bboxRE = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)

func wordBoxes(t *testing.T, pdf string) []wordBox {
	var out []wordBox
	for _, m := range bboxRE.FindAllStringSubmatch(testtool.Run(t, "pdftotext", "-bbox", pdf, "-"), -1) {
		f := func(i int) float64 { v, _ := strconv.ParseFloat(m[i], 64); return v }
		out = append(out, wordBox{f(1), f(2), f(3), f(4), m[5]})
	}
	return out
}

// find returns the boxes of the words that are text.
func find(words []wordBox, text string) []wordBox {
	var out []wordBox
	for _, w := range words {
		if w.text == text {
			out = append(out, w)
		}
	}
	return out
}

// What Word and Excel hold reaches the page: Word's numbering as text, only
// accepted changes, no comment or hidden text, the footnote as 注 after the
// text, merged cells merged, Excel's displayed values, no hidden sheet, row
// or column, the picture.
func TestWordExcelContentInPDF(t *testing.T) {
	for _, producer := range []string{"hand", "lo"} {
		t.Run(producer, func(t *testing.T) {
			pages, is, pdf := buildPages(t, wordIssue(t, producer))
			all := strings.Join(pages, "\f")
			flat := strings.Join(strings.Fields(all), "")
			for _, want := range []string{"一、总体要求", "（一）压实防汛责任。", "1.值班人员", "2.遇有险情", "（1）报告内容",
				"二、工作措施", "（一）加强隐患排查", "①圩堤巡查到位", "②物资储备到位", "甲、甲类险情", "乙、乙类险情", "十一、第十一项",
				"为做好今年防汛工作", "注：①报告电话：0798-8332255。",
				"1.50", "12.3%", "12,346", "50.0%", "2024年3月1日", "12347.18"} {
				if !strings.Contains(flat, want) {
					t.Errorf("%q is not printed", want)
				}
			}
			for _, gone := range []string{"去年", "内部草稿勿印", "批注", "整段删去", "草稿表不应印出", "隐藏行", "内部备注"} {
				if strings.Contains(flat, gone) {
					t.Errorf("%q is printed", gone)
				}
			}
			if producer == "hand" && strings.Contains(flat, "删去的行") {
				t.Error("a table row deleted as a tracked change is printed")
			}
			if d, n := strings.Index(flat, "2024年2月5日"), strings.Index(flat, "注：①"); d < 0 || n < d {
				t.Error("the footnote is not set after the date")
			}
			words := wordBoxes(t, pdf)
			// 城区 spans the 白班 and 夜班 rows: it stands between them.
			city, day, night := find(words, "城区"), find(words, "白班"), find(words, "夜班")
			if len(city) != 1 || len(day) != 1 || len(night) != 1 {
				t.Fatalf("城区 %v 白班 %v 夜班 %v", city, day, night)
			}
			if mid := (city[0].y0 + city[0].y1) / 2; mid < day[0].y1 || mid > night[0].y0 {
				t.Errorf("城区 at y %.1f is not between 白班 (%.1f) and 夜班 (%.1f)", mid, day[0].y1, night[0].y0)
			}
			// 2024年 spans the 目标 and 占比 columns of the Excel header.
			year, goal, share := find(words, "2024年"), find(words, "目标"), find(words, "占比")
			if len(goal) != 1 || len(share) != 1 || len(year) != 1 {
				t.Fatalf("2024年 %v 目标 %v 占比 %v", year, goal, share)
			}
			y := year[0]
			if mid := (y.x0 + y.x1) / 2; mid < goal[0].x1 || mid > share[0].x0 {
				t.Errorf("2024年 at x %.1f is not between 目标 (%.1f) and 占比 (%.1f)", mid, goal[0].x1, share[0].x0)
			}
			if images := testtool.Run(t, "pdfimages", "-list", pdf); strings.Count(images, "\n") < 3 {
				t.Errorf("no picture in the PDF:\n%s", images)
			}
			noted := false
			for _, w := range is.Warnings {
				noted = noted || strings.Contains(w.Error(), "C6")
			}
			if noted != (producer == "hand") {
				t.Errorf("formula without a value noted: %v", noted)
			}
		})
	}
}
