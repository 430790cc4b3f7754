// Package testtool runs the command-line tools that gazette's tests read
// PDFs back with (poppler's pdftotext, pdffonts, pdfinfo; qpdf; Ghostscript),
// and copies the sample issue for tests that change it.
// A missing tool skips the test on a developer's machine and fails it in CI
// (CI=true), where `make tools` must have installed it.
package testtool

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Need returns the path of the tool name, or skips (fails in CI) the test.
func Need(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed (make tools installs it)", name)
		}
		t.Skipf("%s is not installed; run make tools", name)
	}
	return p
}

// Run runs the tool with args and returns its combined output; a failure
// ends the test with that output.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(Need(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// CopySample copies the files of the sample issue in dir (not its PDFs) into
// a new temporary folder, passing issue.toml's bytes through edit (if not
// nil), and returns the copied manifest's path.
func CopySample(t testing.TB, dir string, edit func([]byte) []byte) string {
	t.Helper()
	out := t.TempDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".pdf") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "issue.toml" && edit != nil {
			data = edit(data)
		}
		if err := os.WriteFile(filepath.Join(out, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(out, "issue.toml")
}
