package layout

import (
	"math"
	"sort"
	"strings"
	"testing"

	"gazette/internal/model"
)

// tableDoc is a document holding one table block.
func tableDoc(t *model.Table) *model.Document {
	return &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: "指标表"},
		{Kind: model.TableBlock, Table: t}}}
}

// runExtent is where a run's glyphs start and end under gridMetrics.
func runExtent(r Run) (x0, x1 float64) {
	n := 0.0
	w := 0.0
	for _, c := range r.Text {
		a, _ := gridMetrics{}.Advance(0, c)
		w += a * r.Size
		n++
	}
	return r.X, r.X + w + (n-1)*r.Spacing
}

// tableRuns returns the table-size runs of a page grouped by baseline, left
// to right.
func tableRuns(st *Style, p *Page) map[float64][]Run {
	out := map[float64][]Run{}
	for _, r := range p.Runs {
		if r.Size == st.TableSize {
			out[r.Y] = append(out[r.Y], r)
		}
	}
	for y := range out {
		sort.Slice(out[y], func(i, j int) bool { return out[y][i].X < out[y][j].X })
	}
	return out
}

// verticalRules are the x positions of the table's column borders on a page.
func verticalRules(p *Page) []float64 {
	seen := map[float64]bool{}
	var xs []float64
	for _, r := range p.Rules {
		if r.X1 == r.X2 && !seen[r.X1] {
			seen[r.X1] = true
			xs = append(xs, r.X1)
		}
	}
	sort.Float64s(xs)
	return xs
}

// TestTableWrappedCellCentred: a merged cell's text wraps into lines that
// are each centred in the cell, the last line included (issue 3 item 5:
// merged cells drawn as one cell with their text centred both ways).
func TestTableWrappedCellCentred(t *testing.T) {
	label := "农业七大产业综合产值目标任务（单位：亿元）"
	tb := &model.Table{Columns: 3, HeaderRows: 1, Rows: 5, Cells: []model.Cell{
		{Row: 0, Col: 0, RowSpan: 1, ColSpan: 1, Text: "类别"},
		{Row: 0, Col: 1, RowSpan: 1, ColSpan: 1, Text: "年度指标"},
		{Row: 0, Col: 2, RowSpan: 1, ColSpan: 1, Text: "2023年"},
		{Row: 1, Col: 0, RowSpan: 4, ColSpan: 1, Text: label},
	}}
	for r := 1; r < 5; r++ {
		tb.Cells = append(tb.Cells,
			model.Cell{Row: r, Col: 1, RowSpan: 1, ColSpan: 1, Text: strings.Repeat("农产品产地冷藏保鲜设施", r)}, // wider than the measure: the label keeps its own width
			model.Cell{Row: r, Col: 2, RowSpan: 1, ColSpan: 1, Text: "1.55"})
	}
	b, st := layDocs(t, tableDoc(tb))
	p := b.Pages[4]
	cols := verticalRules(p)
	if len(cols) != 4 {
		t.Fatalf("want 4 column borders, got %v", cols)
	}
	centre := (cols[0] + cols[1]) / 2
	var got string
	var ys []float64
	for y, runs := range tableRuns(st, p) {
		x0, _ := runExtent(runs[0])
		if x0 > cols[1] {
			continue
		}
		ys = append(ys, y)
	}
	sort.Float64s(ys)
	ys = ys[1:] // the header row
	if len(ys) != 3 {
		t.Fatalf("the 21-character label should read 7/7/7 on three lines; lines at %v", ys)
	}
	rows := tableRuns(st, p)
	for _, y := range ys {
		var line []Run
		for _, r := range rows[y] {
			if x0, _ := runExtent(r); x0 < cols[1] {
				line = append(line, r)
			}
		}
		x0, _ := runExtent(line[0])
		_, x1 := runExtent(line[len(line)-1])
		text := ""
		for _, r := range line {
			text += r.Text
		}
		if rs := []rune(text); rightBlank[rs[len(rs)-1]] {
			x1 -= st.TableSize / 2 // a closing mark's blank half is not ink
		}
		if rs := []rune(text); leftBlank[rs[0]] {
			x0 += st.TableSize / 2 // nor is an opening mark's
		}
		got += text
		if d := (x0+x1)/2 - centre; math.Abs(d) > 0.5 {
			t.Errorf("label line %q is centred at %.2f, its cell at %.2f (off by %.2f pt)", text, (x0+x1)/2, centre, d)
		}
	}
	if got != label {
		t.Errorf("the label's lines read %q, want %q", got, label)
	}
	// Centred both ways: the label's lines sit in the middle of its four rows.
	top, bottom := math.Inf(1), math.Inf(-1)
	for _, r := range p.Rules {
		if r.X1 == cols[0] && r.X2 == cols[0] {
			top, bottom = math.Min(top, r.Y1), math.Max(bottom, r.Y2)
		}
	}
	// the column's left border runs from the header's top to the table's foot;
	// the header row is one line high.
	if len(ys) == 0 || ys[0] < top || ys[len(ys)-1] > bottom {
		t.Errorf("label lines %v lie outside the table %.1f–%.1f", ys, top, bottom)
	}
}

// TestTableHeaderRepeats: a table longer than the page breaks between rows
// and prints its header again at the top of the next page.
func TestTableHeaderRepeats(t *testing.T) {
	tb := &model.Table{Columns: 2, HeaderRows: 1}
	tb.Cells = append(tb.Cells, model.Cell{Row: 0, Col: 0, RowSpan: 1, ColSpan: 1, Text: "指标名称"},
		model.Cell{Row: 0, Col: 1, RowSpan: 1, ColSpan: 1, Text: "目标值"})
	const rows = 60
	for r := 1; r <= rows; r++ {
		tb.Cells = append(tb.Cells, model.Cell{Row: r, Col: 0, RowSpan: 1, ColSpan: 1, Text: "农产品加工业总产值"},
			model.Cell{Row: r, Col: 1, RowSpan: 1, ColSpan: 1, Text: strings.Repeat("9", r%5+1)})
	}
	tb.Rows = rows + 1
	b, st := layDocs(t, tableDoc(tb))
	body := b.Pages[4:]
	if len(body) < 2 {
		t.Fatalf("a %d-row table should run over two pages, got %d", rows, len(body))
	}
	dataRows := 0
	for i, p := range body {
		runs := tableRuns(st, p)
		var ys []float64
		for y := range runs {
			ys = append(ys, y)
		}
		sort.Float64s(ys)
		if len(ys) == 0 {
			t.Fatalf("body page %d has no table text", i+1)
		}
		if first := runs[ys[0]][0].Text; first != "指标名称" {
			t.Errorf("body page %d: the table's first row is %q, want the header 指标名称", i+1, first)
		}
		for _, y := range ys[1:] {
			if runs[y][0].Text == "农产品加工业总产值" {
				dataRows++
			}
		}
		for _, y := range ys {
			if y > st.Top+st.TextHeight() {
				t.Errorf("body page %d: a table row at y %.1f is below the type area (%.1f)", i+1, y, st.Top+st.TextHeight())
			}
		}
	}
	if dataRows != rows {
		t.Errorf("%d data rows printed, want %d (none lost or doubled at the page break)", dataRows, rows)
	}
}

// TestTableDecimalsAlign: in a column of numbers the decimal points line up
// (an integer's point would stand after its units digit), the block of
// numbers centred in the column; a column with words stays centred.
func TestTableDecimalsAlign(t *testing.T) {
	nums := []string{"1.3", "10.46", "28", "0.2"}
	tb := &model.Table{Columns: 2, HeaderRows: 1, Rows: len(nums) + 1, Cells: []model.Cell{
		{Row: 0, Col: 0, RowSpan: 1, ColSpan: 1, Text: "指标"}, {Row: 0, Col: 1, RowSpan: 1, ColSpan: 1, Text: "2023年"}}}
	for i, n := range nums {
		tb.Cells = append(tb.Cells, model.Cell{Row: i + 1, Col: 0, RowSpan: 1, ColSpan: 1, Text: "稻米"},
			model.Cell{Row: i + 1, Col: 1, RowSpan: 1, ColSpan: 1, Text: n})
	}
	b, st := layDocs(t, tableDoc(tb))
	p := b.Pages[4]
	half := 0.5 * st.TableSize // gridMetrics: every digit and the point half an em
	var points []float64
	for _, r := range p.Runs {
		if r.Size != st.TableSize || !numberRE().MatchString(r.Text) {
			continue
		}
		k := strings.IndexByte(r.Text, '.')
		if k < 0 {
			k = len(r.Text)
		}
		points = append(points, r.X+float64(k)*(half+r.Spacing))
	}
	if len(points) != len(nums) {
		t.Fatalf("found %d numbers, want %d", len(points), len(nums))
	}
	for i, x := range points {
		if math.Abs(x-points[0]) > 0.01 {
			t.Errorf("%s: its decimal point stands at %.2f, %s's at %.2f", nums[i], x, nums[0], points[0])
		}
	}
	cols := verticalRules(p)
	// the block "10.46" wide at most (2 digits, point, 2 digits) is centred
	centre := (cols[1] + cols[2]) / 2
	if d := points[0] - (centre - 5*half/2 + 2*half); math.Abs(d) > 0.01 {
		t.Errorf("the decimal point is %.2f pt off the centred block's", d)
	}
}
