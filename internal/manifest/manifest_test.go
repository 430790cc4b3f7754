package manifest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/fonts"
	"gazette/internal/diag"
)

// write writes text to the file name under dir, making its folders.
func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// writeGoodFiles writes the files the good manifest names into dir: its
// document and (empty) font files, which the manifest only looks up.
func writeGoodFiles(t *testing.T, dir, doc string) {
	t.Helper()
	write(t, dir, "a.txt", doc)
	write(t, dir, "my/fangsong.ttf", "")
	write(t, dir, "simsun.ttc", "")
}

const good = `[gazette]
name = "昌江区人民政府公报"
mottos = ["传达政令　宣传政策"]

[[gazette.committee]]
role = "主任"
names = ["李镒岚"]

[issue]
year = 2023
number = 4
serial = 17
date = 2023-08-30

[fonts]
fang = "my/fangsong.ttf"
song = { path = "simsun.ttc", index = 1 }

[[section]]
title = "区政府办公室文件"
documents = ["a.txt"]
`

func TestLoadGoodManifest(t *testing.T) {
	dir := t.TempDir()
	writeGoodFiles(t, dir, "标题\n正文。")
	m, err := Load(write(t, dir, "issue.toml", "\uFEFF"+good))
	if err != nil {
		t.Fatal(err)
	}
	if m.Issue.Gazette.Name != "昌江区人民政府公报" || m.Issue.Number != 4 || m.Issue.Serial != 17 {
		t.Errorf("issue = %+v", m.Issue)
	}
	if d := m.Issue.Date; d.Year != 2023 || d.Month != 8 || d.Day != 30 {
		t.Errorf("date = %+v", d)
	}
	if got := m.Sections[0].Documents[0]; got != filepath.Join(dir, "a.txt") {
		t.Errorf("document path %q not resolved against the manifest", got)
	}
	if got := m.Fonts[fonts.Fang].Path; got != filepath.Join(dir, "my/fangsong.ttf") {
		t.Errorf("fang font = %q", got)
	}
	if s := m.Fonts[fonts.Song]; s.Index != 1 || !strings.HasSuffix(s.Path, "simsun.ttc") {
		t.Errorf("song font = %+v", s)
	}
	if m.Layout.Preset != "gbt9704" {
		t.Errorf("default preset = %q", m.Layout.Preset)
	}
	if c := m.Issue.Gazette.Committee; len(c) != 1 || c[0].Role != "主任" || c[0].Names[0] != "李镒岚" {
		t.Errorf("committee = %+v", c)
	}
	if got := m.CreationTime().Format("2006-01-02"); got != "2023-08-30" {
		t.Errorf("creation time %s", got)
	}
}

func TestManifestProblems(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		line     int
		contains string
	}{
		{"unknown key", strings.Replace(good, "serial = 17", "serial = 17\nserail = 18", 1), 13, "serail"},
		{"unknown table key", strings.Replace(good, `mottos =`, "motto = \"x\"\nmottos =", 1), 3, "gazette.motto"},
		{"syntax", strings.Replace(good, `year = 2023`, `year = "2023`, 1), 10, "格式有误"},
		{"missing file", strings.Replace(good, `"a.txt"`, `"b.txt"`, 1), 21, "b.txt"},
		{"bad role", strings.Replace(good, "fang =", "fangsong =", 1), 16, "fangsong"},
		{"bad preset", good + "\n[layout]\npreset = \"big\"\n", 24, "big"},
		{"no name", strings.Replace(good, `name = "昌江区人民政府公报"`, ``, 1), 1, "公报名称"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeGoodFiles(t, dir, "x")
			_, err := Load(write(t, dir, "issue.toml", tt.text))
			ps := diag.Problems(err)
			if len(ps) == 0 {
				t.Fatalf("no problem reported (err=%v)", err)
			}
			p := ps[0]
			if !strings.Contains(p.Error(), tt.contains) || p.Line != tt.line {
				t.Errorf("got %q at line %d, want %q at line %d", p.Error(), p.Line, tt.contains, tt.line)
			}
			if !strings.Contains(p.Error(), "issue.toml") {
				t.Errorf("message does not name the file: %s", p.Error())
			}
		})
	}
}

// TestFontsFallback: [fonts] fallback takes a list of paths, {path, index}
// and {name} entries, in order, at its line; a role written as a list is
// an error at its line.
func TestFontsFallback(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.ttf", "b.ttc", "01.txt"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := "[gazette]\nname = \"公报\"\n[issue]\nyear = 2023\nnumber = 4\ndate = 2023-08-30\n" +
		"[[section]]\ntitle = \"文件\"\ndocuments = [\"01.txt\"]\n[fonts]\n"
	m, err := Parse(filepath.Join(dir, "issue.toml"),
		[]byte(base+"fallback = [\"a.ttf\", { path = \"b.ttc\", index = 2 }, { name = \"SimSun-ExtB\" }]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Fallback) != 3 || filepath.Base(m.Fallback[0].Path) != "a.ttf" ||
		m.Fallback[1].Index != 2 || !m.Fallback[1].IndexSet || m.Fallback[2].Name != "SimSun-ExtB" || m.FallbackLine != 11 {
		t.Errorf("Fallback = %+v at line %d", m.Fallback, m.FallbackLine)
	}
	_, err = Parse(filepath.Join(dir, "issue.toml"), []byte(base+"fang = [\"a.ttf\"]\n"))
	if err == nil || !strings.Contains(err.Error(), "第11行") || !strings.Contains(err.Error(), "fallback") {
		t.Errorf("a role as a list: %v", err)
	}
}
