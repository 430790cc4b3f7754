package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"gazette/internal/testtool"
)

// BenchmarkBuildSampleTimesTen builds the sample issue with its documents
// repeated ten times (about 330 pages), the larger of issue 14's two
// benchmark sizes; with BenchmarkBuildSample it shows whether the cost
// grows linearly with the content.
func BenchmarkBuildSampleTimesTen(b *testing.B) {
	manifest := testtool.ScaledSample(b, sample, 10)
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
