package html_test

import (
	"testing"

	"gazette/internal/build"
	"gazette/internal/html"
)

// BenchmarkSampleFiles writes the sample issue's HTML edition in memory,
// reporting its size.
func BenchmarkSampleFiles(b *testing.B) {
	is, err := build.Prepare(sample)
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for b.Loop() {
		files, err := html.Files(&is.Manifest.Issue, html.Options{PDF: "issue-web.pdf"})
		if err != nil {
			b.Fatal(err)
		}
		size = 0
		for _, f := range files {
			size += len(f)
		}
	}
	b.ReportMetric(float64(size), "bytes")
}
