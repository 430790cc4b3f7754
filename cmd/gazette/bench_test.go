package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/build"
)

// BenchmarkBuildSampleTimesTen builds the sample issue with its documents
// repeated ten times (about 330 pages), the larger of issue 14's two
// benchmark sizes; with BenchmarkBuildSample it shows whether the cost
// grows linearly with the content.
func BenchmarkBuildSampleTimesTen(b *testing.B) {
	manifest := scaledSample(b, 10)
	dir := b.TempDir()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var so, se bytes.Buffer
		if code := run([]string{"gazette", "build", "-o", filepath.Join(dir, "x.pdf"), manifest}, &so, &se); code != 0 {
			b.Fatal(se.String())
		}
	}
}

// scaledSample writes, in a temporary folder, the sample issue with each
// section's documents copied scale times under new names (as
// scripts/typstbench does for the Typst comparison) and returns its manifest.
func scaledSample(tb testing.TB, scale int) string {
	tb.Helper()
	is, err := build.Read(sample)
	if err != nil {
		tb.Fatal(err)
	}
	src, dir := filepath.Dir(sample), tb.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries { // tables and pictures keep their names
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || ext == ".txt" || ext == ".toml" || ext == ".pdf" {
			continue
		}
		copyTo(tb, filepath.Join(src, e.Name()), filepath.Join(dir, e.Name()))
	}
	data, err := os.ReadFile(sample)
	if err != nil {
		tb.Fatal(err)
	}
	text := string(data)
	var m strings.Builder
	m.WriteString(text[:strings.Index(text, "\n[[section]]")+1])
	for _, s := range is.Manifest.Sections {
		fmt.Fprintf(&m, "[[section]]\ntitle = %q\ndocuments = [\n", s.Title)
		for k := range scale {
			for _, d := range s.Documents {
				name := fmt.Sprintf("%02d-%s", k, filepath.Base(d))
				copyTo(tb, d, filepath.Join(dir, name))
				fmt.Fprintf(&m, "  %q,\n", name)
			}
		}
		m.WriteString("]\n\n")
	}
	manifest := filepath.Join(dir, "issue.toml")
	if err := os.WriteFile(manifest, []byte(m.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return manifest
}

func copyTo(tb testing.TB, from, to string) {
	tb.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}
