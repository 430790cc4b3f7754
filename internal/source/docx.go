package source

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"gazette/internal/diag"
	"gazette/internal/docx"
	"gazette/internal/model"
)

// hint is what a Word file says of a line besides its text: a role its
// style or alignment gives it, or the table or picture it stands for. Lines
// of a .txt file have none.
type hint struct {
	role   model.Kind // with forced
	forced bool
	level  int // of a forced Heading
	table  *model.Table
	image  *model.Image
}

// set reports a hint the recogniser must follow.
func (h hint) set() bool { return h.forced || h.table != nil || h.image != nil }

// Text that stands for a table or a picture among the lines, so that the
// rules looking ahead (a paragraph is not joined across it) see an element.
const (
	tableLine   = "【表格】"
	pictureLine = "【图片】"
)

// hinted places the current line as its hint says; false to read it as
// text after all.
func (p *parser) hinted() bool {
	l := p.cur()
	switch {
	case l.hint.table != nil:
		p.i++
		p.add(model.Block{Kind: model.TableBlock, Line: l.no, Table: l.hint.table})
		return true
	case l.hint.image != nil:
		p.i++
		p.add(model.Block{Kind: model.ImageBlock, Line: l.no, Image: l.hint.image})
		return true
	case l.hint.role == model.Heading:
		if p.state == stTitle || p.state == stAttachTitle {
			p.forcedTitle()
			return true
		}
		p.i++
		p.add(model.Block{Kind: model.Heading, Level: l.hint.level, Text: l.text, Line: l.no})
		p.last.level, p.last.num = l.hint.level, 0
		p.state = stBody
		return true
	case l.hint.role == model.Title:
		p.forcedTitle()
		return true
	}
	p.i++
	p.role(command{kind: cmdRole, role: l.hint.role, arg: l.text}, l.no)
	return true
}

// forcedTitle starts a title at a line Word marks as one (a Title style,
// centred at the start); the lines after it join it as title() decides,
// with the other lines Word marks.
func (p *parser) forcedTitle() {
	first := p.cur()
	p.i++
	p.title(first.text, first.no, p.state == stBody || p.state == stClosing)
}

// ReadDocument reads the document at path — plain text (.txt), a Word
// document (.docx), or an older binary one (.doc, .wps) that LibreOffice
// converts where it is installed — and recognises its structure. notes are
// what the office should know but need not fix: a file converted, a
// picture left out, a formula without a value.
func ReadDocument(path string) (*model.Document, []*diag.Problem, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".docx":
		return readDocx(path, path, nil)
	case ".doc", ".wps", ".rtf", ".odt":
		return readConverted(path)
	}
	data, err := readFile(path)
	if err != nil {
		return nil, nil, err
	}
	text, err := Decode(path, data)
	if err != nil {
		return nil, nil, err
	}
	return parseLines(path, splitValidLines(text))
}

// readDocx reads a Word document from file (which is path itself, or the
// .docx LibreOffice made of it); messages name path.
func readDocx(path, file string, notes []*diag.Problem) (*model.Document, []*diag.Problem, error) {
	data, err := readFile(file)
	if err != nil {
		return nil, nil, err
	}
	d, err := docx.Read(data)
	if err != nil {
		return nil, nil, docxProblem(path, err)
	}
	lines, more := docxLines(path, d)
	notes = append(notes, more...)
	doc, tables, err := parseLines(path, lines)
	return doc, append(notes, tables...), err
}

// docxProblem says why a Word file cannot be read.
func docxProblem(path string, err error) error {
	switch {
	case errors.Is(err, docx.ErrHostile), errors.Is(err, docx.ErrTooLarge):
		return &diag.Problem{File: path, Msg: "文件的内部结构异常（解压后过大、文件过多、嵌套过深或带有实体定义），为安全起见不予读取",
			Hint: "请在 Word 或 WPS 中打开它，另存为一个新的 .docx 文件再试", Err: err}
	}
	return &diag.Problem{File: path, Msg: "无法作为 Word 文档（.docx）读取，文件可能已损坏或不是 Word 文档",
		Hint: "请在 Word 或 WPS 中打开它，选择“另存为”→“Word 文档（*.docx）”后再试", Err: err}
}

// docxLines turns a Word document into the recogniser's lines: one per
// paragraph (or per manual line break in it, as the lines of a .txt), an
// empty paragraph as a blank line, tables and pictures as hinted lines,
// footnotes as 注 paragraphs after the text. Word's styles and alignment
// become forced roles where they say more than the text does
// (docs/word-excel.md#what-is-read-from-a-word-document-docx).
func docxLines(path string, d *docx.Document) ([]line, []*diag.Problem) {
	var lines []line
	var paras []*docx.Paragraph // the paragraph of each line
	var right []bool            // whether each line stands at the right
	var notes []*diag.Problem
	blank := true
	add := func(l line, pa *docx.Paragraph, r bool) {
		l.blank = blank
		blank = false
		lines = append(lines, l)
		paras = append(paras, pa)
		right = append(right, r)
	}
	for _, b := range d.Blocks {
		switch {
		case b.Para != nil:
			n := 0
			for _, piece := range strings.Split(b.Para.Text, "\n") {
				if t := NormalizeLine(piece); t != "" {
					add(line{no: b.Para.Number, text: t}, b.Para, atRight(b.Para, piece))
					n++
				}
			}
			if n == 0 {
				blank = true
			}
		case b.Table != nil:
			add(line{no: max(b.Table.Number, 1), text: tableLine, hint: hint{table: docxTable(path, b.Table)}}, nil, false)
		case b.Picture != nil:
			im, note := docxPicture(path, b.Picture)
			if note != nil {
				notes = append(notes, note)
				continue
			}
			add(line{no: b.Picture.Number, text: pictureLine, hint: hint{image: im}}, nil, false)
			if im.Alt == "" { // see altMissing (command.go)
				notes = append(notes, diag.New(path, b.Picture.Number,
					"这里的图片没有替代文字：网络版 PDF 和网页版只能用文件名代替，读屏软件的用户不知道图中是什么（印刷版不受影响）",
					"请在 Word 中右键单击图片，选“编辑替代文字”，用一句话写明图片的内容"))
			}
		}
	}
	hintTitles(lines, paras)
	hintSignatures(lines, right)
	hintHeadings(lines, paras)
	last := 0
	if len(lines) > 0 {
		last = lines[len(lines)-1].no
	}
	for i, n := range d.Footnotes {
		text := n.Mark + strings.Join(strings.Fields(strings.ReplaceAll(n.Text, "\n", " ")), " ")
		if i == 0 {
			text = "注：" + text
		}
		blank = i == 0
		add(line{no: last, text: NormalizeLine(text), hint: hint{role: model.Paragraph, forced: true}}, nil, false)
	}
	return lines, notes
}

// hintTitles marks the document's title as Word shows it: a paragraph in
// the Title style (标题), and the centred short lines a document (or an
// attachment, after its 附件 label) opens with — a centred line there is
// never body text (GB/T 9704-2012 7.3.1: 标题…居中排布), and a title that
// ends in ？ goes on into the centred line under it. Lines the recogniser
// gives a role of their own by their text (a 发文字号, a 题注, a 令 head and
// number, a 发文机关标志, the issuers' names over or under a title, a
// chapter…) keep it.
func hintTitles(lines []line, paras []*docx.Paragraph) {
	text := &parser{lines: lines} // the recogniser's look at a line in its context
	start, titled := true, false
	for i := range lines {
		pa := paras[i]
		if pa == nil || lines[i].blank && titled {
			start, titled = false, false // a blank line ends the title, as in a .txt
		}
		if pa == nil {
			continue
		}
		t := lines[i].text
		own := ownRole(t) || runes(t) > maxTitleLine || text.issuerMarkAt(i) || text.orderHeadAt(i, true)
		if !own && (pa.Style == docx.StyleTitle || start && pa.Align == docx.AlignCenter) {
			lines[i].hint = hint{role: model.Title, forced: true}
			titled = true
		}
		_, isDocNumber := docNumber(t)
		if isAttachmentLabel(t) {
			start, titled = true, false
		} else {
			start = start && (pa.Align == docx.AlignCenter || pa.Style == docx.StyleTitle || isDocNumber)
		}
	}
}

// ownRole reports a line the recogniser gives a role by its text alone.
func ownRole(t string) bool {
	_, isDocNumber := docNumber(t)
	return isDocNumber || presiderLike(t) || isDate(t) || isAttachmentLabel(t) || isAttachmentNote(t) ||
		noteLike(t) || headnoteLike(t) || orderNumberLike(t) || startsKindElement(t) || organLine(t) ||
		strings.HasPrefix(t, "【")
}

// Where a line stands at the right half of the type area: the 署名 and
// 日期 are set there (GB/T 9704-2012 7.3.5.2), by right alignment, a left
// indent or leading spaces.
const (
	rightIndentTwips = 4400 // half the 156 mm type area, in twentieths of a point
	rightIndentChars = 12   // leading blanks, in characters (a space counts half)
)

// atRight reports a line of paragraph pa, as written (piece), that stands
// at the right.
func atRight(pa *docx.Paragraph, piece string) bool {
	if pa.Align == docx.AlignRight || pa.IndentLeft+max(pa.IndentFirst, 0) >= rightIndentTwips {
		return true
	}
	width := 0.0
	for _, r := range piece {
		switch {
		case r == '\u3000':
			width++
		case r == '\t':
			width += 2
		case isBlank(r):
			width += 0.5
		default:
			return width >= rightIndentChars
		}
	}
	return false
}

// hintSignatures marks a date standing at the right as the 成文日期 and the
// line at the right right over it as the 署名 (GB/T 9704-2012 7.3.5), even
// where the text alone would not say so (a long name, a 署名 with a 、).
func hintSignatures(lines []line, right []bool) {
	for i := range lines {
		if !right[i] || !isDate(lines[i].text) {
			continue
		}
		lines[i].hint = hint{role: model.SignDate, forced: true}
		j := i - 1
		if j >= 0 && !lines[i].blank && right[j] && lines[j].hint == (hint{}) &&
			runes(lines[j].text) <= 2*maxSigner && !strings.ContainsAny(lines[j].text, "。；！？") {
			lines[j].hint = hint{role: model.Signer, forced: true}
		}
	}
}

// hintHeadings marks a short paragraph in a Heading 1–4 style that has no
// number of its own as a heading of that level (GB/T 9704-2012 7.3.3);
// a numbered one is recognised from its number, as in a .txt.
func hintHeadings(lines []line, paras []*docx.Paragraph) {
	for i := range lines {
		pa := paras[i]
		if pa == nil || lines[i].hint.set() {
			continue
		}
		lv := pa.Style.HeadingLevel()
		if lv < 1 || lv > 4 || runes(lines[i].text) > maxHeading || strings.ContainsAny(lines[i].text, "。；") || ownRole(lines[i].text) {
			continue
		}
		if _, ok := parseHead(lines[i].text); ok {
			continue
		}
		lines[i].hint = hint{role: model.Heading, level: lv, forced: true}
	}
}

// docxTable puts a Word table into the table model, its cell text
// normalised as a CSV table's is; the header is Word's repeated header rows,
// widened to take in any cell merged down from it.
func docxTable(path string, t *docx.Table) *model.Table {
	out := &model.Table{Source: path, Columns: t.Columns, Rows: t.Rows, HeaderRows: t.HeaderRows}
	for _, c := range t.Cells {
		var parts []string
		for _, l := range strings.Split(c.Text, "\n") {
			if l = NormalizeLine(l); l != "" {
				parts = append(parts, l)
			}
		}
		out.Cells = append(out.Cells, model.Cell{Row: c.Row, Col: c.Col, RowSpan: c.RowSpan, ColSpan: c.ColSpan,
			Text: strings.Join(parts, "\n"), Line: max(t.Number, 1)})
	}
	for changed := true; changed && out.HeaderRows > 0; {
		changed = false
		for _, c := range out.Cells {
			if c.Row < out.HeaderRows && c.Row+c.RowSpan > out.HeaderRows {
				out.HeaderRows, changed = c.Row+c.RowSpan, true
			}
		}
	}
	return out
}

// docxPicture is a picture of a Word file, or a note saying why it is left
// out (gazette prints PNG and JPEG).
func docxPicture(path string, p *docx.Picture) (*model.Image, *diag.Problem) {
	switch ext := strings.ToLower(filepath.Ext(p.Name)); ext {
	case ".png", ".jpg", ".jpeg":
	default:
		return nil, diag.New(path, p.Number, fmt.Sprintf("这里的图片是 %s 格式，无法印出，已略去", strings.ToUpper(strings.TrimPrefix(ext, "."))),
			"请把图片另存为 PNG 或 JPEG，在 Word 中删去原图后重新插入")
	}
	return &model.Image{Path: filepath.Join(path, filepath.FromSlash(p.Name)), Data: p.Data,
		WidthMM: float64(p.WidthEMU) / emuPerMM, Alt: p.Alt}, nil
}

// emuPerMM converts DrawingML lengths (English Metric Units, ECMA-376
// §20.1.2.1: 914400 to the inch) to millimetres.
const emuPerMM = 36000
