//go:build unix

package render_test

import (
	"syscall"
	"testing"
	"time"

	"gazette/internal/build"
	"gazette/internal/render"
)

// BenchmarkRenderSample renders the sample's print edition from its laid-out
// book: the render phase alone (planning and subsetting the fonts,
// compressing them while the pages are drawn, the finishing pass). Besides
// the wall time per build it reports the process's CPU time per build
// (cpu-ms/op): on two cores the render phase's wall time is less than its
// CPU time by what runs side by side.
func BenchmarkRenderSample(b *testing.B) {
	is, err := build.Prepare("../../samples/changjiang-2023-04/issue.toml")
	if err != nil {
		b.Fatal(err)
	}
	opt, err := is.PrintOptions()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	before := cpuTime(b)
	for b.Loop() {
		if _, err := render.Render(is.Book, is.Fonts, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime(b)-before)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// cpuTime is the process's user and system time so far.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
