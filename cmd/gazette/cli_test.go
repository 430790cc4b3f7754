package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gazette/fonts"
	"gazette/internal/build"
	"gazette/internal/testtool"
)

func TestCLIErrorsAreChineseAndLeaveNoPDF(t *testing.T) {
	dir := t.TempDir()
	manifest := filepath.Join(dir, "issue.toml")
	os.WriteFile(manifest, []byte("[gazette]\nname = \"测试公报\"\n[issue]\nyear = 2023\nnumber = 1\ndate = 2023-01-01\n[[section]]\ntitle = \"文件\"\ndocuments = [\"缺少.txt\"]\n"), 0o644)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"gazette", "build", manifest}, 1, "找不到栏目"},
		{[]string{"gazette", "build"}, 1, "请给出一个期刊清单文件"},
		{[]string{"gazette", "check", filepath.Join(dir, "none.toml")}, 1, "无法读取期刊清单文件"},
		{[]string{"gazette", "version"}, 0, ""},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := run(tt.args, &out, &errb)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d (%s)", tt.args[1:], code, tt.code, errb.String())
		}
		if !strings.Contains(errb.String(), tt.want) {
			t.Errorf("%v: stderr %q lacks %q", tt.args[1:], errb.String(), tt.want)
		}
		if strings.Contains(errb.String(), "goroutine") {
			t.Errorf("%v: a stack trace reached the user", tt.args[1:])
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "issue.pdf")); err == nil {
		t.Error("a failed build left a PDF behind")
	}
}

func TestCLIBuildSample(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.pdf")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"gazette", "build", "-o", out, sample}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "已生成") {
		t.Errorf("stdout: %s", stdout.String())
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() < 10000 {
		t.Errorf("no PDF written: %v", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".gazette-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func BenchmarkBuildSample(b *testing.B) {
	dir := b.TempDir()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var so, se bytes.Buffer
		if code := run([]string{"gazette", "build", "-o", filepath.Join(dir, "x.pdf"), sample}, &so, &se); code != 0 {
			b.Fatal(se.String())
		}
	}
}

// BenchmarkBuildSampleWeb builds only the web edition: the difference to
// BenchmarkBuildSample is the cost of the print structure (bleed, PDF/X).
func BenchmarkBuildSampleWeb(b *testing.B) {
	dir := b.TempDir()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := build.BuildEditions(sample, build.Editions{Web: filepath.Join(dir, "x.pdf")}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCLIFontsReportsUncoveredCharacters: a character no font has must not
// hide the per-role report; the characters follow it, with file and line.
func TestCLIFontsReportsUncoveredCharacters(t *testing.T) {
	m := copySample(t, nil)
	doc := filepath.Join(filepath.Dir(m), "03-第31次常务会议.txt")
	data, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	data = append(bytes.TrimRight(data, "\n"), "\n会议还研究了𮯰字的写法。\n"...)
	if err := os.WriteFile(doc, data, 0o644); err != nil {
		t.Fatal(err)
	}
	line := strconv.Itoa(bytes.Count(data, []byte("\n")))
	tests := []struct {
		cmd    string
		code   int
		stdout []string
		stderr []string
		not    string // not in stderr
	}{
		{"fonts", 1, []string{"宋体：FandolSong", "文件 内置 FandolSong-Regular.ttf", "缺 1 个本期用到的字符：𮯰（U+2EBF0）", "西文字体："},
			[]string{"发现 1 处问题：\n", "文件 03-第31次常务会议.txt 第" + line + "行：仿宋（正文）FandolFang-Regular 没有“𮯰”（U+2EBF0），[fonts] fallback 和本机安装的字体中也都没有"}, "未生成 PDF"},
		{"check", 1, nil, []string{"发现 1 处问题：\n", "第" + line + "行"}, "未生成 PDF"},
		{"build", 1, nil, []string{"发现 1 处问题，未生成 PDF：\n", "第" + line + "行"}, "\x00"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"gazette", tt.cmd, m}, &stdout, &stderr); code != tt.code {
			t.Errorf("%s: exit %d, want %d", tt.cmd, code, tt.code)
		}
		for _, s := range tt.stdout {
			if !strings.Contains(stdout.String(), s) {
				t.Errorf("%s: stdout lacks %q:\n%s", tt.cmd, s, stdout.String())
			}
		}
		for _, s := range tt.stderr {
			if !strings.Contains(stderr.String(), s) {
				t.Errorf("%s: stderr lacks %q:\n%s", tt.cmd, s, stderr.String())
			}
		}
		if strings.Contains(stderr.String(), tt.not) {
			t.Errorf("%s: stderr says %q:\n%s", tt.cmd, tt.not, stderr.String())
		}
	}
}

// TestCLIFontsListsFallbackFaces: `gazette fonts`, `check` and `build` say
// which installed face printed the names the built-in 仿宋 lacks, and the
// line that pins it; the body stays in FandolFang.
func TestCLIFontsListsFallbackFaces(t *testing.T) {
	const noto = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
	if _, err := os.Stat(noto); err != nil {
		testtool.Need(t, "fonts-noto-cjk:"+noto)
	}
	t.Setenv(fonts.FontDirsEnv, filepath.Dir(noto))
	m := copySample(t, nil)
	doc := filepath.Join(filepath.Dir(m), "03-第31次常务会议.txt")
	data, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	data = append(bytes.TrimRight(data, "\n"), "\n会议任命王喆、李堃、张䶮、吉𠮷为委员。\n"...)
	if err := os.WriteFile(doc, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"fonts", "check", "build"} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"gazette", cmd, m}, &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit %d\n%s", cmd, code, stderr.String())
		}
		out := stdout.String()
		for _, want := range []string{"仿宋（正文）缺的 4 个字由本机安装的字体 Noto Serif CJK SC", "“䶮喆堃𠮷”",
			`fallback = [{ path = "` + noto + `", index = 2 }]`} {
			if !strings.Contains(out, want) {
				t.Errorf("%s output lacks %q:\n%s", cmd, want, out)
			}
		}
	}
	pdf := strings.TrimSuffix(m, ".toml") + ".pdf"
	if got := strings.Join(strings.Fields(runTool(t, "pdftotext", pdf, "-")), ""); !strings.Contains(got, "会议任命王喆、李堃、张䶮、吉𠮷为委员。") {
		t.Errorf("pdftotext lost the names:\n%s", got)
	}
	if out := runTool(t, "pdffonts", pdf); !strings.Contains(out, "+NotoSerifCJKsc-Regular ") || !strings.Contains(out, "+FandolFang-Regular ") {
		t.Errorf("pdffonts:\n%s", out)
	}
}
