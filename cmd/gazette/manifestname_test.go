package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestManifestArgumentIsAManifest: given a document, a table, a PDF or a
// folder instead of issue.toml, build, check and fonts say so plainly (not
// the TOML parser's complaint about the file's first line) and write nothing.
func TestManifestArgumentIsAManifest(t *testing.T) {
	m := copySample(t, nil)
	dir := filepath.Dir(m)
	doc := filepath.Join(dir, "01-调查研究工作方案通知.txt")
	csv := filepath.Join(dir, "附件2-指标分解表.csv")
	pdf := filepath.Join(dir, "issue.pdf")
	notepad := filepath.Join(dir, "第4期.toml.txt")
	lone := filepath.Join(t.TempDir(), "说明.docx")
	for _, f := range []string{pdf, notepad, lone} {
		if err := os.WriteFile(f, []byte("x = 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	hint := "；同一文件夹中的期刊清单是 issue.toml，请写：gazette %s " + m
	tests := []struct {
		cmd, arg, want string
	}{
		{"build", doc, "请给出期刊清单 issue.toml（现在给的是文稿 " + doc + "）" + hint},
		{"check", csv, "请给出期刊清单 issue.toml（现在给的是表格 " + csv + "）" + hint},
		{"build", pdf, "请给出期刊清单 issue.toml（现在给的是 PDF 文件 " + pdf + "）" + hint + "；要检查这个 PDF，请写：gazette preflight " + pdf},
		{"fonts", doc, "请给出期刊清单 issue.toml（现在给的是文稿 " + doc + "）" + hint},
		{"build", lone, "请给出期刊清单 issue.toml（现在给的是文稿 " + lone + "）\n"},
		{"check", filepath.Join(dir, "第4期"), "请给出期刊清单 issue.toml（现在给的是 " + filepath.Join(dir, "第4期") + "，不是 .toml 文件）"},
		{"build", notepad, "现在给的 " + notepad + " 多了 .txt：记事本另存时可能加上了它，Windows 又隐藏了扩展名）；请把文件改名为 第4期.toml"},
		{"build", dir, dir + " 是一个文件夹；请给出其中的期刊清单，例如：gazette build " + m},
		{"check", filepath.Dir(lone), filepath.Dir(lone) + " 是一个文件夹，不是期刊清单"},
	}
	before := snapshot(t, dir)
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run([]string{"gazette", tt.cmd, tt.arg}, &stdout, &stderr)
		want := strings.ReplaceAll(tt.want, "%s", tt.cmd)
		if code != 1 || !strings.HasPrefix(stderr.String(), "错误：") || !strings.Contains(stderr.String(), want) {
			t.Errorf("%s %s: exit %d, stderr %q, want %q", tt.cmd, filepath.Base(tt.arg), code, stderr.String(), want)
		}
		if strings.Contains(stderr.String(), "设置项") {
			t.Errorf("%s %s: the TOML parser's message reached the user: %q", tt.cmd, filepath.Base(tt.arg), stderr.String())
		}
	}
	if after := snapshot(t, dir); after != before {
		t.Errorf("a refused command changed the folder:\nbefore %s\nafter  %s", before, after)
	}
	var stdout, stderr bytes.Buffer
	upper := filepath.Join(dir, "ISSUE.TOML")
	if err := os.Rename(m, upper); err != nil {
		t.Fatal(err)
	}
	if code := run([]string{"gazette", "check", upper}, &stdout, &stderr); code != 0 {
		t.Errorf("check ISSUE.TOML: exit %d: %s", code, stderr.String())
	}
}

// TestFailedBuildTellsThePDFIsOld: a build that fails leaves the PDF of an
// earlier run in place (atomically) and says that it lacks the changes.
func TestFailedBuildTellsThePDFIsOld(t *testing.T) {
	m := copySample(t, nil)
	dir := filepath.Dir(m)
	pdf, web := filepath.Join(dir, "issue.pdf"), filepath.Join(dir, "issue-web.pdf")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"gazette", "build", m}, &stdout, &stderr); code != 0 {
		t.Fatalf("first build: exit %d: %s", code, stderr.String())
	}
	old, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "05-第33次常务会议.txt")); err != nil {
		t.Fatal(err)
	}
	note := func(p string) string {
		return "注意：现有的 " + p + " 是以前生成的，不包含这次的修改，请勿拿去付印。\n"
	}
	tests := []struct {
		args   []string
		notes  []string
		noNote []string
	}{
		{[]string{"build", m}, []string{note(pdf)}, nil},
		{[]string{"build", m, "--web"}, []string{note(pdf)}, []string{web}}, // no web edition was ever made
		{[]string{"build", m, "-o", filepath.Join(dir, "新.pdf")}, nil, []string{"注意"}},
		{[]string{"check", m}, nil, []string{"注意"}},
	}
	for _, tt := range tests {
		stdout.Reset()
		stderr.Reset()
		if code := run(append([]string{"gazette"}, tt.args...), &stdout, &stderr); code != 1 {
			t.Errorf("%v: exit %d, want 1", tt.args, code)
		}
		if tt.args[0] == "build" && !strings.Contains(stderr.String(), "未生成 PDF") {
			t.Errorf("%v: stderr lacks 未生成 PDF: %s", tt.args, stderr.String())
		}
		for _, n := range tt.notes {
			if !strings.HasSuffix(stderr.String(), n) {
				t.Errorf("%v: stderr does not end with %q:\n%s", tt.args, n, stderr.String())
			}
		}
		for _, n := range tt.noNote {
			if strings.Contains(stderr.String(), n) {
				t.Errorf("%v: stderr mentions %q:\n%s", tt.args, n, stderr.String())
			}
		}
	}
	if now, _ := os.ReadFile(pdf); !bytes.Equal(now, old) {
		t.Error("the failed build changed the old PDF")
	}
}

// TestFailedImposeTellsThePDFIsOld: likewise for impose.
func TestFailedImposeTellsThePDFIsOld(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "book.pdf"), filepath.Join(dir, "book-拼版.pdf")
	for _, f := range []string{in, out} {
		if err := os.WriteFile(f, []byte("not a PDF"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"gazette", "impose", in}, &stdout, &stderr)
	if want := "注意：现有的 " + out + " 是以前生成的"; code != 1 || !strings.Contains(stderr.String(), want) {
		t.Errorf("exit %d, stderr %q, want %q", code, stderr.String(), want)
	}
}
