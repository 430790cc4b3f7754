package source

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"gazette/internal/diag"
	"gazette/internal/model"
)

func cellAt(tb *model.Table, row, col int) *model.Cell {
	for i := range tb.Cells {
		if tb.Cells[i].Row == row && tb.Cells[i].Col == col {
			return &tb.Cells[i]
		}
	}
	return nil
}

func TestReadSampleTable(t *testing.T) {
	tb, err := ReadTable(filepath.Join(sampleDir, "附件2-指标分解表.csv"), 1)
	if err != nil {
		t.Fatalf("ReadTable: %v", err)
	}
	if tb.Rows != 16 || tb.Columns != 5 || tb.HeaderRows != 1 {
		t.Fatalf("table %d×%d header %d, want 16×5 header 1", tb.Rows, tb.Columns, tb.HeaderRows)
	}
	// 5 header cells, 15 rows of 4 cells, 2 category cells.
	if len(tb.Cells) != 5+15*4+2 {
		t.Errorf("%d cells, want 67", len(tb.Cells))
	}
	for i, h := range []string{"昌江区", "年度指标", "2023年", "2024年", "2025年"} {
		if c := cellAt(tb, 0, i); c == nil || c.Text != h || c.RowSpan != 1 || c.ColSpan != 1 {
			t.Errorf("header cell %d = %+v, want %q", i, c, h)
		}
	}
	spans := []struct {
		row, span, line int
		text            string
	}{
		{1, 8, 2, "农业七大产业综合产值目标任务（单位：亿元）"},
		{9, 7, 10, "重点任务指标"},
	}
	for _, s := range spans {
		c := cellAt(tb, s.row, 0)
		if c == nil || c.Text != s.text || c.RowSpan != s.span || c.ColSpan != 1 || c.Line != s.line {
			t.Errorf("category cell at row %d = %+v, want %q spanning %d rows from line %d", s.row, c, s.text, s.span, s.line)
		}
	}
	for r := 2; r <= 15; r++ {
		if r != 9 && cellAt(tb, r, 0) != nil {
			t.Errorf("row %d column 0 is a cell of its own, want it merged", r)
		}
	}
	if c := cellAt(tb, 15, 4); c == nil || c.Text != "44.5" || c.Line != 16 {
		t.Errorf("last cell = %+v", c)
	}
}

func TestReadTable(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("类别,项目,数值\r\n产值,稻米,1.5\r\n^,油料,2\r\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		csv    string
		header int
		rows   int
		cols   int
		cells  []model.Cell // checked by position: spans and text
	}{
		{
			name: "GBK with CRLF, as Excel saves it", csv: gbk, header: 1, rows: 3, cols: 3,
			cells: []model.Cell{{Row: 1, Col: 0, RowSpan: 2, ColSpan: 1, Text: "产值", Line: 2}},
		},
		{
			name: "UTF-8 BOM, horizontal merge, quoted comma", csv: "\ufeff标题,<,<\n\"1,000\",b,c\n", rows: 2, cols: 3,
			cells: []model.Cell{{Row: 0, Col: 0, RowSpan: 1, ColSpan: 3, Text: "标题", Line: 1}, {Row: 1, Col: 0, RowSpan: 1, ColSpan: 1, Text: "1,000", Line: 2}},
		},
		{
			name: "a 2×2 block, full-width marks", csv: "合并,＜,x\n＾,^,y\nz,w,v\n", rows: 3, cols: 3,
			cells: []model.Cell{{Row: 0, Col: 0, RowSpan: 2, ColSpan: 2, Text: "合并", Line: 1}, {Row: 1, Col: 2, RowSpan: 1, ColSpan: 1, Text: "y", Line: 2}},
		},
		{
			name: "tab-separated, trailing empty rows dropped", csv: "甲\t乙\n丙\t ^ \n\t\n\t\n", rows: 2, cols: 2,
			cells: []model.Cell{{Row: 0, Col: 1, RowSpan: 2, ColSpan: 1, Text: "乙", Line: 1}},
		},
		{
			name: "ASCII quotes inside a cell", csv: `对入选"赣鄱正品"的,b` + "\n", rows: 1, cols: 2,
			cells: []model.Cell{{Row: 0, Col: 0, RowSpan: 1, ColSpan: 1, Text: `对入选"赣鄱正品"的`, Line: 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(filepath.Dir(docIn(t, map[string]string{"t.csv": tt.csv})), "t.csv")
			tb, err := ReadTable(path, tt.header)
			if err != nil {
				t.Fatalf("ReadTable: %v", err)
			}
			if tb.Rows != tt.rows || tb.Columns != tt.cols || tb.HeaderRows != tt.header {
				t.Errorf("table %d×%d header %d, want %d×%d header %d", tb.Rows, tb.Columns, tb.HeaderRows, tt.rows, tt.cols, tt.header)
			}
			for _, want := range tt.cells {
				if got := cellAt(tb, want.Row, want.Col); got == nil || *got != want {
					t.Errorf("cell (%d,%d) = %+v, want %+v", want.Row, want.Col, got, want)
				}
			}
		})
	}
}

func TestReadTableProblems(t *testing.T) {
	tests := []struct {
		name   string
		csv    string
		header int
		lines  []int
		msg    string
	}{
		{"ragged rows", "a,b,c\nd,e\nf,g,h\ni,j,k,l\n", 0, []int{2, 4}, "这一行有2格，第一行有3格"},
		{"not a rectangle", "a,<,b\n^,c,d\n", 0, []int{1}, "从“a”开始合并的格子不是矩形"},
		{"^ in the first row", "^,a\nb,c\n", 0, []int{1}, "第一行的格子不能写“^”"},
		{"< in the first column", "a,b\n<,c\n", 0, []int{2}, "第一列的格子不能写“<”"},
		{"header merged into the body", "类别,项目\n^,稻米\n", 1, []int{1}, "从表头合并到了表身"},
		{"empty", "\n,,\n", 0, []int{0}, "表格文件是空的"},
		{"not a text file", "PK\x03\x04", 0, []int{0}, "不是纯文本文件"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(filepath.Dir(docIn(t, map[string]string{"t.csv": tt.csv})), "t.csv")
			_, err := ReadTable(path, tt.header)
			ps := diag.Problems(err)
			if len(ps) != len(tt.lines) {
				t.Fatalf("problems = %v, want %d", err, len(tt.lines))
			}
			for i, p := range ps {
				if p.File != path || p.Line != tt.lines[i] {
					t.Errorf("problem %d at %s:%d, want line %d", i, p.File, p.Line, tt.lines[i])
				}
			}
			if !strings.Contains(ps[0].Msg, tt.msg) {
				t.Errorf("message %q does not say %q", ps[0].Msg, tt.msg)
			}
		})
	}
}
