package build

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
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

// TestBuildSameOnAnyCores: documents are read, laid out and their pages
// drawn side by side and the fonts compressed in the background, yet the
// print and web PDFs are the same bytes on one core or eight.
func TestBuildSameOnAnyCores(t *testing.T) {
	dir := t.TempDir()
	build := func(procs int) (print, web []byte) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		out := filepath.Join(dir, "x"+strconv.Itoa(procs)+".pdf")
		if _, err := BuildEditions(filepath.Join(sampleDir, "issue.toml"), Editions{Print: out, Web: WebOutput(out)}); err != nil {
			t.Fatal(err)
		}
		return readFile(t, out), readFile(t, WebOutput(out))
	}
	print1, web1 := build(1)
	print8, web8 := build(8)
	if !bytes.Equal(print1, print8) {
		t.Error("the print edition differs between one core and eight")
	}
	if !bytes.Equal(web1, web8) {
		t.Error("the web edition differs between one core and eight")
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
