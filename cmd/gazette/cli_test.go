package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/build"
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
