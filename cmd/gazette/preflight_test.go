package main

import (
	"bytes"
	"image"
	"image/png"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// pfPDF writes an A4 PDF of n pages with fpdf and returns its path; page
// draws on each page (nil: a line of Helvetica, which is not embedded).
func pfPDF(t *testing.T, n int, page func(pdf *fpdf.Fpdf, i int)) string {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetPageBox("trim", 0, 0, 210, 297)
	pdf.SetFont("Helvetica", "", 12)
	for i := 1; i <= n; i++ {
		pdf.AddPage()
		if page != nil {
			page(pdf, i)
		} else {
			pdf.Text(20, 20, "page "+strconv.Itoa(i))
		}
	}
	path := filepath.Join(t.TempDir(), "t.pdf")
	if err := pdf.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// pfLowRes draws a grey image of 20+i pixels square 40 mm wide (12–20 ppi),
// a different one on every page.
func pfLowRes(pdf *fpdf.Fpdf, i int) {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, 20+i, 20+i)))
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	name := "img" + strconv.Itoa(i)
	pdf.RegisterImageOptionsReader(name, opt, &buf)
	pdf.ImageOptions(name, 20, 20, 40, 0, false, opt, 0, "")
}

func TestCLIPreflight(t *testing.T) {
	vector := func(pdf *fpdf.Fpdf, i int) { pdf.Rect(20, 20, 50, 50, "D") }
	tests := []struct {
		name  string
		args  []string
		code  int
		out   []string // in stdout
		notIn []string // not in stdout
		err   string   // in stderr
	}{
		{name: "font not embedded", args: []string{pfPDF(t, 4, nil)}, code: 1,
			out: []string{"错误  全部 4 页：字体 Helvetica（Type1）没有嵌入", "警告  全部 4 页：没有出血", "小结：1 个错误，"}},
		{name: "clean vector pages", args: []string{pfPDF(t, 8, vector)}, code: 0,
			out: []string{"共 8 页，可以骑马钉（2 张纸对折）", "小结：0 个错误", "可以交印刷厂"}},
		{name: "30 pages", args: []string{pfPDF(t, 30, vector)}, code: 0,
			out: []string{"警告  全文：共 30 页，不是 4 的倍数：骑马钉要补 2 个空白页"}},
		{name: "--max-saddle", args: []string{"--max-saddle", "16", pfPDF(t, 20, vector)}, code: 0,
			out: []string{"超过骑马钉的上限 16 页"}},
		{name: "at most 10 lines of a kind", args: []string{pfPDF(t, 12, pfLowRes)}, code: 1,
			out: []string{"（21 × 21 像素）印成 40 × 40 mm，有效分辨率 13 ppi", "另有 2 条 [image-ppi] 未列出"}},
		{name: "--all", args: []string{"--all", pfPDF(t, 12, pfLowRes)}, code: 1,
			out: []string{"第 12 页：图像"}, notIn: []string{"未列出"}},
		{name: "no file", args: nil, code: 1, err: "请给出一个 PDF 文件"},
		{name: "missing file", args: []string{filepath.Join(t.TempDir(), "无.pdf")}, code: 1, err: "无法打开"},
		{name: "not a PDF", args: []string{"main.go"}, code: 1, err: "main.go 不是可以读取的 PDF 文件"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"gazette", "preflight"}, tt.args...), &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.code, stdout.String(), stderr.String())
			}
			for _, s := range tt.out {
				if !strings.Contains(stdout.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout.String())
				}
			}
			for _, s := range tt.notIn {
				if strings.Contains(stdout.String(), s) {
					t.Errorf("stdout has %q:\n%s", s, stdout.String())
				}
			}
			if !strings.Contains(stderr.String(), tt.err) || strings.Contains(stderr.String(), "goroutine") {
				t.Errorf("stderr %q, want %q", stderr.String(), tt.err)
			}
		})
	}
}

// TestCLIPreflightSample checks gazette's own output for what gazette
// promises whatever the layout: embedded fonts, no RGB, no transparency. It
// asserts nothing about boxes or PDF/X, which are still being added.
func TestCLIPreflightSample(t *testing.T) {
	pdf := filepath.Join(t.TempDir(), "issue.pdf")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"gazette", "build", "-o", pdf, sample}, &stdout, &stderr); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr.String())
	}
	stdout.Reset()
	run([]string{"gazette", "preflight", "--all", pdf}, &stdout, &stderr)
	out := stdout.String()
	if !strings.Contains(out, "小结：") {
		t.Fatalf("no summary:\n%s%s", out, stderr.String())
	}
	for _, code := range []string{"[font-not-embedded]", "[color-rgb]", "[transparency", "[text-rich-black]", "[text-rgb-black]", "[content-unreadable]"} {
		if strings.Contains(out, code) {
			t.Errorf("sample: %s\n%s", code, out)
		}
	}
}
