package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/manifest"
)

// BenchmarkReadTimesTen reads the manifest and every document of the
// sample with its documents repeated ten times (50 documents, as
// scripts/typstbench -scale 10 makes it): manifest.Load and readDocuments,
// what a build does before it loads the fonts and lays the issue out.
func BenchmarkReadTimesTen(b *testing.B) {
	path := timesTen(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m, err := manifest.Load(path)
		if err != nil {
			b.Fatal(err)
		}
		is := &Issue{Manifest: m}
		if err := is.readDocuments(); err != nil {
			b.Fatal(err)
		}
	}
}

// timesTen writes, in a temporary folder, the sample issue with each
// section's documents copied ten times under new names, and returns its
// manifest's path.
func timesTen(tb testing.TB) string {
	tb.Helper()
	m, err := manifest.Load(filepath.Join(sampleDir, "issue.toml"))
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	entries, err := os.ReadDir(sampleDir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries { // tables and pictures keep their names
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || ext == ".txt" || ext == ".toml" || ext == ".pdf" {
			continue
		}
		copyFile(tb, filepath.Join(sampleDir, e.Name()), filepath.Join(dir, e.Name()))
	}
	data, err := os.ReadFile(filepath.Join(sampleDir, "issue.toml"))
	if err != nil {
		tb.Fatal(err)
	}
	text := string(data)
	var out strings.Builder
	out.WriteString(text[:strings.Index(text, "\n[[section]]")+1])
	for _, s := range m.Sections {
		fmt.Fprintf(&out, "[[section]]\ntitle = %q\ndocuments = [\n", s.Title)
		for k := range 10 {
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
