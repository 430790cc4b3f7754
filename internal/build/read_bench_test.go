package build

import (
	"path/filepath"
	"testing"

	"gazette/internal/manifest"
	"gazette/internal/testtool"
)

// BenchmarkReadTimesTen reads the manifest and every document of the
// sample with its documents repeated ten times (50 documents, as
// scripts/typstbench -scale 10 makes it): manifest.Load and readDocuments,
// what a build does before it loads the fonts and lays the issue out.
func BenchmarkReadTimesTen(b *testing.B) {
	path := testtool.ScaledSample(b, filepath.Join(sampleDir, "issue.toml"), 10)
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
