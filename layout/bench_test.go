package layout_test

import (
	"path/filepath"
	"testing"

	"gazette/internal/build"
)

// BenchmarkLaySample measures the layout of the sample issue alone: line
// composition, titles, tables, pagination and the front matter, without
// reading the files or writing the PDF.
func BenchmarkLaySample(b *testing.B) {
	is, err := build.Read(filepath.Join("..", "samples", "changjiang-2023-04", "issue.toml"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := is.Lay(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLaySampleTimesTen is BenchmarkLaySample on the sample's
// documents repeated ten times (each section's list read ten times over).
func BenchmarkLaySampleTimesTen(b *testing.B) {
	is, err := build.Read(filepath.Join("..", "samples", "changjiang-2023-04", "issue.toml"))
	if err != nil {
		b.Fatal(err)
	}
	for i := range is.Manifest.Issue.Sections {
		s := &is.Manifest.Issue.Sections[i]
		one := s.Documents
		for range 9 {
			s.Documents = append(s.Documents, one...)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := is.Lay(); err != nil {
			b.Fatal(err)
		}
	}
}
