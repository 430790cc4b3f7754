package source

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"gazette/internal/diag"
	"gazette/internal/model"
)

// Limits on an Excel workbook: a zip bomb is refused before it is unpacked
// (excelize checks the sizes the archive declares, and Go's zip reader
// holds each entry to its declared size).
const (
	maxXlsxUnzipped = 128 << 20 // all parts of the workbook, uncompressed
	maxXlsxXML      = 32 << 20  // one worksheet or the shared strings in memory
	maxSheetCells   = 20000     // cells of the table read from one sheet
)

// xlsxHint explains how to fix an Excel table.
const xlsxHint = "请在 Excel 中检查这张表；也可以另存为“CSV UTF-8（逗号分隔）”后改用 CSV 文件"

// ReadSheet reads a table from an Excel workbook (.xlsx): the sheet named
// sheet, or the first visible sheet when sheet is "". Values are read as
// Excel displays them (its number formats: 0.00, 0.0%, #,##0; dates as
// 2024年2月5日), formulas by the value Excel saved with them (a formula
// saved without one is reported as a note, never printed as a silent
// blank), merged cells as merged cells, and hidden rows and columns are
// left out. Problems carry the row as Excel numbers it
// (docs/word-excel.md#what-is-read-from-an-excel-workbook-xlsx).
func ReadSheet(path, sheet string, headerRows int) (*model.Table, []*diag.Problem, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, nil, err
	}
	return readSheetData(path, data, sheet, headerRows)
}

// readSheetAs reads the workbook at file (a conversion of path) as path.
func readSheetAs(path, file, sheet string, headerRows int) (*model.Table, []*diag.Problem, error) {
	data, err := readFile(file)
	if err != nil {
		return nil, nil, err
	}
	return readSheetData(path, data, sheet, headerRows)
}

func readSheetData(path string, data []byte, sheet string, headerRows int) (*model.Table, []*diag.Problem, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: maxXlsxUnzipped, UnzipXMLSizeLimit: maxXlsxXML})
	if err != nil {
		return nil, nil, &diag.Problem{File: path, Msg: "无法作为 Excel 工作簿（.xlsx）读取，文件可能已损坏、加了密码或过大",
			Hint: "请在 Excel 或 WPS 中打开它，选择“另存为”→“Excel 工作簿（*.xlsx）”后再试", Err: err}
	}
	defer f.Close()
	name, err := pickSheet(f, path, sheet)
	if err != nil {
		return nil, nil, err
	}
	s := &sheetReader{f: f, path: path, sheet: name}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.date1904 = *props.Date1904
	}
	t, err := s.read(headerRows)
	return t, s.notes, err
}

// pickSheet is the sheet asked for, or the first visible one.
func pickSheet(f *excelize.File, path, sheet string) (string, error) {
	list := f.GetSheetList()
	if sheet != "" {
		for _, n := range list {
			if n == sheet {
				return n, nil
			}
		}
		return "", diag.New(path, 0, fmt.Sprintf("工作簿里没有名为“%s”的工作表", sheet),
			"工作簿里的工作表有："+strings.Join(list, "、")+"；请检查【表格：…】中的“工作表=”")
	}
	for _, n := range list {
		if visible, err := f.GetSheetVisible(n); err == nil && visible {
			return n, nil
		}
	}
	return "", diag.New(path, 0, "工作簿里没有可见的工作表", "请在 Excel 中取消隐藏要印的工作表")
}

// sheetReader reads one sheet.
type sheetReader struct {
	f        *excelize.File
	path     string
	sheet    string
	date1904 bool
	notes    []*diag.Problem
}

// span is a merged area on the sheet, 1-based inclusive.
type span struct{ r1, c1, r2, c2 int }

func (s *sheetReader) read(headerRows int) (*model.Table, error) {
	values, err := s.f.GetRows(s.sheet)
	if err != nil {
		return nil, &diag.Problem{File: s.path, Msg: fmt.Sprintf("无法读取工作表“%s”", s.sheet), Hint: xlsxHint, Err: err}
	}
	merges, err := s.merges()
	if err != nil {
		return nil, err
	}
	rows, cols := len(values), 0
	for _, r := range values {
		cols = max(cols, len(r))
	}
	for _, m := range merges {
		if m.r1 <= rows && m.c1 <= cols { // a merge of empty cells past the data does not widen the table
			rows, cols = max(rows, m.r2), max(cols, m.c2)
		}
	}
	if rows*cols > maxSheetCells {
		return nil, diag.New(s.path, 0, fmt.Sprintf("工作表“%s”有 %d 行 %d 列，太大了，不像是一张要印的表格", s.sheet, rows, cols),
			"请把要印的表格单独放在一个工作表里，用“工作表=名称”指定")
	}
	vr, vc := s.visibleRows(rows), s.visibleCols(cols)
	vr = trimEmptyRows(values, vr, merges)
	if len(vr) == 0 || len(vc) == 0 {
		return nil, diag.New(s.path, 0, fmt.Sprintf("工作表“%s”是空的（或全部隐藏了）", s.sheet), xlsxHint)
	}
	g := &sheetGrid{s: s, values: values, vr: vr, vc: vc}
	return g.table(merges, headerRows)
}

// merges reads the sheet's merged areas.
func (s *sheetReader) merges() ([]span, error) {
	mcs, err := s.f.GetMergeCells(s.sheet, true)
	if err != nil {
		return nil, &diag.Problem{File: s.path, Msg: "无法读取合并单元格", Hint: xlsxHint, Err: err}
	}
	var out []span
	for _, mc := range mcs {
		c1, r1, err1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
		if err1 == nil && err2 == nil {
			out = append(out, span{min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)})
		}
	}
	return out, nil
}

// visibleRows lists the 1-based rows not hidden.
func (s *sheetReader) visibleRows(n int) []int {
	var out []int
	for r := 1; r <= n; r++ {
		if v, err := s.f.GetRowVisible(s.sheet, r); err != nil || v {
			out = append(out, r)
		}
	}
	return out
}

// visibleCols lists the 1-based columns not hidden.
func (s *sheetReader) visibleCols(n int) []int {
	var out []int
	for c := 1; c <= n; c++ {
		name, err := excelize.ColumnNumberToName(c)
		if err != nil {
			continue
		}
		if v, err := s.f.GetColVisible(s.sheet, name); err != nil || v {
			out = append(out, c)
		}
	}
	return out
}

// trimEmptyRows drops the trailing rows with no text and no merge.
func trimEmptyRows(values [][]string, vr []int, merges []span) []int {
	for len(vr) > 0 {
		r := vr[len(vr)-1]
		if r <= len(values) && strings.TrimSpace(strings.Join(values[r-1], "")) != "" {
			break
		}
		inMerge := false
		for _, m := range merges {
			inMerge = inMerge || (r >= m.r1 && r <= m.r2)
		}
		if inMerge {
			break
		}
		vr = vr[:len(vr)-1]
	}
	return vr
}

// sheetGrid maps the visible rows and columns to the table's grid.
type sheetGrid struct {
	s      *sheetReader
	values [][]string
	vr, vc []int // sheet row and column of each grid row and column
}

// table builds the table: a merged area becomes one cell over the visible
// rows and columns it covers, with the text of its top-left cell.
func (g *sheetGrid) table(merges []span, headerRows int) (*model.Table, error) {
	rowAt, colAt := index(g.vr), index(g.vc)
	covered := make([][]bool, len(g.vr))
	for i := range covered {
		covered[i] = make([]bool, len(g.vc))
	}
	t := &model.Table{Source: g.s.path, Rows: len(g.vr), Columns: len(g.vc), HeaderRows: headerRows}
	if headerRows < 0 || headerRows > t.Rows {
		return nil, diag.New(g.s.path, 0, fmt.Sprintf("表头行数%d超出了表格的行数%d", headerRows, t.Rows), "请检查【表格：…】中的“表头=”")
	}
	var probs diag.List
	for _, m := range merges {
		r0, c0 := firstVisible(rowAt, m.r1, m.r2), firstVisible(colAt, m.c1, m.c2)
		if r0 < 0 || c0 < 0 {
			continue // wholly hidden, or past the table
		}
		r1, c1 := lastVisible(rowAt, m.r1, m.r2), lastVisible(colAt, m.c1, m.c2)
		if r0 < headerRows && r1 >= headerRows {
			probs = append(probs, diag.New(g.s.path, g.vr[r0], fmt.Sprintf("合并单元格 %s 从表头合并到了表身", areaName(m)),
				"请检查【表格：…】中的“表头=”，或在 Excel 中取消这个合并"))
		}
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				covered[r][c] = true
			}
		}
		t.Cells = append(t.Cells, model.Cell{Row: r0, Col: c0, RowSpan: r1 - r0 + 1, ColSpan: c1 - c0 + 1,
			Text: g.text(m.r1, m.c1), Line: m.r1})
	}
	if len(probs) > 0 {
		return nil, probs
	}
	for r := range g.vr {
		for c := range g.vc {
			if !covered[r][c] {
				t.Cells = append(t.Cells, model.Cell{Row: r, Col: c, RowSpan: 1, ColSpan: 1,
					Text: g.text(g.vr[r], g.vc[c]), Line: g.vr[r]})
			}
		}
	}
	sortTableCells(t.Cells)
	return t, nil
}

func index(list []int) map[int]int {
	m := make(map[int]int, len(list))
	for i, v := range list {
		m[v] = i
	}
	return m
}

// firstVisible is the grid index of the first visible sheet row (or
// column) in [a, b], or -1.
func firstVisible(at map[int]int, a, b int) int {
	for k := a; k <= b; k++ {
		if i, ok := at[k]; ok {
			return i
		}
	}
	return -1
}

// lastVisible is the grid index of the last visible one in [a, b], or -1.
func lastVisible(at map[int]int, a, b int) int {
	for k := b; k >= a; k-- {
		if i, ok := at[k]; ok {
			return i
		}
	}
	return -1
}

func areaName(m span) string {
	a, _ := excelize.CoordinatesToCellName(m.c1, m.r1)
	b, _ := excelize.CoordinatesToCellName(m.c2, m.r2)
	return a + ":" + b
}

func sortTableCells(cells []model.Cell) {
	slices.SortStableFunc(cells, func(a, b model.Cell) int {
		if a.Row != b.Row {
			return a.Row - b.Row
		}
		return a.Col - b.Col
	})
}

// text is a cell's text as Excel displays it, each of its lines (Alt+Enter)
// normalised.
func (g *sheetGrid) text(r, c int) string {
	v := ""
	if r <= len(g.values) && c <= len(g.values[r-1]) {
		v = g.values[r-1][c-1]
	}
	v = g.s.display(r, c, v)
	var parts []string
	for _, l := range strings.Split(strings.ReplaceAll(v, "\r\n", "\n"), "\n") {
		if l = NormalizeLine(l); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, "\n")
}

// display corrects what excelize formatted where Excel shows it otherwise:
// a date in a date format is written as a Chinese date (2024年2月5日), as
// Excel shows it in a Chinese locale; a formula saved without its value
// is noted.
func (s *sheetReader) display(r, c int, formatted string) string {
	cell, err := excelize.CoordinatesToCellName(c, r)
	if err != nil {
		return formatted
	}
	raw, err := s.f.GetCellValue(s.sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		return formatted
	}
	if raw == "" {
		if formula, err := s.f.GetCellFormula(s.sheet, cell); err == nil && formula != "" {
			s.notes = append(s.notes, diag.New(s.path, r, fmt.Sprintf("格子 %s 的公式“=%s”没有保存计算结果，印出来是空白", cell, formula),
				"请在 Excel 中打开这个文件，按 F9 重新计算后保存（WPS 同样）；或把公式换成数值"))
		}
		return formatted
	}
	kind := s.dateKind(cell)
	if kind == notDate {
		return formatted
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return formatted
	}
	tm, err := excelize.ExcelDateToTime(serial, s.date1904)
	if err != nil {
		return formatted
	}
	if kind == yearMonth {
		return fmt.Sprintf("%d年%d月", tm.Year(), int(tm.Month()))
	}
	return fmt.Sprintf("%d年%d月%d日", tm.Year(), int(tm.Month()), tm.Day())
}

// dateKind classes a cell's number format.
type dateKind int

const (
	notDate dateKind = iota
	fullDate
	yearMonth
)

// dateKind reads the cell's number format: the built-in date formats
// (ECMA-376 Part 1 §18.8.30: 14–17, 22, and the East Asian 27–36, 50–58) and
// custom formats with year, month or day codes outside quotes and brackets
// (time-only formats are left to excelize).
func (s *sheetReader) dateKind(cell string) dateKind {
	id, err := s.f.GetCellStyle(s.sheet, cell)
	if err != nil {
		return notDate
	}
	st, err := s.f.GetStyle(id)
	if err != nil || st == nil {
		return notDate
	}
	if st.CustomNumFmt != nil {
		return dateCodes(*st.CustomNumFmt)
	}
	switch n := st.NumFmt; {
	case n == 17:
		return yearMonth
	case n >= 14 && n <= 16, n == 22, n >= 27 && n <= 36, n >= 50 && n <= 58:
		return fullDate
	}
	return notDate
}

// dateCodes finds the date codes of a custom number format.
func dateCodes(format string) dateKind {
	var y, d, m bool
	inQuote, inBracket := false, false
	for _, r := range format {
		switch {
		case r == '"':
			inQuote = !inQuote
		case inQuote:
		case r == '[':
			inBracket = true
		case r == ']':
			inBracket = false
		case inBracket:
		case r == 'y' || r == 'Y' || r == 'e':
			y = true
		case r == 'd' || r == 'D':
			d = true
		case r == 'm' || r == 'M':
			m = true
		}
	}
	switch {
	case y && d || m && d:
		return fullDate
	case y && m:
		return yearMonth
	}
	return notDate
}
