package build

import (
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

// TestReadSameOnAnyCores: documents are read side by side, yet the issue
// holds them, and the warnings name them, in manifest order whatever the
// number of cores.
func TestReadSameOnAnyCores(t *testing.T) {
	read := func(procs int) (docs, warnings []string) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		is, err := Read(filepath.Join(sampleDir, "issue.toml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range is.Documents() {
			docs = append(docs, d.Source)
		}
		for _, w := range is.Warnings {
			warnings = append(warnings, w.Error())
		}
		return docs, warnings
	}
	docs1, warn1 := read(1)
	if len(docs1) < 2 || len(warn1) == 0 {
		t.Fatalf("the sample read as %d documents and %d warnings", len(docs1), len(warn1))
	}
	for _, procs := range []int{2, 8} {
		docs, warn := read(procs)
		if !slices.Equal(docs, docs1) {
			t.Errorf("%d cores: documents %v, one core %v", procs, docs, docs1)
		}
		if !slices.Equal(warn, warn1) {
			t.Errorf("%d cores: warnings differ from one core's:\n%v\n%v", procs, warn, warn1)
		}
	}
}
