package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/preflight"
	"gazette/internal/testtool"
	"gazette/internal/testtool/pdfread"
)

// stressIssue writes an issue of the inputs that used to overprint, run
// off the page or hang: a 14-character gazette name, a committee of 40
// with a 常务副主任, a section title of 30 characters, a 200-character
// title, a table of 16 short columns, a row taller than a page under a
// header, a table of 22 columns (set turned) and a picture five times as
// tall as it is wide.
func stressIssue(t *testing.T) string {
	t.Helper()
	m := testtool.CopySample(t, sampleDir, func(b []byte) []byte {
		s := string(b)
		s = strings.Replace(s, `name = "昌江区人民政府公报"`, `name = "新疆维吾尔自治区人民政府公报"`, 1)
		var names []string
		for i := 0; i < 40; i++ {
			names = append(names, fmt.Sprintf("%q", string([]rune("王李张刘陈杨黄赵吴周")[i%10])+string([]rune("伟芳娜敏静丽强磊")[i/10%8])+"明"))
		}
		s = strings.Replace(s, `role = "副主任"`, `role = "常务副主任"`, 1)
		s = strings.Replace(s, `names = ["段守阳", "彭丹", "郝卿雅", "徐润发", "胡河胜", "胡招龙", "李胜", "王炜", "程国锦"]`,
			"names = ["+strings.Join(names, ", ")+"]", 1)
		s = strings.Replace(s, `title = "区政府办公室文件"`, `title = "区人民政府办公室关于印发各类专项工作方案和实施意见的文件汇编"`, 1)
		s = strings.Replace(s, `  "05-第33次常务会议.txt",`, `  "05-第33次常务会议.txt", "stress.txt",`, 1)
		return []byte(s)
	})
	dir := filepath.Dir(m)
	var cols, row, turned []string
	for c := 0; c < 16; c++ {
		cols = append(cols, fmt.Sprintf("列%d", c+1))
		row = append(row, fmt.Sprint(c*7))
	}
	for c := 0; c < 22; c++ {
		turned = append(turned, fmt.Sprintf("栏%d", c+1))
	}
	files := map[string]string{
		"stress.txt": "【标题】关于" + strings.Repeat("进一步加强和改进", 25) + "的通知\n\n各单位：\n现将有关表格印发给你们。\n【表格：宽表.csv 表头=1】\n【表格：长格.csv 表头=1】\n【表格：横表.csv 表头=1】\n【图片：长图.png】\n特此通知。\n",
		"宽表.csv":     strings.Join(cols, ",") + "\n" + strings.Repeat(strings.Join(row, ",")+"\n", 5),
		"长格.csv":     "项目,内容\n甲,\"" + strings.Repeat("这是一个很长的格子内容用来测试超过一页的行，", 150) + "\"\n乙,2023年\n",
		"长图.png":     string(pngBytes(t, 400, 2000)),
		"横表.csv":     strings.Join(turned, ",") + "\n" + strings.Repeat(strings.Join(row, ",")+",1,2,3,4,5,6\n", 40),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// TestNothingOverprints builds the stress issue and reads the PDF back:
// every word inside its page's trim, no two words over each other, qpdf
// finds the file sound and gazette preflight finds no error.
func TestNothingOverprints(t *testing.T) {
	testtool.Need(t, "pdftotext")
	testtool.Need(t, "qpdf")
	m := stressIssue(t)
	pdf := filepath.Join(t.TempDir(), "stress.pdf")
	is, _, err := Build(m, pdf)
	if err != nil {
		t.Fatal(err)
	}
	checkReadBack(t, pdf, is)
	// what the issue names is all there: the two-line cover name, the
	// committee, the long title and the long cell's last words
	text := testtool.Run(t, "pdftotext", "-enc", "UTF-8", pdf, "-")
	flat := strings.Join(strings.Fields(text), "")
	for _, want := range []string{"新疆维吾尔自治区人民政府公报", "常务副主任", "李伟明", "周敏明", "加强和改进的通知", "列16", "栏22"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	// the row taller than a page continues under its repeated header: every
	// phrase of its cell is printed once
	cell := strings.ReplaceAll(flat, "项目内容", "")
	if n := strings.Count(cell, "用来测试超过一页的行"); n != 150 {
		t.Errorf("the long cell prints %d of its 150 phrases", n)
	}
}

// checkReadBack reads a built PDF back: every word inside its page's trim,
// no two words over each other (a 目录 leader aside), qpdf finds the file
// sound and gazette preflight finds no error.
func checkReadBack(t *testing.T, pdf string, is *Issue) {
	t.Helper()
	d := pdfread.Read(t, pdf, is.Book)
	faults := 0
	fault := func(format string, args ...any) {
		if faults++; faults <= 12 {
			t.Errorf(format, args...)
		}
	}
	for _, p := range d.Pages {
		for i, a := range p.Words {
			if a.X0 < -0.5 || a.Y0 < -0.5 || a.X1 > p.W+0.5 || a.Y1 > p.H+0.5 {
				fault("page %d: %q at %.1f,%.1f–%.1f,%.1f lies outside the %.0f × %.0f trim", p.N, a.Text, a.X0, a.Y0, a.X1, a.Y1, p.W, p.H)
			}
			if strings.Trim(a.Text, "·") == "" {
				continue // a 目录 leader runs up to its page number's bracket
			}
			for _, b := range p.Words[i+1:] {
				if strings.Trim(b.Text, "·") == "" {
					continue
				}
				em := min(a.Height(), b.Height())
				ox := min(a.X1, b.X1) - max(a.X0, b.X0)
				oy := min(a.Y1, b.Y1) - max(a.Y0, b.Y0)
				if ox > 0.6*em && oy > 0.4*em {
					fault("page %d: %q and %q overlap (%.1f × %.1f pt)", p.N, a.Text, b.Text, ox, oy)
				}
			}
		}
	}
	if faults > 12 {
		t.Errorf("… %d faults in all", faults)
	}
	testtool.Run(t, "qpdf", "--check", pdf)
	rep, err := preflight.Check(pdf, preflight.Options{MaxSaddle: 200})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		if f.Severity == preflight.Error {
			t.Errorf("preflight: %s (pages %v)", f.Message, f.Pages)
		}
	}
}

// TestNothingOverprintsCommittee builds an issue of 200 committee roles,
// 30 documents in the 目录, a row taller than a page in a table without a
// header and a table of 12 columns, and reads it back as
// TestNothingOverprints does; every role and document is printed.
func TestNothingOverprintsCommittee(t *testing.T) {
	testtool.Need(t, "pdftotext")
	testtool.Need(t, "qpdf")
	var committee, docs strings.Builder
	sur, giv := []rune("王李张刘陈杨黄赵吴周"), []rune("伟芳娜敏静丽强磊军洋")
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&committee, "[[gazette.committee]]\nrole = %q\nnames = [%q]\n", []string{"委员", "副主任", "常务副主任", "编辑"}[i%4],
			string(sur[i%10])+string(giv[i/10%10])+string(giv[i/100]))
	}
	m := testtool.CopySample(t, sampleDir, func(b []byte) []byte {
		s := string(b)
		i, j := strings.Index(s, "\n[[gazette.committee]]")+1, strings.Index(s, "\n[issue]")+1
		for k := 0; k < 30; k++ {
			fmt.Fprintf(&docs, `, "d%02d.txt"`, k)
		}
		s = s[:i] + committee.String() + "\n" + s[j:]
		return []byte(strings.Replace(s, `  "05-第33次常务会议.txt",`, `  "05-第33次常务会议.txt"`+docs.String()+",", 1))
	})
	dir := filepath.Dir(m)
	var cols []string
	for c := 0; c < 12; c++ {
		cols = append(cols, fmt.Sprintf("第%d列", c+1))
	}
	for k := 0; k < 30; k++ {
		text := fmt.Sprintf("关于印发第%d项工作实施方案的通知\n\n各单位：\n现将方案印发给你们，请认真贯彻执行。\n", k+1)
		if k == 0 {
			text += "【表格：长格.csv】\n【表格：宽表.csv 表头=1】\n"
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("d%02d.txt", k)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		"长格.csv": "甲,\"" + strings.Repeat("这是一个很长的格子内容用来测试超过一页的行，", 150) + "\"\n乙,2023年\n",
		"宽表.csv": strings.Join(cols, ",") + "\n" + strings.Repeat("1.5,22,333,4444,5,6,7,8,9,10,11,12\n", 5),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pdf := filepath.Join(t.TempDir(), "committee.pdf")
	is, _, err := Build(m, pdf)
	if err != nil {
		t.Fatal(err)
	}
	checkReadBack(t, pdf, is)
	flat := strings.Join(strings.Fields(testtool.Run(t, "pdftotext", "-enc", "UTF-8", pdf, "-")), "")
	for i := 0; i < 200; i++ {
		if name := string(sur[i%10]) + string(giv[i/10%10]) + string(giv[i/100]); !strings.Contains(flat, name) {
			t.Errorf("committee member %s is missing", name)
		}
	}
	for k := 0; k < 30; k++ {
		if n := strings.Count(flat, fmt.Sprintf("关于印发第%d项工作实施方案的通知", k+1)); n < 2 {
			t.Errorf("document %d printed %d times (in the 目录 and the body)", k+1, n)
		}
	}
}
