package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

func TestNormalizeArgs(t *testing.T) {
	app := newApp(nil, nil)
	tests := []struct {
		in, want string
	}{
		{"build issue.toml -o x.pdf", "build -o x.pdf issue.toml"},
		{"build issue.toml --web", "build --web issue.toml"},
		{"build issue.toml --output x.pdf --web", "build --output x.pdf --web issue.toml"},
		{"build issue.toml -o=x.pdf", "build -o=x.pdf issue.toml"},
		{"build -o x.pdf issue.toml", "build -o x.pdf issue.toml"},
		{"build -o issue.pdf", "build -o issue.pdf"},                   // the value of -o is not the manifest
		{"build issue.toml -o", "build -o"},                            // reported, not filled with issue.toml
		{"build issue.toml -- -o.toml", "build -- issue.toml -o.toml"}, // after --, a file
		{"build - --web", "build --web -"},
		{"preflight a.pdf --all --max-saddle 16", "preflight --all --max-saddle 16 a.pdf"},
		{"impose a.pdf -o b.pdf", "impose -o b.pdf a.pdf"},
		{"check issue.toml -x", "check -x issue.toml"},
		{"fonts issue.toml -x", "fonts -x issue.toml"},
		{"build issue.toml -h", "help build"},
		{"impose a.pdf --help", "help impose"},
		{"build -o -h issue.toml", "build -o -h issue.toml"}, // a file named -h
		{"-h", "help"},
		{"--help build", "help build"},
		{"--version", "version"},
		{"-v", "version"},
		{"bogus -o x", "bogus -o x"},
		// typed with a Chinese input method in full width
		{"build issue.toml －o x.pdf", "build -o x.pdf issue.toml"},
		{"build issue.toml ——web", "build --web issue.toml"},
		{"build issue.toml —web", "build --web issue.toml"},
		{"build issue.toml ——ｗｅｂ", "build --web issue.toml"},
		{"build issue.toml --output＝x.pdf", "build --output=x.pdf issue.toml"},
		{"build issue.toml －o＝第４期.pdf", "build -o=第４期.pdf issue.toml"}, // a file name is kept as typed
		{"build -o —草稿.pdf issue.toml", "build -o —草稿.pdf issue.toml"}, // the value of -o
		{"build issue.toml -- ——web", "build -- issue.toml ——web"},     // after --, a file
		{"build issue.toml ——help", "help build"},
		{"preflight a.pdf --max-saddle １６", "preflight --max-saddle 16 a.pdf"},
		{"preflight a.pdf ——max-saddle＝４８", "preflight --max-saddle=48 a.pdf"},
		{"preflight a.pdf --max-saddle=－３", "preflight --max-saddle=-3 a.pdf"},
		{"ｂｕｉｌｄ issue.toml", "build issue.toml"},
		{"——version", "version"},
		{"－ｈ", "help"},
	}
	for _, tt := range tests {
		got, err := normalizeArgs(app, append([]string{"gazette"}, strings.Fields(tt.in)...))
		if err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		if want := append([]string{"gazette"}, strings.Fields(tt.want)...); !slices.Equal(got, want) {
			t.Errorf("%s: got %q, want %q", tt.in, got[1:], want[1:])
		}
	}
}

// TestFullWidthOptionRefused: an option typed in full width that the
// command does not have is refused with a word about the input method, not
// taken for a file.
func TestFullWidthOptionRefused(t *testing.T) {
	tests := []struct {
		args, want string
	}{
		{"build issue.toml ——wbe", "“——wbe” 是用全角字符（中文输入法）打的，gazette build 没有这个选项；请切换到英文半角输入选项（gazette build 的选项有 -o、--output、--web、--html、-h、--help）。运行 gazette help build 查看用法。"},
		{"preflight a.pdf －ａｌ", "“－ａｌ” 是用全角字符（中文输入法）打的，gazette preflight 没有这个选项；请切换到英文半角输入"},
		{"——vrsion", "“——vrsion” 是用全角字符（中文输入法）打的，gazette 没有这个选项；请切换到英文半角输入选项（gazette 的选项有 -h、--help、-v、--version）"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"gazette"}, strings.Fields(tt.args)...), &stdout, &stderr)
		if code != 1 || !strings.Contains(stderr.String(), "错误："+tt.want) {
			t.Errorf("%s: exit %d, stderr %q, want %q", tt.args, code, stderr.String(), tt.want)
		}
	}
}

// TestOptionsAfterTheFile runs each command with its options after the file
// and checks that they took effect.
func TestOptionsAfterTheFile(t *testing.T) {
	dir := t.TempDir()
	pdf := pfPDF(t, 20, func(pdf *fpdf.Fpdf, i int) { pdf.Rect(20, 20, 50, 50, "D") })
	tests := []struct {
		args  []string
		code  int
		out   string   // in stdout
		files []string // written
	}{
		{[]string{"build", sample, "-o", filepath.Join(dir, "a.pdf")}, 0, "已生成 " + filepath.Join(dir, "a.pdf"),
			[]string{"a.pdf"}},
		{[]string{"build", sample, "--output", filepath.Join(dir, "b.pdf"), "--web"}, 0, "已生成网络版 " + filepath.Join(dir, "b-web.pdf"),
			[]string{"b.pdf", "b-web.pdf"}},
		{[]string{"build", sample, "——web", "－o", filepath.Join(dir, "d.pdf")}, 0, "已生成网络版 " + filepath.Join(dir, "d-web.pdf"),
			[]string{"d.pdf", "d-web.pdf"}},
		{[]string{"build", "--html", sample, "-o", filepath.Join(dir, "e.pdf")}, 0, "已生成网页版 " + filepath.Join(dir, "e-html"),
			[]string{"e.pdf", "e-html/index.html", "e-html/01.html", "e-html/05.html", "e-html/style.css"}},
		{[]string{"build", "--web", "--html", sample, "-o", filepath.Join(dir, "f.pdf")}, 0, "已生成网页版 " + filepath.Join(dir, "f-html"),
			[]string{"f.pdf", "f-web.pdf", "f-html/index.html", "f-html/02.html"}},
		{[]string{"check", sample, "-h"}, 0, "gazette check — ", nil},
		{[]string{"fonts", sample, "--help"}, 0, "用法：gazette fonts", nil},
		{[]string{"preflight", pdf, "--max-saddle", "16"}, 0, "超过骑马钉的上限 16 页", nil},
		{[]string{"preflight", pdf, "——max-saddle＝１６"}, 0, "超过骑马钉的上限 16 页", nil},
		{[]string{"impose", pdf, "-o", filepath.Join(dir, "c.pdf")}, 0, "已生成 " + filepath.Join(dir, "c.pdf"),
			[]string{"c.pdf"}},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"gazette"}, tt.args...), &stdout, &stderr); code != tt.code {
			t.Errorf("%v: exit %d, want %d: %s", tt.args[0], code, tt.code, stderr.String())
		}
		if !strings.Contains(stdout.String(), tt.out) {
			t.Errorf("%v: stdout lacks %q:\n%s", tt.args, tt.out, stdout.String())
		}
		for _, f := range tt.files {
			if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
				t.Errorf("%v: %s not written: %v", tt.args, f, err)
			}
		}
	}
}
