package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCLIImpose(t *testing.T) {
	tests := []struct {
		pages int
		out   []string
	}{
		{8, []string{"8 页拼成 4 个 A3 横向版面（2 张纸双面）；第 1 面是第 8 页和第 1 页", "长边翻转"}},
		{7, []string{"原文件 7 页，不是 4 的倍数：pdfcpu 在末尾补了 1 个空白页（第 8 页）"}},
		{6, []string{"补了 2 个空白页（第 7–8 页）", "4 个 A3 横向版面"}},
	}
	for _, tt := range tests {
		in := pfPDF(t, tt.pages, nil)
		out := filepath.Join(filepath.Dir(in), "拼版.pdf")
		var stdout, stderr bytes.Buffer
		if code := run([]string{"gazette", "impose", "-o", out, in}, &stdout, &stderr); code != 0 {
			t.Fatalf("%d pages: exit %d: %s", tt.pages, code, stderr.String())
		}
		for _, s := range append(tt.out, "已生成 "+out) {
			if !strings.Contains(stdout.String(), s) {
				t.Errorf("%d pages: stdout lacks %q:\n%s", tt.pages, s, stdout.String())
			}
		}
		if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
			t.Errorf("%d pages: no output: %v", tt.pages, err)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"gazette", "impose", "main.go"}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "不是可以读取的 PDF") {
		t.Errorf("impose main.go: exit %d, stderr %q", code, stderr.String())
	}
	if _, err := os.Stat("main-拼版.pdf"); err == nil {
		os.Remove("main-拼版.pdf")
		t.Error("a failed impose wrote main-拼版.pdf")
	}
}
