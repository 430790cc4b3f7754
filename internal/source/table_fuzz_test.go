package source

import (
	"os"
	"path/filepath"
	"testing"

	"gazette/internal/diag"
	"gazette/internal/model"
)

// FuzzReadTable: reading a CSV table never panics; a table it refuses comes
// back as problems for the office; a table it accepts is a rectangle whose
// merged areas stay inside it and whose header fits.
func FuzzReadTable(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(sampleDir, "*.csv"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data, 1)
		}
	}
	for _, s := range []string{
		"", "a,b\n1,2\n", "a,b\n^,2\n", "a,<\n1,2\n", "a\tb\n1\t2\n", "\"a,b\",c\n1,2\n", "a,b\n1\n",
		"a,b,c\n^,<,x\n", "＾,＜\n", "a,b\n1,2\n,,\n,,\n", "\"a\nb\",c\n", "a,\"b\n",
	} {
		f.Add([]byte(s), 1)
	}
	path := filepath.Join(f.TempDir(), "表.csv")
	f.Fuzz(func(t *testing.T, data []byte, header int) {
		header %= 4
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		tb, err := ReadTable(path, header)
		if err != nil {
			if diag.Problems(err) == nil {
				t.Fatalf("error %T is not a problem for the office: %v", err, err)
			}
			return
		}
		checkTableShape(t, tb)
	})
}

// checkTableShape fails unless the cells of tb cover its grid exactly once,
// each inside it, and no merged cell crosses from the header into the body.
func checkTableShape(t *testing.T, tb *model.Table) {
	t.Helper()
	if tb.Rows < 1 || tb.Columns < 1 || tb.HeaderRows < 0 || tb.HeaderRows > tb.Rows {
		t.Fatalf("table of %d × %d with %d header rows", tb.Rows, tb.Columns, tb.HeaderRows)
	}
	covered := make([]int, tb.Rows*tb.Columns)
	for _, c := range tb.Cells {
		if c.RowSpan < 1 || c.ColSpan < 1 || c.Row < 0 || c.Col < 0 ||
			c.Row+c.RowSpan > tb.Rows || c.Col+c.ColSpan > tb.Columns {
			t.Fatalf("cell %+v outside the %d × %d grid", c, tb.Rows, tb.Columns)
		}
		if c.Row < tb.HeaderRows && c.Row+c.RowSpan > tb.HeaderRows {
			t.Fatalf("cell %+v crosses from the header (%d rows) into the body", c, tb.HeaderRows)
		}
		for r := c.Row; r < c.Row+c.RowSpan; r++ {
			for k := c.Col; k < c.Col+c.ColSpan; k++ {
				covered[r*tb.Columns+k]++
			}
		}
	}
	for i, n := range covered {
		if n != 1 {
			t.Fatalf("grid cell (%d, %d) is covered %d times", i/tb.Columns, i%tb.Columns, n)
		}
	}
}
