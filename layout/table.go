package layout

import (
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // image sizes for ImageBlock
	_ "image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"

	"gazette/fonts"
	"gazette/internal/diag"
	"gazette/internal/lazyre"
	"gazette/internal/model"
)

// tableCell is a cell with its composed lines.
type tableCell struct {
	cell  model.Cell
	lines []Line
	role  fonts.Role
	// aligned is set for a number in a column of numbers: its line starts
	// at x from the cell's centre, so the column's decimal points line up.
	aligned bool
	x       float64
	elem    *Elem // its TH or TD (tags.go)
	// slots, when set, is the number of lines of a piece of a row split
	// over pages (splitRow): the cell's lines are set from the top of that
	// block, not centred, so a cell's text reads on from piece to piece
	slots int
}

// table lays out a model.Table: column widths from content, a full grid,
// merged cells drawn as one cell with their text centred both ways, the
// header repeated on every page the table continues on. Table text is
// smaller than the body and has its own line pitch (the body's 28.95 bp
// pitch makes rows far too tall: docs/gbt9704.md#clause-8-tables).
func (c *composer) table(b *model.Block) {
	t := b.Table
	if t == nil || t.Columns == 0 || t.Rows == 0 || c.preBreak {
		return
	}
	ts := c.tables.setting(c, b)
	c.warns = append(c.warns, ts.warns...)
	*c.probs = append(*c.probs, ts.probs...)
	if c.missing != nil {
		*c.missing = append(*c.missing, ts.missing...)
	}
	if !ts.ok {
		return
	}
	cells := slices.Clone(ts.cells) // each setting tagged under its own section
	c.tagCells(t, cells)
	g := &tableGrid{t: t, cells: cells, xs: ts.xs, heights: ts.heights, lead: ts.lead, pad: ts.pad}
	header, body := c.tableRowItems(g, ts.pageHeight)
	if ts.turned {
		c.turnedTable(header, body)
		return
	}
	c.keepLast()
	c.items = append(c.items, header...)
	// the copies in it.header are drawn when repeated: artifacts, not content
	repeat := make([]item, len(header))
	for h := range header {
		repeat[h] = header[h]
		repeat[h].repeated = true
	}
	for _, it := range body {
		it.header = repeat
		c.items = append(c.items, it)
	}
}

// tableSetting is what setting a table makes that does not depend on where
// the table stands: its type size, column borders, the cells broken into
// lines, the row heights, and what fitting it told the office. A table is
// never set tight, so the settings composeDocument tries share it
// (tableCache) and only tag and place the cells anew.
type tableSetting struct {
	ok          bool // false: refused, its problems say why
	turned      bool
	cells       []tableCell // untagged
	xs, heights []float64
	lead, pad   float64
	pageHeight  float64 // the room a page has for its rows
	warns       []string
	probs       []*diag.Problem
	missing     []missingChar
}

// tableCache keeps the tables of one document set (tableSetting), by block.
// A nil cache sets the table every time.
type tableCache map[*model.Block]*tableSetting

// setting is the setting of table block b, made by c the first time.
func (tc tableCache) setting(c *composer, b *model.Block) *tableSetting {
	if ts, ok := tc[b]; ok {
		return ts
	}
	ts := c.setTable(b)
	if tc != nil {
		tc[b] = ts
	}
	return ts
}

// setTable fits and breaks the table of b, with what it finds wrong
// recorded in the setting rather than in c's lists.
func (c *composer) setTable(b *model.Block) *tableSetting {
	ts := &tableSetting{}
	var probs diag.List
	rec := &composer{st: c.st, lb: c.lb, doc: c.doc, probs: &probs, missing: &ts.missing, block: c.block, memo: c.memo}
	defer func() { ts.warns, ts.probs = rec.warns, probs }()
	t := b.Table
	st := c.st
	size, widths, turned, ok := rec.fitTable(t, b)
	if !ok {
		return ts
	}
	pad := st.TablePadMM * MM // above and below the text
	padX := size / 2          // left and right of it: half a character
	lead := size * st.TableLead
	xs := make([]float64, t.Columns+1)
	for i, w := range widths {
		xs[i+1] = xs[i] + w
	}
	cells := make([]tableCell, len(t.Cells))
	heights := make([]float64, t.Rows)
	for i, cell := range t.Cells {
		role := cellRole(t, cell)
		w := xs[cell.Col+cell.ColSpan] - xs[cell.Col] - 2*padX
		// every line centred, none spread: a cell's wrapped line is often
		// much shorter than the cell ("招引签约金额超10亿元项目数量" before
		// "（个）"), and letter-spacing it across the cell reads badly
		p := &Paragraph{Spans: []Span{{Text: cell.Text, Role: role, Size: size}}, Width: w, Align: AlignCenter}
		lines := rec.cellLines(p)
		cells[i] = tableCell{cell: cell, lines: lines, role: role}
		if cell.RowSpan == 1 {
			heights[cell.Row] = math.Max(heights[cell.Row], float64(len(lines))*lead+2*pad)
		}
	}
	growForSpans(cells, heights, lead, pad)
	alignDecimals(t, cells)
	// a turned table's rows run across the page: a page holds the type
	// area's width of them
	pageHeight := st.TextHeight()
	if turned {
		pageHeight = st.TextWidth()
	}
	g := &tableGrid{t: t, cells: cells, xs: xs, heights: heights, lead: lead, pad: pad}
	if !rec.checkMergedRows(b, g, pageHeight) {
		return ts
	}
	*ts = tableSetting{ok: true, turned: turned, cells: cells, xs: xs, heights: heights,
		lead: lead, pad: pad, pageHeight: pageHeight, missing: ts.missing}
	return ts
}

// cellLines breaks a cell's text, between dictionary words where that
// takes no more lines ("比去年同月／增长(%)", not "比去年同月增／长(%)":
// docs/line-composition.md#table-cells): a cell's lines are short, and a
// word cut in a header reads as badly as in a title, but a line more would
// make the whole row taller.
func (c *composer) cellLines(p *Paragraph) []Line {
	lines := c.breakReport(p)
	if len(lines) < 2 {
		return lines
	}
	words := *p
	words.KeepWords = true
	if kept, _ := c.lb.Break(&words); len(kept) <= len(lines) {
		return kept
	}
	return lines
}

// tableGrid is a table composed: its cells with their lines, the column
// borders and the row heights.
type tableGrid struct {
	t       *model.Table
	cells   []tableCell
	xs      []float64 // column borders from the table's left
	heights []float64 // row heights
	lead    float64   // line pitch of the table text
	pad     float64   // padding above and below a cell's text
}

// Table fitting (docs/pages-and-limits.md#fitting-the-measure). A table is
// set in the table type (小四 on A4) when its columns fit the measure at
// their natural widths or narrowed to their least widths (long text wraps,
// a number or a word never breaks). When even the least widths are wider
// than the measure, the whole table is set smaller, down to portraitLimit
// of the table type (小五, 9 bp, for a 小四 table); then it is turned 90° on
// pages of its own, the type area's height its measure, in the table type
// or smaller down to tableShrinkLimit — 六号 (7.5 bp) for a 小四 table, the
// smallest size statistical yearbooks print a wide table in; past that it
// is refused, naming the table and the width it needs: text smaller than
// that cannot be read in print, and a column narrower than its longest
// word would run into the next column.
const (
	portraitLimit    = 9.0 / 12
	tableShrinkLimit = 7.5 / 12
	tableShrinkStep  = 0.25 // bp: sizes are tried in quarter points
)

// fitTable finds the size the table is set in, its column widths and
// whether it is turned; ok is false when the table was refused (its problem
// recorded).
func (c *composer) fitTable(t *model.Table, b *model.Block) (size float64, widths []float64, turned, ok bool) {
	name := filepath.Base(t.Source)
	full := c.st.TableSize
	needs := c.columnNeedsAt(t)
	size, natural, least, fits := shrinkTable(needs, full, full*portraitLimit, c.st.TextWidth())
	if fits {
		if size < full {
			c.warn(b.Line, fmt.Sprintf("表格 “%s” 有 %d 列，按 %g 磅字排比版心（%.0f 毫米）宽，已整表缩小到 %g 磅字",
				name, t.Columns, full, c.st.TextWidth()/MM, size),
				"如嫌字小，可把这张表拆成几张列数较少的表。")
		}
		return size, spreadColumns(natural, least, c.st.TextWidth()), false, true
	}
	measure := c.st.TextHeight()
	size, natural, least, fits = shrinkTable(needs, full, full*tableShrinkLimit, measure)
	if !fits {
		*c.probs = append(*c.probs, &diag.Problem{File: c.doc.Source, Line: b.Line,
			Msg: fmt.Sprintf("表格 “%s” 有 %d 列，即使横排（转 90°，宽 %.0f 毫米）并缩小到 %g 磅字也要 %.1f 毫米宽，排不下",
				name, t.Columns, measure/MM, size, sum(least)/MM),
			Hint: "请把这张表拆成几张列数较少的表（每张都重复第一列），或删去不必要的列。"})
		return 0, nil, false, false
	}
	msg := fmt.Sprintf("表格 “%s” 有 %d 列，竖排版心（%.0f 毫米）排不下，已横排（转 90°）在单独的页上", name, t.Columns, c.st.TextWidth()/MM)
	if size < full {
		msg += fmt.Sprintf("，并缩小到 %g 磅字", size)
	}
	c.warn(b.Line, msg, "横排的表格读者要把书转过来看；如不希望这样，可把这张表拆成几张列数较少的表。")
	return size, spreadColumns(natural, least, measure), true, true
}

// shrinkTable sets the table's columns at size, then smaller down to
// smallest, until their least widths fit measure; fits tells whether they
// did. needs gives the columns' widths at a size (columnNeedsAt).
func shrinkTable(needs func(size float64) (natural, least []float64), size, smallest, measure float64) (float64, []float64, []float64, bool) {
	natural, least := needs(size)
	need := sum(least)
	for need > measure+0.01 && size > smallest {
		// the needs scale with the size: aim at the size that just fits,
		// on a quarter point, and step down from there while it does not
		next := math.Floor(size*measure/need/tableShrinkStep) * tableShrinkStep
		size = max(smallest, min(next, size-tableShrinkStep))
		natural, least = needs(size)
		need = sum(least)
	}
	return size, natural, least, need <= measure+0.01
}

// columnNeedsAt is columnNeeds measured once a size: a table too wide for
// the page's width is tried again turned, from the same sizes.
func (c *composer) columnNeedsAt(t *model.Table) func(size float64) (natural, least []float64) {
	type needs struct{ natural, least []float64 }
	at := map[float64]needs{}
	return func(size float64) ([]float64, []float64) {
		n, ok := at[size]
		if !ok {
			n.natural, n.least = c.columnNeeds(t, size)
			at[size] = n
		}
		return n.natural, n.least
	}
}

// columnNeeds gives each column its content's natural width and the least
// width it can narrow to, at type size size with half a character of
// padding either side.
func (c *composer) columnNeeds(t *model.Table, size float64) (natural, least []float64) {
	pad := size / 2
	natural = make([]float64, t.Columns)
	least = make([]float64, t.Columns)
	for _, cell := range t.Cells {
		if cell.ColSpan != 1 {
			continue
		}
		role := cellRole(t, cell)
		w := c.measure(cell.Text, role, size, 1e6) + 2*pad
		// a column narrows down to three characters, never below the
		// longest piece of its text that cannot be broken ("2023年", "10.46")
		l := math.Min(w, math.Max(3*size, c.lb.LongestPiece(&Paragraph{Spans: []Span{{Text: cell.Text, Role: role, Size: size}}}))+2*pad)
		if cell.RowSpan > 1 {
			w = spanWidth(w-2*pad, cell.RowSpan, size) + 2*pad
			l = w
		}
		natural[cell.Col] = math.Max(natural[cell.Col], w)
		least[cell.Col] = math.Max(least[cell.Col], l)
	}
	// a column that only merged cells cross still gets one character, so
	// that no width is zero (and no share of the spare width divides by it)
	for i := range natural {
		natural[i] = math.Max(natural[i], size+2*pad)
		least[i] = math.Max(least[i], size+2*pad)
	}
	return natural, least
}

// spreadColumns fits columns to the measure: spare width is shared in
// proportion to the natural widths; a shortfall is taken from the columns
// whose text can wrap, in proportion to how much each can give. The least
// widths must fit the measure.
func spreadColumns(natural, least []float64, measure float64) []float64 {
	total, totalLeast := sum(natural), sum(least)
	out := make([]float64, len(natural))
	for i := range out {
		switch {
		case total <= measure:
			out[i] = natural[i] + (measure-total)*natural[i]/total
		default: // total > measure ≥ totalLeast, so total-totalLeast > 0
			out[i] = least[i] + (measure-totalLeast)*(natural[i]-least[i])/(total-totalLeast)
		}
	}
	return out
}

// numberRE matches a cell that holds one number: 17.2, 0.08, 38.5, 5%.
var numberRE = lazyre.New(`^[-+]?[0-9]+(\.[0-9]+)?[%％]?$`)

// alignDecimals lines up the decimal points of a column whose body cells are
// all numbers ("1.3" over "1.55", "28" over "38.5"), the block of numbers
// centred in the column, as statistical tables set them.
func alignDecimals(t *model.Table, cells []tableCell) {
	for col := 0; col < t.Columns; col++ {
		var nums []*tableCell
		numeric := true
		for i := range cells {
			tc := &cells[i]
			if tc.cell.Col != col || tc.cell.Row < t.HeaderRows {
				continue
			}
			if tc.cell.ColSpan != 1 || len(tc.lines) != 1 || !numberRE().MatchString(tc.cell.Text) {
				numeric = false
				break
			}
			nums = append(nums, tc)
		}
		if !numeric || len(nums) < 2 {
			continue
		}
		maxInt, maxFrac := 0.0, 0.0
		for _, tc := range nums {
			in, fr := decimalParts(&tc.lines[0])
			maxInt, maxFrac = max(maxInt, in), max(maxFrac, fr)
		}
		for _, tc := range nums {
			in, _ := decimalParts(&tc.lines[0])
			tc.aligned, tc.x = true, -(maxInt+maxFrac)/2+maxInt-in
		}
	}
}

// decimalParts splits a number's line at its decimal point (or where one
// would stand): the widths of the whole part and of the rest.
func decimalParts(l *Line) (whole, rest float64) {
	point := l.Right
	for _, g := range l.Glyphs {
		if g.R == '.' || g.R == '%' || g.R == '％' {
			point = g.X
			break
		}
	}
	return point - l.Left, l.Right - point
}

// growForSpans makes the rows under a merged cell tall enough for its text.
func growForSpans(cells []tableCell, heights []float64, lead, pad float64) {
	for _, tc := range cells {
		cell := tc.cell
		if cell.RowSpan <= 1 {
			continue
		}
		need := float64(len(tc.lines))*lead + 2*pad
		have := 0.0
		for r := cell.Row; r < cell.Row+cell.RowSpan && r < len(heights); r++ {
			have += heights[r]
		}
		if have < need {
			extra := (need - have) / float64(cell.RowSpan)
			for r := cell.Row; r < cell.Row+cell.RowSpan && r < len(heights); r++ {
				heights[r] += extra
			}
		}
	}
}

// spanWidth is the width a cell merged over rows asks for: its text may wrap
// into as many lines as it spans rows without making the table taller, so it
// wants no more than its width over the row count, and no less than six
// characters, where a category label still reads as a phrase. Between six
// and eight characters it takes the width that sets the label in the fewest
// lines, the last one fullest: a 21-character label reads 7/7/7, not
// 6/6/6/3 with its "亿元）" alone on the last line.
func spanWidth(text float64, rows int, size float64) float64 {
	ems := text / size
	if ems/float64(rows) > 6 {
		return min(text, ems/float64(rows)*size)
	}
	best, bestLines, bestWaste := 6.0, math.Inf(1), math.Inf(1)
	for k := 6.0; k <= 8; k++ {
		lines := math.Ceil(ems/k - 1e-9)
		waste := lines*k - ems
		if lines < bestLines || lines == bestLines && waste < bestWaste-1e-9 {
			best, bestLines, bestWaste = k, lines, waste
		}
	}
	return min(text, best*size)
}

// measure is the widest line of text broken at width in the face of role
// (for a wide measure, the text's natural width). It measures what the cell
// will print, with the line breaker's own faces and glue.
func (c *composer) measure(text string, role fonts.Role, size, width float64) float64 {
	lines, _ := c.lb.Break(&Paragraph{Spans: []Span{{Text: text, Role: role, Size: size}}, Width: width, Align: AlignLeft})
	w := 0.0
	for i := range lines {
		w = math.Max(w, lineExtent(&lines[i]))
	}
	return w
}

// cellRole is the face of a cell: 黑体 in the header rows, 仿宋 below.
func cellRole(t *model.Table, cell model.Cell) fonts.Role {
	if cell.Row < t.HeaderRows {
		return fonts.Hei
	}
	return fonts.Fang
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// tableRowItems makes one item per table row: the header rows, kept with
// the first body row, and the body rows. A row taller than a page's room
// under the header (pageHeight less the header) is split into pieces that
// continue its cells' lines on the next pages (splitRow). The work is linear
// in the number of cells: each row's cells are found through an index.
func (c *composer) tableRowItems(g *tableGrid, pageHeight float64) (header, body []item) {
	t := g.t
	ys := make([]float64, t.Rows+1)
	for r, h := range g.heights {
		ys[r+1] = ys[r] + h
	}
	byRow := make([][]tableCell, t.Rows)
	spanEnd := make([]int, t.Rows) // the last row a merged cell over row r reaches
	for r := range spanEnd {
		spanEnd[r] = r
	}
	for _, tc := range g.cells {
		cl := tc.cell
		byRow[cl.Row] = append(byRow[cl.Row], tc)
		for r := cl.Row; r < cl.Row+cl.RowSpan-1 && r < t.Rows; r++ {
			spanEnd[r] = max(spanEnd[r], cl.Row+cl.RowSpan-1)
		}
	}
	rowItem := func(r int, header bool) item {
		mine, top := byRow[r], ys[r]
		return item{height: g.heights[r], keepNext: header || spanEnd[r] > r,
			draw: func(p *Page, x, y float64) { drawCells(p, mine, g.xs, ys, x, y-top, g.lead, c.lb.Metrics) }}
	}
	headerRows, headerH := min(t.HeaderRows, t.Rows), 0.0
	for r := 0; r < headerRows; r++ {
		headerH += g.heights[r]
	}
	if headerH > pageHeight/2 {
		// a header taller than half a page is neither kept with the first
		// row nor repeated: it would leave too little room for the rows it
		// heads. Its rows are set as the others are (split if need be).
		headerRows, headerH = 0, 0
	}
	for r := 0; r < headerRows; r++ {
		header = append(header, rowItem(r, true))
	}
	room := pageHeight - headerH
	for r := headerRows; r < t.Rows; r++ {
		if g.heights[r] > room+0.01 && spanEnd[r] == r && !coveredFromAbove(byRow, r, spanEnd) {
			body = append(body, c.splitRow(g, byRow[r], room)...)
			continue
		}
		body = append(body, rowItem(r, false))
	}
	return header, body
}

// turnedTable sets a table turned 90° on pages of its own: its rows are
// gathered into pages as wide as the type area (the header repeated on
// each, the rows under a merged cell kept together), and each page is one
// item as tall as the type area, drawn with its top along the page's left
// edge — on recto and verso alike, as books print turned tables — so the
// reader turns the book clockwise to read it. The text after the table
// starts a new page.
func (c *composer) turnedTable(header, body []item) {
	room := c.st.TextWidth()
	headerH := 0.0
	for _, h := range header {
		headerH += h.height
	}
	var pages [][]item
	var cur []item
	y := headerH
	for i := 0; i < len(body); {
		// a group: a row and the rows a merged cell keeps with it
		j, h := i, 0.0
		for ; j < len(body); j++ {
			h += body[j].height
			if !body[j].keepNext {
				j++
				break
			}
		}
		if y+h > room+0.01 && len(cur) > 0 {
			pages, cur, y = append(pages, cur), nil, headerH
		}
		cur = append(cur, body[i:j]...)
		y += h
		i = j
	}
	if len(cur) > 0 || len(pages) == 0 {
		pages = append(pages, cur)
	}
	for k, rows := range pages {
		c.items = append(c.items, item{height: c.st.TextHeight(), newPage: true,
			draw: func(p *Page, x, y float64) {
				flat := &Page{}
				v := 0.0
				for _, it := range header {
					it.draw(flat, 0, v)
					v += it.height
				}
				if k > 0 { // the header repeated: an artifact, not content
					flat.markArtifacts(0)
				}
				for _, it := range rows {
					it.draw(flat, 0, v)
					v += it.height
				}
				turn(p, flat, x, y, c.st.TextHeight())
			}})
	}
	c.newPage()
}

// turn puts the runs and rules of flat, laid out from (0, 0) with its top
// up, on p turned 90° counter-clockwise: its top along the left of a box
// whose top-left corner is (x, y) and whose height is h, its left edge at
// the box's foot.
func turn(p *Page, flat *Page, x, y, h float64) {
	at := func(u, v float64) (float64, float64) { return x + v, y + h - u }
	for _, r := range flat.Runs {
		r.X, r.Y = at(r.X, r.Y)
		r.Turned = true
		p.Runs = append(p.Runs, r)
	}
	for _, r := range flat.Rules {
		r.X1, r.Y1 = at(r.X1, r.Y1)
		r.X2, r.Y2 = at(r.X2, r.Y2)
		p.Rules = append(p.Rules, r)
	}
}

// coveredFromAbove reports whether a merged cell from an earlier row
// reaches row r.
func coveredFromAbove(byRow [][]tableCell, r int, spanEnd []int) bool {
	return r > 0 && spanEnd[r-1] >= r
}

// splitRow cuts a row taller than room into pieces no taller than room:
// each piece draws every cell of the row with the next lines of its text,
// in a box of its own, so the cells continue on the next page under the
// repeated header; a cell whose text has run out prints as an empty box.
// The first piece is at most half a page, so that the row can begin on the
// page the table begins on, below the text that leads into the table.
func (c *composer) splitRow(g *tableGrid, cells []tableCell, room float64) []item {
	per := max(1, int((room-2*g.pad)/g.lead))
	first := max(1, int((room/2-2*g.pad)/g.lead))
	most := 0
	for _, tc := range cells {
		most = max(most, len(tc.lines))
	}
	var out []item
	for from, n := 0, first; from < most; from, n = from+n, per {
		to := min(most, from+n)
		h := float64(to-from)*g.lead + 2*g.pad
		piece := make([]tableCell, len(cells))
		for i, tc := range cells {
			tc.cell.Row, tc.cell.RowSpan = 0, 1
			tc.lines = tc.lines[min(from, len(tc.lines)):min(to, len(tc.lines))]
			tc.slots = to - from
			piece[i] = tc
		}
		ys := []float64{0, h}
		it := item{height: h, draw: func(p *Page, x, y float64) { drawCells(p, piece, g.xs, ys, x, y, g.lead, c.lb.Metrics) }}
		out = append(out, it)
	}
	return out
}

// checkMergedRows refuses a table whose rows under one merged cell are
// together taller than a page: a merged cell is drawn whole, so it cannot
// continue on the next page.
func (c *composer) checkMergedRows(b *model.Block, g *tableGrid, pageHeight float64) bool {
	for _, tc := range g.cells {
		cl := tc.cell
		if cl.RowSpan <= 1 {
			continue
		}
		h := 0.0
		for r := cl.Row; r < cl.Row+cl.RowSpan && r < len(g.heights); r++ {
			h += g.heights[r]
		}
		if h > pageHeight {
			*c.probs = append(*c.probs, &diag.Problem{File: c.doc.Source, Line: b.Line,
				Msg: fmt.Sprintf("表格 “%s” 第%d行的合并格跨 %d 行，这几行合起来比一页的版心还高（%.0f 毫米），合并格不能跨页",
					filepath.Base(g.t.Source), cl.Line, cl.RowSpan, h/MM),
				Hint: "请把这个合并格拆开（在下面几行里重写它的内容，不用“^”），或把这几行的文字分到更多行中。"})
			return false
		}
	}
	return true
}

// drawCells draws cells whose grid starts at (x, y0): borders and text.
func drawCells(p *Page, cells []tableCell, xs, ys []float64, x, y0, lead float64, m Metrics) {
	const rule = 0.5
	for _, tc := range cells {
		cl := tc.cell
		left, right := x+xs[cl.Col], x+xs[cl.Col+cl.ColSpan]
		top, bottom := y0+ys[cl.Row], y0+ys[min(cl.Row+cl.RowSpan, len(ys)-1)]
		p.box(left, top, right, bottom, rule)
		block := float64(len(tc.lines)) * lead
		ty := top + (bottom-top-block)/2
		if tc.slots > 0 {
			ty = top + (bottom-top-float64(tc.slots)*lead)/2
		}
		for i := range tc.lines {
			l := &tc.lines[i]
			if len(l.Glyphs) == 0 {
				continue
			}
			size := l.Glyphs[0].Size
			base := ty + float64(i)*lead + CentredBaseline(lead, size)
			// Every line is centred in the cell, the last one too, as in a
			// centred Word table; a number in a column of numbers sits on
			// the column's decimal point.
			inner := (right - left - lineExtent(l)) / 2
			if tc.aligned {
				inner = (right-left)/2 + tc.x
			}
			n := len(p.Runs)
			p.addLine(l, left+inner-l.left(), base, m)
			p.tagRuns(n, tc.elem)
		}
	}
}

// minImagePPI is the resolution a picture needs at its printed size
// (docs/pdfx.md#images); below poorImagePPI gazette preflight calls it an error.
const (
	minImagePPI  = 300
	poorImagePPI = 150
)

// lowResolution tells, for a picture px pixels wide printed w points wide,
// whether it is below 300 ppi, and says so in words that match gazette
// preflight's verdict on the same file.
func lowResolution(path string, px int, w float64) (msg, hint string, low bool) {
	ppi := float64(px) / (w / 72)
	if ppi >= minImagePPI-0.5 {
		return "", "", false
	}
	msg = fmt.Sprintf(" “%s” 按印出的宽度 %.0f 毫米只有 %.0f ppi，印刷需要 %d ppi 以上，印出来会发虚", filepath.Base(path), w/MM, math.Floor(ppi), minImagePPI)
	if ppi < poorImagePPI {
		msg += fmt.Sprintf("；低于 %d ppi，gazette preflight 和印刷厂的检查都会判为不能付印", poorImagePPI)
	}
	hint = fmt.Sprintf("请换用更清晰的原图（这个宽度要 %d 像素宽），或把图片印得小一些。", int(math.Ceil(w/72*minImagePPI)))
	return msg, hint, true
}

// MaxPicturePixels is the most pixels a picture may have. A picture is
// read whole into memory to be converted for print, at about 12 bytes a
// pixel (the decoded picture, its RGB and its CMYK samples); 40 million
// pixels (7,300 × 5,500) keep that under half a gigabyte, the build under
// the 1 GB it may use, and are still 600 ppi over a whole A4 type area — far
// more than print needs. A small file can hold a huge picture (a 2.5 MB PNG
// of 50,000 × 50,000 pixels would take 30 GB), so the size is read from the
// file's header before anything is decoded.
const MaxPicturePixels = 40_000_000

// PictureSize reads a PNG or JPEG picture's size in pixels from its header
// (image.DecodeConfig: nothing is decoded) and refuses a picture of no
// pixels or of more than MaxPicturePixels. The renderer calls it again
// before it decodes.
func PictureSize(path string) (w, h int, err error) {
	return PictureSizeOf(func() (io.ReadCloser, error) { return os.Open(path) })
}

// PictureSizeOf is PictureSize for a picture opened by open (a file, or the
// bytes of a picture that came inside a Word document).
func PictureSizeOf(open func() (io.ReadCloser, error)) (w, h int, err error) {
	f, err := open()
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return 0, 0, err
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, 0, fmt.Errorf("图片是空的（%d × %d 像素）", cfg.Width, cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPicturePixels {
		return 0, 0, &TooManyPixels{W: cfg.Width, H: cfg.Height}
	}
	return cfg.Width, cfg.Height, nil
}

// readPicture is PictureSize, then a whole decode of the picture: a file
// copied only in part has a good header but not all its pixels, and is
// found here, at the line that names it, not only when the PDF is written.
func readPicture(im *model.Image) (w, h int, err error) {
	if w, h, err = PictureSizeOf(im.Open); err != nil {
		return 0, 0, err
	}
	f, err := im.Open()
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	if _, _, err := image.Decode(f); err != nil {
		return 0, 0, err
	}
	return w, h, nil
}

// pictureCache keeps what readPicture found for each picture of a
// document, so that the settings composeDocument tries decode a picture
// once, not once a try.
type pictureCache map[*model.Image]pictureRead

type pictureRead struct {
	w, h int
	err  error
}

// read is readPicture, once per picture (a nil cache reads every time).
func (pc pictureCache) read(im *model.Image) (w, h int, err error) {
	if r, ok := pc[im]; ok {
		return r.w, r.h, r.err
	}
	w, h, err = readPicture(im)
	if pc != nil {
		pc[im] = pictureRead{w, h, err}
	}
	return w, h, err
}

// TooManyPixels is PictureSize's error for a picture over MaxPicturePixels.
type TooManyPixels struct{ W, H int }

func (e *TooManyPixels) Error() string {
	return fmt.Sprintf("%d × %d 像素（%.0f 万像素），超过 gazette 能处理的 %d 万像素", e.W, e.H,
		float64(e.W)*float64(e.H)/1e4, MaxPicturePixels/10000)
}

// pictureProblem is the office's message for a picture that cannot be
// used, at the line of the document (or issue.toml) that names it.
func pictureProblem(file string, line int, path string, err error) *diag.Problem {
	var big *TooManyPixels
	switch {
	case errors.As(err, &big):
		return &diag.Problem{File: file, Line: line, Msg: fmt.Sprintf("图片 “%s” 有 %s", filepath.Base(path), big.Error()),
			Hint: fmt.Sprintf("印刷只需 300 ppi：请把图片缩小到不超过 %d 万像素（版心整页宽约 1900 像素）后再用。", MaxPicturePixels/10000)}
	case errors.Is(err, os.ErrNotExist):
		return &diag.Problem{File: file, Line: line, Msg: fmt.Sprintf("找不到图片文件 “%s”", path),
			Hint: "请检查文件名和路径（相对于文档所在文件夹）。", Err: err}
	}
	return &diag.Problem{File: file, Line: line, Msg: fmt.Sprintf("图片 “%s” 无法读取", filepath.Base(path)),
		Hint: "请使用 PNG 或 JPEG 格式的图片；如果文件是从别处复制来的，请确认它已完整复制。", Err: err}
}

// warn records a warning about the block at line of the document.
func (c *composer) warn(line int, msg, hint string) {
	c.warns = append(c.warns, (&diag.Problem{File: c.doc.Source, Line: line, Msg: msg, Hint: hint}).Error())
}

// image places a picture as wide as asked (or the measure), scaled down in
// proportion when it would be taller than the type area — never squashed —
// on whole grid lines so the text after it stays on the grid.
func (c *composer) image(b *model.Block) {
	im := b.Image
	if im == nil || c.preBreak {
		return
	}
	pw, ph, err := c.pictures.read(im)
	if err != nil {
		*c.probs = append(*c.probs, pictureProblem(c.doc.Source, b.Line, im.Path, err))
		return
	}
	name := filepath.Base(im.Path)
	w := c.st.TextWidth()
	if im.WidthMM > 0 {
		if im.WidthMM*MM > w+0.01 {
			c.warn(b.Line, fmt.Sprintf("图片 “%s” 要求宽 %g 毫米，比版心（%.0f 毫米）还宽，已按版心宽度排", name, im.WidthMM, w/MM),
				"如需整版大图，请把宽度改为不超过版心的数值。")
		}
		w = math.Min(w, im.WidthMM*MM)
	}
	h := w * float64(ph) / float64(pw)
	if room := c.st.TextHeight(); h > room+0.01 {
		asked := w
		w, h = w*room/h, room
		c.warn(b.Line, fmt.Sprintf("图片 “%s” 按 %.0f 毫米宽排比版心（高 %.0f 毫米）还高，已按比例缩小为 %.0f × %.0f 毫米", name, asked/MM, room/MM, w/MM, h/MM),
			"如需更大，可把图片裁成几张分别插入。")
	}
	if msg, hint, low := lowResolution(im.Path, pw, w); low {
		c.warn(b.Line, "图片"+msg, hint)
	}
	rows := math.Ceil(h/c.st.LinePitch - 1e-9)
	x := (c.st.TextWidth() - w) / 2
	path, data, elem := im.Path, im.Data, c.elem
	c.items = append(c.items, item{height: rows * c.st.LinePitch, grid: true,
		draw: func(p *Page, ox, oy float64) {
			p.Images = append(p.Images, Picture{Path: path, Data: data, X: ox + x, Y: oy, W: w, H: h, Elem: elem})
		}})
}
