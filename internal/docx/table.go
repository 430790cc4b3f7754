package docx

import (
	"encoding/xml"
	"slices"
	"strings"
)

// vMerge states of a table cell (w:vMerge, §17.4.85).
const (
	vmNone = iota
	vmRestart
	vmContinue
)

// rawCell is a w:tc as written: where it starts on the grid, its width in
// grid columns, and whether it continues the cell above.
type rawCell struct {
	col, span, vmerge int
	text              string
}

// maxTableGrid bounds the cells of one table's grid.
const maxTableGrid = 100000

// table reads a w:tbl into a Table on its grid: w:gridSpan widens a cell,
// w:vMerge="continue" joins it to the cell above; rows deleted as tracked
// changes are dropped. A table inside a table cell adds its text to the
// cell.
func (rd *reader) table(w *walker) error {
	var rows [][]rawCell
	var header []bool
	err := w.children(func(se xml.StartElement) error {
		if !isW(se, "tr") {
			return w.skip()
		}
		row, isHeader, deleted, err := rd.row(w)
		if err == nil && !deleted {
			rows = append(rows, row)
			header = append(header, isHeader)
		}
		return err
	}, nil)
	if err != nil {
		return err
	}
	if rd.cell != nil {
		for _, row := range rows {
			var texts []string
			for _, c := range row {
				if c.vmerge != vmContinue && c.text != "" {
					texts = append(texts, c.text)
				}
			}
			*rd.cell = append(*rd.cell, strings.Join(texts, " "))
		}
		return nil
	}
	t := grid(rows)
	if t.Columns == 0 || t.Rows == 0 {
		return nil
	}
	for t.HeaderRows < len(header) && header[t.HeaderRows] {
		t.HeaderRows++
	}
	t.Number = rd.paras
	rd.doc.Blocks = append(rd.doc.Blocks, Block{Table: t})
	return nil
}

// row reads a w:tr.
func (rd *reader) row(w *walker) (cells []rawCell, header, deleted bool, err error) {
	col := 0
	var cell func(se xml.StartElement) error
	cell = func(se xml.StartElement) error {
		switch {
		case isW(se, "trPr"):
			return w.children(func(c xml.StartElement) error {
				switch {
				case isW(c, "tblHeader"):
					header = on(c)
				case isW(c, "del"):
					deleted = true
				case isW(c, "gridBefore"):
					col += max(intVal(c, 0), 0)
				}
				return w.skip()
			}, nil)
		case isW(se, "sdt"), isW(se, "sdtContent"), isW(se, "customXml"):
			return w.children(func(c xml.StartElement) error {
				if isW(c, "sdtPr") || isW(c, "sdtEndPr") || isW(c, "customXmlPr") {
					return w.skip()
				}
				return cell(c)
			}, nil)
		case isW(se, "tc"):
			c, err := rd.tableCell(w)
			c.col = col
			col += c.span
			cells = append(cells, c)
			return err
		}
		return w.skip()
	}
	err = w.children(cell, nil)
	return cells, header, deleted, err
}

// tableCell reads a w:tc: its properties, then its paragraphs as text.
func (rd *reader) tableCell(w *walker) (rawCell, error) {
	c := rawCell{span: 1}
	outer := rd.cell
	var lines []string
	rd.cell = &lines
	defer func() { rd.cell = outer }()
	err := w.children(func(se xml.StartElement) error {
		if !isW(se, "tcPr") {
			return rd.blockLevel(w, se)
		}
		return w.children(func(p xml.StartElement) error {
			switch {
			case isW(p, "gridSpan"):
				c.span = min(max(intVal(p, 1), 1), 1000)
			case isW(p, "vMerge"):
				c.vmerge = vmContinue
				if val(p) == "restart" {
					c.vmerge = vmRestart
				}
			}
			return w.skip()
		}, nil)
	}, nil)
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	c.text = strings.Join(lines, "\n")
	return c, err
}

// grid places the cells: each covers span columns of its row, a continuing
// cell extends the cell above it, and grid cells no w:tc covers are empty
// cells of their own.
func grid(rows [][]rawCell) *Table {
	cols := 0
	for _, row := range rows {
		if n := len(row); n > 0 {
			cols = max(cols, row[n-1].col+row[n-1].span)
		}
	}
	if len(rows) > 0 && cols*len(rows) > maxTableGrid {
		cols = maxTableGrid / len(rows)
	}
	t := &Table{Rows: len(rows), Columns: cols}
	owner := make([][]int, len(rows))
	for r, row := range rows {
		owner[r] = make([]int, cols)
		for c := range owner[r] {
			owner[r][c] = -1
		}
		for _, rc := range row {
			if rc.col >= cols {
				continue
			}
			span := min(rc.span, cols-rc.col)
			k := -1
			if rc.vmerge == vmContinue && r > 0 {
				if up := owner[r-1][rc.col]; up >= 0 && t.Cells[up].Col == rc.col && t.Cells[up].ColSpan == span {
					k = up
					t.Cells[k].RowSpan = r - t.Cells[k].Row + 1
				}
			}
			if k < 0 {
				k = len(t.Cells)
				t.Cells = append(t.Cells, Cell{Row: r, Col: rc.col, RowSpan: 1, ColSpan: span, Text: rc.text})
			}
			for c := rc.col; c < rc.col+span; c++ {
				owner[r][c] = k
			}
		}
		for c := range owner[r] {
			if owner[r][c] < 0 {
				owner[r][c] = len(t.Cells)
				t.Cells = append(t.Cells, Cell{Row: r, Col: c, RowSpan: 1, ColSpan: 1})
			}
		}
	}
	sortCells(t.Cells)
	return t
}

// sortCells puts the cells in row-major order of their top-left corners.
func sortCells(cells []Cell) {
	slices.SortStableFunc(cells, func(a, b Cell) int {
		if a.Row != b.Row {
			return a.Row - b.Row
		}
		return a.Col - b.Col
	})
}
