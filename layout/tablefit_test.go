package layout

import (
	"fmt"
	"strings"
	"testing"

	"gazette/internal/model"
)

// layDocsErr is layDocs for inputs that may be refused.
func layDocsErr(docs ...*model.Document) (*Book, *Style, error) {
	st, _ := Preset("gbt9704")
	is := &model.Issue{Gazette: model.Gazette{Name: "测试公报"}, Year: 2023, Number: 4,
		Sections: []model.Section{{Title: "文件", Documents: docs}}}
	b, err := Lay(Input{Issue: is, Style: st, Metrics: gridMetrics{}, Kinsoku: KinsokuGB})
	return b, st, err
}

// gridTable is a table of cols columns and rows rows (one header row), each
// cell's text made by text(row, col).
func gridTable(cols, rows int, text func(r, c int) string) *model.Table {
	tb := &model.Table{Source: "/某处/指标表.csv", Columns: cols, Rows: rows, HeaderRows: 1}
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			tb.Cells = append(tb.Cells, model.Cell{Row: r, Col: c, RowSpan: 1, ColSpan: 1, Text: text(r, c), Line: r + 1})
		}
	}
	return tb
}

// TestTableManyColumns: a table of many short columns is set with every
// column at least as wide as its widest word — the table set smaller when
// it must be, then turned 90° on pages of its own, and said so — and never
// with a coordinate that is no number; past the smallest table type on a
// turned page it is refused, naming the table and the width it needs.
func TestTableManyColumns(t *testing.T) {
	tests := []struct {
		cols   int
		shrunk bool
		turned bool
		refuse bool
	}{
		{8, false, false, false}, {10, false, false, false}, {12, false, false, false}, {16, true, false, false},
		{20, false, true, false}, {24, false, true, false}, {40, false, false, true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.cols), func(t *testing.T) {
			tb := gridTable(tt.cols, 30, func(r, c int) string {
				if r == 0 {
					return fmt.Sprintf("列%d", c+1)
				}
				return fmt.Sprint(r * (c + 1))
			})
			doc := tableDoc(tb)
			doc.Source = "a.txt"
			doc.Blocks[1].Line = 5
			doc.Blocks = append(doc.Blocks, para("表后的正文。"))
			b, st, err := layDocsErr(doc)
			if tt.refuse {
				if err == nil || !strings.Contains(err.Error(), "指标表.csv") || !strings.Contains(err.Error(), "毫米宽") || !strings.Contains(err.Error(), "a.txt 第5行") {
					t.Fatalf("a %d-column table should be refused naming the table, its width and its line; got %v", tt.cols, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkBook(t, st, b)
			warns := strings.Join(b.Warnings, "\n")
			if got := strings.Contains(warns, "已整表缩小"); got != tt.shrunk {
				t.Errorf("shrink warning %v, want %v: %q", got, tt.shrunk, b.Warnings)
			}
			if got := strings.Contains(warns, "已横排"); got != tt.turned {
				t.Errorf("turn warning %v, want %v: %q", got, tt.turned, b.Warnings)
			}
			if tt.turned {
				checkTurned(t, st, b, tt.cols)
				return
			}
			p := b.Pages[4]
			cols := verticalRules(p)
			if len(cols) != tt.cols+1 {
				t.Fatalf("want %d column borders, got %d", tt.cols+1, len(cols))
			}
			if w := cols[len(cols)-1] - cols[0]; w > st.TextWidth()+0.01 {
				t.Errorf("the table is %.1f pt wide, the measure %.1f", w, st.TextWidth())
			}
			// every run lies inside one column: no text runs into the next
			for _, r := range p.Runs {
				if r.Size >= st.TableSize+0.01 || r.Y < st.Top+st.BodySize*3 {
					continue
				}
				x0, x1 := runExtent(r)
				inside := false
				for c := 0; c+1 < len(cols); c++ {
					if x0 >= cols[c]-0.01 && x1 <= cols[c+1]+0.01 {
						inside = true
					}
				}
				if !inside {
					t.Errorf("table text %q at %.1f–%.1f crosses a column border %v", r.Text, x0, x1, cols)
				}
			}
		})
	}
}

// checkTurned: a turned table's pages hold nothing but the table (the
// text before it ends a page, the text after it starts one), every table
// run turned, inside the type area and between two of the table's rules
// running across the page (its column borders, turned); every row printed
// once, the header on each page.
func checkTurned(t *testing.T, st *Style, b *Book, cols int) {
	t.Helper()
	headers, cells := 0, 0
	turnedPages := 0
	for _, p := range b.Pages[4:] {
		var turned, upright []Run
		for _, r := range p.Runs {
			if r.Turned {
				turned = append(turned, r)
			} else if r.Y > st.Top && r.Y < st.Top+st.TextHeight() {
				upright = append(upright, r)
			}
		}
		if len(turned) == 0 {
			continue
		}
		turnedPages++
		if len(upright) > 0 {
			t.Errorf("a turned table's page also holds %q", upright[0].Text)
		}
		var borders []float64 // y of the rules across the page
		for _, r := range p.Rules {
			if r.Y1 == r.Y2 && r.X1 >= st.Left(p.Recto)-0.01 {
				borders = append(borders, r.Y1)
			}
		}
		for _, r := range turned {
			box := runBox(r)
			if box.y0 < st.Top-0.01 || box.y1 > st.Top+st.TextHeight()+0.01 || box.x0 < st.Left(p.Recto)-0.01 || box.x1 > st.Left(p.Recto)+st.TextWidth()+0.01 {
				t.Errorf("turned run %q at %.1f,%.1f–%.1f,%.1f is outside the type area", r.Text, box.x0, box.y0, box.x1, box.y1)
			}
			between := false
			for _, a := range borders {
				for _, z := range borders {
					if a < z && box.y0 >= a-0.01 && box.y1 <= z+0.01 && z-a < st.TextHeight()/2 {
						between = true
					}
				}
			}
			if !between {
				t.Errorf("turned run %q at y %.1f–%.1f crosses a column border", r.Text, box.y0, box.y1)
			}
			switch {
			case r.Text == "列1":
				headers++
			case r.Text != "" && r.Text[0] >= '0' && r.Text[0] <= '9':
				cells++
			}
		}
	}
	if turnedPages == 0 || headers != turnedPages {
		t.Errorf("%d turned pages, %d headers", turnedPages, headers)
	}
	if cells != 29*cols {
		t.Errorf("%d cells printed, want %d", cells, 29*cols)
	}
}

// TestTableRowTallerThanPage: a row whose text is taller than a page is
// split over pages, its cells' lines continuing under the repeated header,
// with nothing below the type area, no text lost, and the layout finishing
// (it used to loop for ever with a header, and print off the page without).
func TestTableRowTallerThanPage(t *testing.T) {
	long := strings.Repeat("这是一个很长的格子内容用来测试超过一页的行，", 150)
	for _, header := range []int{1, 0} {
		t.Run(fmt.Sprint("header rows ", header), func(t *testing.T) {
			tb := gridTable(2, 3, func(r, c int) string {
				switch {
				case r == 0:
					return []string{"项目", "内容"}[c]
				case r == 1 && c == 1:
					return long
				case c == 0:
					return "甲乙"[3*(r-1) : 3*r]
				}
				return "短"
			})
			tb.HeaderRows = header
			b, st := layDocs(t, tableDoc(tb))
			checkBook(t, st, b)
			body := b.Pages[4:]
			if len(body) < 3 {
				t.Fatalf("a row of %d characters should run over three pages or more, got %d", len([]rune(long)), len(body))
			}
			var got strings.Builder
			for i, p := range body {
				if header == 1 && !strings.HasPrefix(tableText(st, p), "项目内容") {
					t.Errorf("body page %d does not start with the repeated header: %q", i+1, short(tableText(st, p)))
				}
				got.WriteString(tableText(st, p))
			}
			if n := strings.Count(got.String(), "超过一页的行"); n != 150 {
				t.Errorf("the long cell printed %d of its 150 phrases", n)
			}
		})
	}
}

// tableText is the text of a page's table runs in the order drawn.
func tableText(st *Style, p *Page) string {
	var sb strings.Builder
	for _, r := range p.Runs {
		if r.Size == st.TableSize {
			sb.WriteString(r.Text)
		}
	}
	return sb.String()
}

// BenchmarkTableRows lays out a table of 1,000 and of 10,000 rows: the cost
// is linear in rows (10,000 about ten times 1,000; it was quadratic).
func BenchmarkTableRows(b *testing.B) {
	for _, n := range benchRows {
		tb := gridTable(3, n+1, func(r, c int) string {
			if r == 0 {
				return []string{"序号", "名称", "数值"}[c]
			}
			return []string{fmt.Sprint(r), fmt.Sprintf("项目%d", r), fmt.Sprintf("%d.5", r)}[c]
		})
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for range b.N {
				if _, _, err := layDocsErr(tableDoc(tb)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchRows are the table lengths BenchmarkTableRows lays out.
var benchRows = []int{1000, 10000}
