package volume

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
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
	var lay, write time.Duration
	for range b.N {
		start := time.Now()
		v, err := Prepare(path, nil)
		if err != nil {
			b.Fatal(err)
		}
		lay += time.Since(start)
		start = time.Now()
		if err := v.Write(out); err != nil {
			b.Fatal(err)
		}
		write += time.Since(start)
		b.ReportMetric(float64(v.Pages()), "pages")
	}
	// where the time goes: reading and laying out the issues (in parallel),
	// then binding and writing the PDF
	b.ReportMetric(float64(lay.Milliseconds())/float64(b.N), "read+lay-ms/op")
	b.ReportMetric(float64(write.Milliseconds())/float64(b.N), "write-ms/op")
}
