package volume

import (
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkVolumeTenYears binds sixty copies of the sample (ten years of a
// 双月刊, about 2,000 pages) and writes the PDF: the issue asks for it in
// ≤ 3 s and ≤ 300 MiB on two cores (peak memory: /usr/bin/time -v on
// `gazette volume`, docs/volume.md#speed).
func BenchmarkVolumeTenYears(b *testing.B) {
	root := b.TempDir()
	var issues []string
	for i := range 60 {
		year, n := 2014+i/6, i%6+1
		issues = append(issues, copyIssue(b, sampleDir, root, fmt.Sprintf("%d-%02d", year, n), year, n, i+1, nil))
	}
	path := writeVolume(b, root, issues, "")
	out := filepath.Join(root, "v.pdf")
	b.ResetTimer()
	for range b.N {
		v, err := Prepare(path, nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := v.Write(out); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(v.Pages()), "pages")
	}
}
