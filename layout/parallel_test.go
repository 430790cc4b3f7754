package layout_test

import (
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"gazette/internal/build"
	"gazette/layout"
)

// TestLaySameOnAnyCores: documents are set in parallel, and the book is the
// same whether one core or several set them, for the sample and for the
// issue of every kind of document.
func TestLaySameOnAnyCores(t *testing.T) {
	for _, manifest := range []string{
		filepath.Join("..", "samples", "changjiang-2023-04", "issue.toml"),
		filepath.Join("..", "testdata", "issues", "kinds", "issue.toml"),
	} {
		lay := func(procs int) *layout.Book {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			is, err := build.Read(manifest)
			if err != nil {
				t.Fatal(err)
			}
			if err := is.Lay(); err != nil {
				t.Fatal(err)
			}
			return is.Book
		}
		one, many := lay(1), lay(8)
		if len(one.Pages) == 0 || !reflect.DeepEqual(one, many) {
			t.Errorf("%s: the book laid on one core differs from the one laid on eight (%d and %d pages)",
				manifest, len(one.Pages), len(many.Pages))
		}
	}
}
