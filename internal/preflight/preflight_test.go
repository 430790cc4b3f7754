package preflight

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// want is a finding a case expects: its code and severity, the pages it
// names (nil: not checked; use doc for a whole-document finding) and a
// piece of its message.
type want struct {
	code  string
	sev   Severity
	pages []int
	text  string
}

var doc = []int{}

// pagesOf returns 1…n.
func pagesOf(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i + 1
	}
	return p
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name   string
		make   func(t *testing.T) string
		opt    Options
		want   []want
		absent []string // codes that must not be reported
		errors bool     // whether the report has errors
	}{
		{
			name: "good fpdf booklet",
			make: func(t *testing.T) string { pdf := newDoc(); addPages(pdf, 4); return save(t, pdf, "good.pdf") },
			want: []want{
				{code: "trim-size", sev: Info, pages: doc, text: "210 × 297 mm（A4）"},
				{code: "bleed-no-box", sev: Info, pages: pagesOf(4), text: "3 mm"},
				{code: "page-count", sev: Info, pages: doc, text: "共 4 页"},
				{code: "pdfx-outputintent", sev: Warning, pages: doc, text: "没有 PDF/X 输出意图"},
				{code: "pdfx-version", sev: Warning},
				{code: "trapped", sev: Warning},
			},
			absent: []string{"font-not-embedded", "box-no-trim", "color-rgb", "transparency", "image-ppi"},
		},
		{
			name: "RGB text colour",
			make: func(t *testing.T) string {
				pdf := newDoc()
				pdf.SetTextColor(255, 0, 0)
				addPages(pdf, 4)
				return save(t, pdf, "rgb.pdf")
			},
			want:   []want{{code: "color-rgb", sev: Error, pages: pagesOf(4), text: "印刷需 CMYK 或灰度"}},
			errors: true,
		},
		{
			name: "text in RGB black",
			make: func(t *testing.T) string {
				pdf := newDoc()
				pdf.AddPage()
				pdf.SetFont("go", "", 12)
				pdf.RawWriteStr("0 0 0 rg\n")
				pdf.Text(30, 40, "black?")
				return save(t, pdf, "rgbblack.pdf")
			},
			want: []want{
				{code: "text-rgb-black", sev: Warning, pages: []int{1}},
				{code: "color-rgb", sev: Error, pages: []int{1}},
			},
			errors: true,
		},
		{
			name: "text in four-colour black",
			make: func(t *testing.T) string {
				pdf := newDoc()
				pdf.AddPage()
				pdf.SetFont("go", "", 12)
				pdf.RawWriteStr("1 1 1 1 k\n")
				pdf.Text(30, 40, "rich black")
				return save(t, pdf, "richblack.pdf")
			},
			want:   []want{{code: "text-rich-black", sev: Warning, pages: []int{1}, text: "1 1 1 1 k"}},
			absent: []string{"color-rgb"},
		},
		{
			name: "text in pure K",
			make: func(t *testing.T) string {
				pdf := newDoc()
				pdf.AddPage()
				pdf.SetFont("go", "", 12)
				pdf.RawWriteStr("0 0 0 1 k\n")
				pdf.Text(30, 40, "K100")
				return save(t, pdf, "purek.pdf")
			},
			absent: []string{"text-rich-black", "text-rgb-black", "color-rgb"},
		},
		{
			name: "Helvetica is not embedded, on the pages that use it",
			make: func(t *testing.T) string {
				pdf := newDoc()
				for i := 1; i <= 4; i++ {
					pdf.AddPage()
					if i == 2 || i == 3 {
						pdf.SetFont("Helvetica", "", 12)
					} else {
						pdf.SetFont("go", "", 12)
					}
					pdf.Text(30, 40, "text")
				}
				return save(t, pdf, "helvetica.pdf")
			},
			want:   []want{{code: "font-not-embedded", sev: Error, pages: []int{2, 3}, text: "Helvetica"}},
			errors: true,
		},
		{
			name: "no TrimBox",
			make: func(t *testing.T) string {
				pdf := fpdf.New("P", "mm", "A4", "")
				pdf.AddUTF8FontFromBytes("go", "", goFont())
				addPages(pdf, 4)
				return save(t, pdf, "notrim.pdf")
			},
			want: []want{
				{code: "box-no-trim", sev: Error, pages: pagesOf(4), text: "TrimBox"},
				{code: "trim-size", sev: Info, text: "A4"},
			},
			absent: []string{"bleed", "bleed-none"},
			errors: true,
		},
		{
			name: "TrimBox equals MediaBox: no bleed",
			make: func(t *testing.T) string {
				pdf := fpdf.New("P", "mm", "A4", "")
				pdf.AddUTF8FontFromBytes("go", "", goFont())
				pdf.SetPageBox("trim", 0, 0, 210, 297)
				addPages(pdf, 4)
				return save(t, pdf, "nobleed.pdf")
			},
			want: []want{{code: "bleed-none", sev: Warning, pages: pagesOf(4)}},
		},
		{
			name: "TrimBox outside BleedBox",
			make: func(t *testing.T) string {
				d := newRaw()
				d.page("/MediaBox [0 0 612 859] /BleedBox [20 20 590 840] /TrimBox [8.5 8.5 603.8 850.4]", "<< >>", "")
				return d.write(t, "", "")
			},
			want:   []want{{code: "box-nesting", sev: Error, pages: []int{1}, text: "TrimBox 超出了 BleedBox"}},
			errors: true,
		},
		{
			name: "pages of different trim sizes",
			make: func(t *testing.T) string {
				d := newRaw()
				d.page(trimmed, "<< >>", "")
				d.page("/MediaBox [0 0 541.4 754] /TrimBox [8.5 8.5 532.9 745.5]", "<< >>", "")
				return d.write(t, "", "")
			},
			want:   []want{{code: "trim-mixed", sev: Error, pages: doc, text: "185 × 260 mm（正16开） 第 2 页"}},
			absent: []string{"trim-size"},
			errors: true,
		},
		{
			name: "大16开 with bleed box",
			make: func(t *testing.T) string {
				d := newRaw()
				d.page("/MediaBox [0 0 612.28 824.9] /BleedBox [0 0 612.28 824.9] /TrimBox [8.5 8.5 603.78 816.4]", "<< >>", "")
				return d.write(t, "", "")
			},
			want: []want{
				{code: "trim-size", sev: Info, text: "大16开"},
				{code: "bleed", sev: Info, pages: []int{1}, text: "出血 3 mm"},
			},
		},
		{
			name: "SetAlpha",
			make: func(t *testing.T) string {
				pdf := newDoc()
				addPages(pdf, 4)
				pdf.SetAlpha(0.5, "Normal")
				pdf.Rect(20, 20, 50, 50, "F")
				return save(t, pdf, "alpha.pdf")
			},
			want: []want{
				{code: "transparency", sev: Error, text: "ca=0.5"},
				{code: "transparency-group", sev: Error, pages: pagesOf(4)},
			},
			errors: true,
		},
		{
			name: "transparent PNG",
			make: func(t *testing.T) string {
				pdf := newDoc()
				addPages(pdf, 4)
				placeImage(pdf, "alpha", pngImage(t, 600, 600, true), 20, 60, 40)
				return save(t, pdf, "alphapng.pdf")
			},
			want: []want{
				{code: "transparency-image", sev: Error, pages: []int{4}, text: "SMask"},
				{code: "color-rgb", sev: Error, pages: []int{4}, text: "用 RGB 颜色（DeviceRGB）"},
			},
			errors: true,
		},
		{
			name: "30 pages: not a multiple of 4",
			make: func(t *testing.T) string { pdf := newDoc(); addPages(pdf, 30); return save(t, pdf, "30.pdf") },
			want: []want{{code: "page-count", sev: Warning, pages: doc, text: "补 2 个空白页，凑成 32 页"}},
		},
		{
			name: "68 pages: too many to saddle-stitch",
			make: func(t *testing.T) string { pdf := newDoc(); addPages(pdf, 68); return save(t, pdf, "68.pdf") },
			want: []want{{code: "saddle-limit", sev: Warning, pages: doc, text: "上限 64 页"}},
		},
		{
			name: "68 pages with --max-saddle 80",
			make: func(t *testing.T) string { pdf := newDoc(); addPages(pdf, 68); return save(t, pdf, "68.pdf") },
			opt:  Options{MaxSaddle: 80},
			want: []want{{code: "page-count", sev: Info, text: "17 张纸"}},
		},
		{
			name: "low-resolution images scaled up",
			make: func(t *testing.T) string {
				pdf := newDoc()
				addPages(pdf, 4)
				pdf.SetPage(2)
				placeImage(pdf, "tiny", pngImage(t, 30, 30, false), 20, 60, 50.8)   // 15 ppi
				placeImage(pdf, "small", pngImage(t, 100, 100, false), 20, 150, 10) // 253.97 ppi (fpdf rounds the size to 0.01 pt)
				placeImage(pdf, "fine", pngImage(t, 600, 600, false), 20, 200, 25.4)
				pdf.SetPage(4)
				return save(t, pdf, "lowres.pdf")
			},
			want: []want{
				{code: "image-ppi", sev: Error, pages: []int{2}, text: "30 × 30 像素）印成 50.8 × 50.8 mm，有效分辨率 15 ppi"},
				{code: "image-ppi", sev: Warning, pages: []int{2}, text: "有效分辨率 253 ppi"},
			},
			absent: []string{"color-rgb"},
			errors: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.make(t)
			rep, err := Check(path, tt.opt)
			if err != nil {
				t.Fatalf("Check: %v", err)
			}
			assertReport(t, rep, tt.want, tt.absent)
			if rep.HasErrors() != tt.errors {
				t.Errorf("HasErrors = %v, want %v\n%s", rep.HasErrors(), tt.errors, dump(rep))
			}
		})
	}
}

// assertReport checks that every wanted finding is there and no absent code is.
func assertReport(t *testing.T, rep *Report, wants []want, absent []string) {
	t.Helper()
	for _, w := range wants {
		if !hasFinding(rep, w) {
			t.Errorf("missing %s %s %v %q\n%s", w.sev, w.code, w.pages, w.text, dump(rep))
		}
	}
	for _, code := range absent {
		if fs := rep.Find(code); len(fs) > 0 {
			t.Errorf("unexpected %s: %+v", code, fs)
		}
	}
}

func hasFinding(rep *Report, w want) bool {
	for _, f := range rep.Find(w.code) {
		if f.Severity != w.sev || !strings.Contains(f.Message, w.text) {
			continue
		}
		if w.pages == nil || slices.Equal(f.Pages, w.pages) || (len(w.pages) == 0 && f.Pages == nil) {
			return true
		}
	}
	return false
}

func dump(rep *Report) string {
	var b strings.Builder
	for _, f := range rep.Findings {
		b.WriteString("  " + f.Severity.String() + " " + FormatPages(f.Pages, rep.Pages) + " [" + f.Code + "] " + f.Message + "\n")
	}
	return b.String()
}

func TestCheckUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	good := func() []byte {
		pdf := newDoc()
		addPages(pdf, 4)
		b, err := os.ReadFile(save(t, pdf, "good.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}()
	files := map[string][]byte{
		"text.pdf":      []byte("这不是 PDF"),
		"empty.pdf":     nil,
		"header.pdf":    []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"),
		"truncated.pdf": good[:len(good)/3],
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			rep, err := Check(path, Options{})
			if err == nil {
				t.Fatalf("no error; report:\n%s", dump(rep))
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error does not name the file: %v", err)
			}
		})
	}
	if _, err := Check(filepath.Join(dir, "none.pdf"), Options{}); err == nil || !strings.Contains(err.Error(), "无法打开") {
		t.Errorf("missing file: %v", err)
	}
}

// TestCheckCorruptNeverPanics flips bytes all over a good PDF: Check must
// return a report or an error, never panic.
func TestCheckCorruptNeverPanics(t *testing.T) {
	pdf := newDoc()
	addPages(pdf, 4)
	placeImage(pdf, "img", pngImage(t, 40, 40, false), 20, 60, 20)
	good, err := os.ReadFile(save(t, pdf, "good.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := 0; i < 60; i++ {
		bad := slices.Clone(good)
		pos := (i*7919 + 13) % len(bad)
		for j := pos; j < min(pos+3, len(bad)); j++ {
			bad[j] = "0]>)/ \x00"[(i+j)%7]
		}
		path := filepath.Join(dir, "bad.pdf")
		if err := os.WriteFile(path, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("mutation %d at %d panicked: %v", i, pos, r)
				}
			}()
			Check(path, Options{})
		}()
	}
}

func TestFormatPages(t *testing.T) {
	tests := []struct {
		pages []int
		total int
		want  string
	}{
		{nil, 10, "全文"},
		{[]int{3}, 10, "第 3 页"},
		{[]int{1, 2, 3, 4, 7}, 10, "第 1–4、7 页"},
		{[]int{2, 4, 5}, 0, "第 2、4–5 页"},
		{pagesOf(30), 30, "全部 30 页"},
		{[]int{1}, 1, "第 1 页"},
	}
	for _, tt := range tests {
		if got := FormatPages(tt.pages, tt.total); got != tt.want {
			t.Errorf("FormatPages(%v, %d) = %q, want %q", tt.pages, tt.total, got, tt.want)
		}
	}
}

func TestNameSize(t *testing.T) {
	tests := []struct {
		w, h float64
		want string
	}{
		{210, 297, "A4"},
		{209.5, 297.6, "A4"},
		{210, 285, "大16开"},
		{185, 260, "正16开"},
		{260, 185, "正16开横放"},
		{216, 303, ""},
		{148, 210, ""},
	}
	for _, tt := range tests {
		if got := NameSize(tt.w, tt.h); got != tt.want {
			t.Errorf("NameSize(%v, %v) = %q, want %q", tt.w, tt.h, got, tt.want)
		}
	}
}
