package source

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"gazette/internal/diag"
	"gazette/internal/model"
)

// tableHint explains the table format in every table problem.
const tableHint = "表格文件每行的格数须相同；与上方合并的格子写“^”，与左侧合并的格子写“<”"

// ReadTable reads a table from a CSV file as Excel saves it: UTF-8 (with or
// without BOM) or GBK, comma- or tab-separated, quoted as CSV quotes. The
// first headerRows rows are the header, repeated after a page break.
//
// A cell holding only "^" is merged into the cell above it and a cell holding
// only "<" into the cell to its left (full-width ＾ and ＜ work too). A merged
// area must be a rectangle and may not cross from the header into the body.
// Rows must all have the same number of cells; trailing rows with no text
// (Excel writes them) are dropped. Cell text is trimmed of white space.
// Problems carry the line of the CSV file.
func ReadTable(path string, headerRows int) (*model.Table, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	text, err := Decode(path, data)
	if err != nil {
		return nil, err
	}
	rows, lines, err := readCSV(path, text)
	if err != nil {
		return nil, err
	}
	return buildTable(path, rows, lines, headerRows)
}

// readCSV splits the text into trimmed cells, with each row's line number.
func readCSV(path, text string) ([][]string, []int, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delimiter(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows [][]string
	var lines []int
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return nil, nil, &diag.Problem{File: path, Line: line, Msg: "表格文件格式有误", Hint: tableHint, Err: err}
		}
		line, _ := r.FieldPos(0)
		for i := range rec {
			rec[i] = strings.TrimFunc(rec[i], isBlank)
		}
		rows = append(rows, rec)
		lines = append(lines, line)
	}
	for len(rows) > 0 && strings.Join(rows[len(rows)-1], "") == "" {
		rows, lines = rows[:len(rows)-1], lines[:len(lines)-1]
	}
	if len(rows) == 0 {
		return nil, nil, diag.New(path, 0, "表格文件是空的", "")
	}
	return rows, lines, nil
}

// delimiter is a tab when the first line holds more tabs than commas
// (Excel's "Unicode text"), else a comma.
func delimiter(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	if strings.Count(first, "\t") > strings.Count(first, ",") {
		return '\t'
	}
	return ','
}

// grid builds a table's merged cells.
type grid struct {
	path   string
	rows   [][]string
	lines  []int
	header int
	owner  [][]int // index into cells of the cell covering each grid cell
	cells  []model.Cell
	probs  diag.List
}

// buildTable checks the shape and computes the spans.
func buildTable(path string, rows [][]string, lines []int, headerRows int) (*model.Table, error) {
	g := &grid{path: path, rows: rows, lines: lines, header: headerRows}
	cols := len(rows[0])
	for r, row := range rows {
		if len(row) != cols {
			g.problem(r, fmt.Sprintf("这一行有%d格，第一行有%d格", len(row), cols))
		}
	}
	if headerRows < 0 || headerRows > len(rows) {
		g.probs = append(g.probs, diag.New(path, 0, fmt.Sprintf("表头行数%d超出了表格的行数%d", headerRows, len(rows)), "请检查【表格：…】中的“表头=”"))
	}
	if len(g.probs) > 0 {
		return nil, g.probs
	}
	g.merge(cols)
	g.checkSpans()
	if len(g.probs) > 0 {
		return nil, g.probs
	}
	return &model.Table{Source: path, Columns: cols, HeaderRows: headerRows, Cells: g.cells, Rows: len(rows)}, nil
}

func (g *grid) problem(r int, msg string) {
	g.probs = append(g.probs, diag.New(g.path, g.lines[r], msg, tableHint))
}

// merge gives every grid cell its owner: a new cell, or the one above (^) or
// to the left (<).
func (g *grid) merge(cols int) {
	g.owner = make([][]int, len(g.rows))
	for r, row := range g.rows {
		g.owner[r] = make([]int, cols)
		for c, text := range row {
			switch {
			case (text == "^" || text == "＾") && r > 0:
				g.owner[r][c] = g.owner[r-1][c]
			case (text == "<" || text == "＜") && c > 0:
				g.owner[r][c] = g.owner[r][c-1]
			default:
				if text == "^" || text == "＾" {
					g.problem(r, "第一行的格子不能写“^”（上方没有可以合并的格子）")
				} else if text == "<" || text == "＜" {
					g.problem(r, "第一列的格子不能写“<”（左侧没有可以合并的格子）")
				}
				g.owner[r][c] = len(g.cells)
				g.cells = append(g.cells, model.Cell{Row: r, Col: c, RowSpan: 1, ColSpan: 1, Text: text, Line: g.lines[r]})
			}
		}
	}
}

// checkSpans sets each cell's spans from the area it covers, which must be a
// rectangle inside the header or inside the body.
func (g *grid) checkSpans() {
	maxR := make([]int, len(g.cells))
	maxC := make([]int, len(g.cells))
	count := make([]int, len(g.cells))
	for r, row := range g.owner {
		for c, k := range row {
			maxR[k], maxC[k] = max(maxR[k], r), max(maxC[k], c)
			count[k]++
		}
	}
	for k := range g.cells {
		cell := &g.cells[k]
		cell.RowSpan, cell.ColSpan = maxR[k]-cell.Row+1, maxC[k]-cell.Col+1
		if count[k] != cell.RowSpan*cell.ColSpan {
			g.problem(cell.Row, fmt.Sprintf("从“%s”开始合并的格子不是矩形", cell.Text))
		} else if cell.Row < g.header && maxR[k] >= g.header {
			g.problem(cell.Row, fmt.Sprintf("“%s”从表头合并到了表身", cell.Text))
		}
	}
}
