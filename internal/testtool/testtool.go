// Package testtool runs the command-line tools that gazette's tests read
// PDFs back with (poppler's pdftotext, pdffonts, pdfinfo; qpdf; Ghostscript),
// and copies the sample issue for tests that change it.
// A missing tool skips the test on a developer's machine and fails it in CI
// (CI=true), where `make tools` must have installed it.
package testtool

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/manifest"
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

// ScaledSample writes, in a temporary folder, the issue at manifestPath with
// each section's documents copied scale times under new names (as
// scripts/typstbench does for the Typst comparison; tables and pictures keep
// their names) and returns the new manifest's path: the benchmarks' ×10.
func ScaledSample(tb testing.TB, manifestPath string, scale int) string {
	tb.Helper()
	m, err := manifest.Load(manifestPath)
	if err != nil {
		tb.Fatal(err)
	}
	src, dir := filepath.Dir(manifestPath), tb.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || ext == ".txt" || ext == ".toml" || ext == ".pdf" {
			continue
		}
		copyFile(tb, filepath.Join(src, e.Name()), filepath.Join(dir, e.Name()))
	}
	data, err := os.ReadFile(manifestPath)
	if err != nil {
		tb.Fatal(err)
	}
	text := string(data)
	var out strings.Builder
	out.WriteString(text[:strings.Index(text, "\n[[section]]")+1])
	for _, s := range m.Sections {
		fmt.Fprintf(&out, "[[section]]\ntitle = %q\ndocuments = [\n", s.Title)
		for k := range scale {
			for _, d := range s.Documents {
				name := fmt.Sprintf("%02d-%s", k, filepath.Base(d))
				copyFile(tb, d, filepath.Join(dir, name))
				fmt.Fprintf(&out, "  %q,\n", name)
			}
		}
		out.WriteString("]\n\n")
	}
	path := filepath.Join(dir, "issue.toml")
	if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

func copyFile(tb testing.TB, from, to string) {
	tb.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}
