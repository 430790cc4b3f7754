package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"gazette/internal/build"
	"gazette/internal/manifest"
	"gazette/internal/model"
)

// TestBuildRefusesAnOutputItShouldNotWrite: a slip of -o never replaces an
// input, and an output gazette cannot write is said plainly before any work.
func TestBuildRefusesAnOutputItShouldNotWrite(t *testing.T) {
	m := copySample(t, nil)
	dir := filepath.Dir(m)
	doc := filepath.Join(dir, "01-调查研究工作方案通知.txt")
	csv := filepath.Join(dir, "附件2-指标分解表.csv")
	link := func(name, target string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(target, p); err != nil {
			t.Skip("no symlinks here:", err)
		}
		return p
	}
	folder := filepath.Join(dir, "成品")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"the manifest", []string{"-o", m}, "不是 .pdf 文件"},
		{"a document", []string{"-o", doc}, "不是 .pdf 文件"},
		{"no extension", []string{"-o", filepath.Join(dir, "issue")}, "请写成例如 -o issue.pdf"},
		{"the manifest by another name", []string{"-o", link("清单.pdf", m)}, "就是本期要读取的文件 " + m},
		{"a document by another name", []string{"-o", link("文稿.PDF", doc)}, "就是本期要读取的文件 " + doc},
		{"a table, as the web edition", []string{"-o", filepath.Join(dir, "表.pdf"), "--web"}, "就是本期要读取的文件 " + csv},
		{"a folder", []string{"-o", folder}, "输出位置 " + folder + " 是一个文件夹，请写成 " + filepath.Join(folder, "issue.pdf")},
		{"a missing folder", []string{"-o", filepath.Join(dir, "无此文件夹", "x.pdf")}, "文件夹 " + filepath.Join(dir, "无此文件夹") + " 不存在"},
	}
	link("表-web.pdf", csv)
	before := snapshot(t, dir)
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"gazette", "build", m}, tt.args...), &stdout, &stderr)
		if code != 1 || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("%s: exit %d, stderr %q, want %q", tt.name, code, stderr.String(), tt.want)
		}
		if strings.Contains(stderr.String(), "其他程序") {
			t.Errorf("%s: stderr blames another program: %q", tt.name, stderr.String())
		}
	}
	if after := snapshot(t, dir); after != before {
		t.Errorf("a refused build changed the folder:\nbefore %s\nafter  %s", before, after)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"gazette", "build", m, "-o", filepath.Join(dir, "大写.PDF")}, &stdout, &stderr); code != 0 {
		t.Errorf("-o 大写.PDF: exit %d: %s", code, stderr.String())
	}
}

// snapshot lists a folder's files with their sizes and first bytes.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		b.WriteString(e.Name() + ":" + string(data[:min(len(data), 16)]) + " ")
	}
	return b.String()
}

func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, want string // want "" = accepted
	}{
		{filepath.Join(dir, "x.pdf"), ""},
		{filepath.Join(dir, "x.Pdf"), ""},
		{file, "不是 .pdf 文件"},
		{dir, "输出位置 " + dir + " 是一个文件夹，请写成 " + filepath.Join(dir, "issue.pdf")},
		{filepath.Join(dir, "无", "x.pdf"), "文件夹 " + filepath.Join(dir, "无") + " 不存在"},
		{filepath.Join(file, "x.pdf"), file + " 不是文件夹"},
	}
	if runtime.GOOS == "linux" {
		tests = append(tests, struct{ path, want string }{"/proc/x.pdf", "文件夹 /proc 不能写入"})
	}
	for _, tt := range tests {
		err := checkOutput(tt.path, "issue.pdf")
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.path, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want %q", tt.path, err, tt.want)
		case err != nil && (strings.Contains(err.Error(), "such file") || strings.Contains(err.Error(), "denied")):
			t.Errorf("%s: the English cause is shown: %q", tt.path, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("checkOutput left %d files, want only a.txt", len(entries))
	}
}

func TestImposeRefusesAnOutputItShouldNotWrite(t *testing.T) {
	in := pfPDF(t, 4, nil)
	dir := filepath.Dir(in)
	note := filepath.Join(dir, "说明.txt")
	if err := os.WriteFile(note, []byte("原样"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		out, want string
	}{
		{note, "不是 .pdf 文件"},
		{dir, "是一个文件夹，请写成 " + filepath.Join(dir, strings.TrimSuffix(filepath.Base(in), ".pdf")+"-拼版.pdf")},
		{filepath.Join(dir, "无", "x.pdf"), "不存在"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"gazette", "impose", in, "-o", tt.out}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("-o %s: exit %d, stderr %q, want %q", tt.out, code, stderr.String(), tt.want)
		}
	}
	if data, _ := os.ReadFile(note); string(data) != "原样" {
		t.Errorf("impose -o 说明.txt replaced it: %q", data)
	}
}

// A picture that came inside a Word file is no file of its own to watch or
// to guard from being overwritten: the .docx is.
func TestIssueInputsSkipPicturesInsideWordFiles(t *testing.T) {
	m := &manifest.Manifest{Path: "issue.toml"}
	m.Sections = []manifest.Section{{Documents: []string{"通知.docx"}}}
	m.Issue.Sections = []model.Section{{Documents: []*model.Document{{Blocks: []model.Block{
		{Kind: model.ImageBlock, Image: &model.Image{Path: "通知.docx/word/media/image1.png", Data: []byte{1}}},
		{Kind: model.ImageBlock, Image: &model.Image{Path: "图1.png"}},
	}}}}}
	got := strings.Join(issueInputs(&build.Issue{Manifest: m}), " ")
	if got != "issue.toml 通知.docx 图1.png" {
		t.Errorf("inputs = %s", got)
	}
}
