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
	}
	for _, tt := range tests {
		got := normalizeArgs(app, append([]string{"gazette"}, strings.Fields(tt.in)...))
		if want := append([]string{"gazette"}, strings.Fields(tt.want)...); !slices.Equal(got, want) {
			t.Errorf("%s: got %q, want %q", tt.in, got[1:], want[1:])
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
		{[]string{"check", sample, "-h"}, 0, "gazette check — ", nil},
		{[]string{"fonts", sample, "--help"}, 0, "用法：gazette fonts", nil},
		{[]string{"preflight", pdf, "--max-saddle", "16"}, 0, "超过骑马钉的上限 16 页", nil},
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
