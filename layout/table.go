package layout

import (
	"fmt"
	"image"
	_ "image/jpeg" // image sizes for ImageBlock
	_ "image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"

	"gazette/fonts"
	"gazette/internal/diag"
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
}

// table lays out a model.Table: column widths from content, a full grid,
// merged cells drawn as one cell with their text centred both ways, the
// header repeated on every page the table continues on. Table text is
// smaller than the body and has its own line pitch (the body's 28.95 bp
// pitch makes rows far too tall: standards.md §1.7).
func (c *composer) table(b *model.Block) {
	t := b.Table
	if t == nil || t.Columns == 0 || t.Rows == 0 {
		return
	}
	st := c.st
	size := st.TableSize
	pad := st.TablePadMM * MM // above and below the text
	padX := size / 2          // left and right of it: half a character
	lead := size * st.TableLead
	widths := c.columnWidths(t, size, padX)
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
		lines := c.breakReport(p)
		cells[i] = tableCell{cell: cell, lines: lines, role: role}
		if cell.RowSpan == 1 {
			heights[cell.Row] = math.Max(heights[cell.Row], float64(len(lines))*lead+2*pad)
		}
	}
	growForSpans(cells, heights, lead, pad)
	alignDecimals(t, cells)
	c.tagCells(t, cells)
	c.tableItems(t, cells, xs, heights, lead)
}

// numberRE matches a cell that holds one number: 17.2, 0.08, 38.5, 5%.
var numberRE = regexp.MustCompile(`^[-+]?[0-9]+(\.[0-9]+)?[%％]?$`)

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
			if tc.cell.ColSpan != 1 || len(tc.lines) != 1 || !numberRE.MatchString(tc.cell.Text) {
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

// columnWidths gives each column its content's width, then fits the table to
// the measure: spare width is shared in proportion, a shortfall is taken
// from the columns whose text can wrap.
func (c *composer) columnWidths(t *model.Table, size, pad float64) []float64 {
	natural := make([]float64, t.Columns)
	minimum := make([]float64, t.Columns)
	for _, cell := range t.Cells {
		if cell.ColSpan != 1 {
			continue
		}
		role := cellRole(t, cell)
		w := c.measure(cell.Text, role, size, 1e6) + 2*pad
		// a column narrows down to three characters, never below the
		// longest piece of its text that cannot be broken ("2023年", "10.46")
		least := math.Min(w, math.Max(3*size, c.lb.LongestPiece(&Paragraph{Spans: []Span{{Text: cell.Text, Role: role, Size: size}}}))+2*pad)
		if cell.RowSpan > 1 {
			w = spanWidth(w-2*pad, cell.RowSpan, size) + 2*pad
			least = w
		}
		natural[cell.Col] = math.Max(natural[cell.Col], w)
		minimum[cell.Col] = math.Max(minimum[cell.Col], least)
	}
	measure := c.st.TextWidth()
	total, totalMin := sum(natural), sum(minimum)
	out := make([]float64, t.Columns)
	switch {
	case total <= measure:
		for i := range out {
			out[i] = natural[i] + (measure-total)*natural[i]/total
		}
	default:
		for i := range out {
			out[i] = minimum[i] + (measure-totalMin)*(natural[i]-minimum[i])/(total-totalMin)
		}
	}
	return out
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

// tableItems appends one item per table row; header rows are kept with the
// first body row and repeated when a page break falls inside the table.
func (c *composer) tableItems(t *model.Table, cells []tableCell, xs, heights []float64, lead float64) {
	ys := make([]float64, t.Rows+1)
	for r, h := range heights {
		ys[r+1] = ys[r] + h
	}
	rowItem := func(r int, header bool) item {
		var mine []tableCell
		spanEnd := r
		for _, tc := range cells {
			if tc.cell.Row == r {
				mine = append(mine, tc)
			}
			if tc.cell.Row <= r && tc.cell.Row+tc.cell.RowSpan-1 > r {
				spanEnd = max(spanEnd, tc.cell.Row+tc.cell.RowSpan-1)
			}
		}
		top := ys[r]
		return item{height: heights[r], keepNext: header || spanEnd > r,
			draw: func(p *Page, x, y float64) { drawCells(p, mine, xs, ys, x, y-top, lead, c.lb.Metrics) }}
	}
	var header []item
	for r := 0; r < t.HeaderRows && r < t.Rows; r++ {
		header = append(header, rowItem(r, true))
	}
	c.keepLast()
	c.items = append(c.items, header...)
	for h := range header { // the copies in it.header are drawn when repeated
		header[h].repeated = true
	}
	for r := t.HeaderRows; r < t.Rows; r++ {
		it := rowItem(r, false)
		it.header = header
		c.items = append(c.items, it)
	}
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
		for i := range tc.lines {
			l := &tc.lines[i]
			if len(l.Glyphs) == 0 {
				continue
			}
			size := l.Glyphs[0].Size
			base := ty + float64(i)*lead + (lead-size)/2 + 0.88*size
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
// (standards.md §3.6); below poorImagePPI gazette preflight calls it an error.
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

// imageSize is a PNG or JPEG picture's size in pixels.
func imageSize(path string) (w, h int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	return cfg.Width, cfg.Height, err
}

// warn records a warning about the block at line of the document.
func (c *composer) warn(line int, msg, hint string) {
	c.warns = append(c.warns, (&diag.Problem{File: c.doc.Source, Line: line, Msg: msg, Hint: hint}).Error())
}

// image places a picture as wide as asked (or the measure), on whole grid
// lines so the text after it stays on the grid.
func (c *composer) image(b *model.Block) {
	im := b.Image
	if im == nil {
		return
	}
	f, err := os.Open(im.Path)
	if err != nil {
		*c.probs = append(*c.probs, &diag.Problem{File: c.doc.Source, Line: b.Line,
			Msg: fmt.Sprintf("找不到图片文件 “%s”", im.Path), Hint: "请检查文件名和路径（相对于文档所在文件夹）。", Err: err})
		return
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil || cfg.Width == 0 {
		*c.probs = append(*c.probs, &diag.Problem{File: c.doc.Source, Line: b.Line,
			Msg: fmt.Sprintf("图片 “%s” 无法读取", im.Path), Hint: "请使用 PNG 或 JPEG 格式的图片。", Err: err})
		return
	}
	w := c.st.TextWidth()
	if im.WidthMM > 0 {
		if im.WidthMM*MM > w+0.01 {
			c.warn(b.Line, fmt.Sprintf("图片 “%s” 要求宽 %g 毫米，比版心（%.0f 毫米）还宽，已按版心宽度排", filepath.Base(im.Path), im.WidthMM, w/MM),
				"如需整版大图，请把宽度改为不超过版心的数值。")
		}
		w = math.Min(w, im.WidthMM*MM)
	}
	if msg, hint, low := lowResolution(im.Path, cfg.Width, w); low {
		c.warn(b.Line, "图片"+msg, hint)
	}
	h := w * float64(cfg.Height) / float64(cfg.Width)
	rows := math.Ceil(h / c.st.LinePitch)
	h = math.Min(h, c.st.TextHeight())
	x := (c.st.TextWidth() - w) / 2
	path, elem := im.Path, c.elem
	c.items = append(c.items, item{height: rows * c.st.LinePitch, grid: true,
		draw: func(p *Page, ox, oy float64) {
			p.Images = append(p.Images, Picture{Path: path, X: ox + x, Y: oy, W: w, H: h, Elem: elem})
		}})
}
