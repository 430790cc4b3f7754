package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/nextissue"
)

// TestNewIssue runs `gazette new` on a copy of the sample: the next issue's
// manifest lands beside it with the number moved on, `check` then names
// exactly what the office still has to do, and a second run never
// overwrites it.
func TestNewIssue(t *testing.T) {
	root := t.TempDir()
	prevDir := filepath.Join(root, "changjiang-2023-04")
	if err := os.Mkdir(prevDir, 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	prev := filepath.Join(prevDir, "issue.toml")
	if err := os.WriteFile(prev, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"gazette", "new", prev}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	next := filepath.Join(root, "changjiang-2023-05", "issue.toml")
	got, err := os.ReadFile(next)
	if err != nil {
		t.Fatalf("no manifest at %s: %v (stdout %s)", next, err, stdout.String())
	}
	if !strings.Contains(string(got), "number = 5") || !strings.Contains(stdout.String(), "2023年第5期（总第18期）") {
		t.Errorf("next manifest or message wrong:\n%s\n%s", got, stdout.String())
	}

	stderr.Reset()
	if code := run([]string{"gazette", "check", next}, &stdout, &stderr); code != 1 {
		t.Fatalf("check of an unfilled manifest exit %d, want 1", code)
	}
	for _, want := range []string{"缺少出版日期", "栏目 “区政府办公室文件” 没有列出任何文件", "栏目 “政务动态” 没有列出任何文件"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("check does not say %q:\n%s", want, stderr.String())
		}
	}

	stderr.Reset()
	if code := run([]string{"gazette", "new", prev}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "不会覆盖") {
		t.Errorf("second run: exit %d, %s", code, stderr.String())
	}
	if again, _ := os.ReadFile(next); !bytes.Equal(again, got) {
		t.Error("second run changed the existing manifest")
	}
}

func TestNextFolder(t *testing.T) {
	for _, c := range []struct{ dir, want string }{
		{"/g/changjiang-2023-04", "/g/changjiang-2023-05/issue.toml"},
		{"/g/2023年第6期", "/g/2024年第1期/issue.toml"},
		{"/g/2023_6", "/g/2024_1/issue.toml"},
		{"/g/本期", "/g/2024-01/issue.toml"},
	} {
		from, to := issueOf(c.dir)
		if got := nextFolder(filepath.Join(c.dir, "issue.toml"), from, to); got != c.want {
			t.Errorf("%s: %s, want %s", c.dir, got, c.want)
		}
	}
}

// issueOf is the (from, to) pair each TestNextFolder case stands for.
func issueOf(dir string) (nextissue.Issue, nextissue.Issue) {
	if strings.Contains(dir, "2023-04") {
		return nextissue.Issue{Year: 2023, Number: 4}, nextissue.Issue{Year: 2023, Number: 5}
	}
	return nextissue.Issue{Year: 2023, Number: 6}, nextissue.Issue{Year: 2024, Number: 1}
}
