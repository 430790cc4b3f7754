package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/testtool"
)

// TestCLIVolume binds two copies of the sample: the PDF is written, the
// summary says how many issues and pages, and no progress counter reaches
// stdout, which is not a terminal here.
func TestCLIVolume(t *testing.T) {
	root := t.TempDir()
	for _, n := range []string{"1", "2"} {
		m := testtool.CopySample(t, "../../samples/changjiang-2023-04", func(b []byte) []byte {
			return bytes.Replace(b, []byte("number = 4 "), []byte("number = "+n+" "), 1)
		})
		if err := os.Rename(filepath.Dir(m), filepath.Join(root, "2023-0"+n)); err != nil {
			t.Fatal(err)
		}
	}
	vol := filepath.Join(root, "volume.toml")
	os.WriteFile(vol, []byte("[volume]\ntitle = \"昌江区人民政府公报2023年合订本\"\nissues = [\"2023-01/issue.toml\", \"2023-02/issue.toml\"]\n"), 0o644)
	out := filepath.Join(root, "2023合订本.pdf")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"gazette", "volume", "-o", out, vol}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "已生成") || !strings.Contains(stdout.String(), "2 期") {
		t.Errorf("stdout: %s", stdout.String())
	}
	if strings.Contains(stdout.String(), "第 1/2 期") {
		t.Errorf("progress written to a stdout that is no terminal: %q", stdout.String())
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() < 10000 {
		t.Errorf("no PDF written: %v", err)
	}

	// a volume.toml with a slip: Chinese, at its line, no PDF
	bad := filepath.Join(root, "bad.toml")
	os.WriteFile(bad, []byte("[volume]\ntitle = \"合订本\"\nissues = [\"2023-01/issue.toml\", \"2023-09/issue.toml\"]\n"), 0o644)
	stderr.Reset()
	if code := run([]string{"gazette", "volume", "-o", filepath.Join(root, "bad.pdf"), bad}, &stdout, &stderr); code == 0 {
		t.Fatal("a missing issue did not fail")
	}
	if !strings.Contains(stderr.String(), "第3行") || !strings.Contains(stderr.String(), "2023-09/issue.toml") {
		t.Errorf("stderr %q does not name the line and the file", stderr.String())
	}
	if _, err := os.Stat(filepath.Join(root, "bad.pdf")); err == nil {
		t.Error("a failed volume left a PDF")
	}
}
