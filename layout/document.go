package layout

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"gazette/fonts"
	"gazette/internal/diag"
	"gazette/internal/model"
)

// composer turns the blocks of one document into the vertical list.
type composer struct {
	st    *Style
	lb    *LineBreaker
	doc   *model.Document
	items []item
	probs *diag.List
	// missing collects the characters no face covers, once each, where they
	// first occur; Lay reports them (missingProblems)
	missing *[]missingChar
	warns   []string     // what the office may want to fix; the build goes on
	block   *model.Block // the block being composed, for messages
	// tightLast is how many of the last blocks are set with tight
	// punctuation (Paragraph.Tight); 0, the blocks are set as usual.
	tightLast int
	tight     bool // the block being composed is set tight
	memo      breakMemo
	pictures  pictureCache // pictures read, shared by the settings tried of one document
	tables    tableCache   // tables set, shared likewise
	// resume, when set, records the state before some blocks
	// (resumePoint); pageFullKeep is the item keepLastPageFull kept with
	// the next (-1: none) and pageFullWas whether it was kept before
	resume       []*resumePoint
	pageFullKeep int
	pageFullWas  bool
	// pages and forced are the items paginated (composeDocument)
	pages  [][]placed
	forced []forcedBreak
	// help, when set, finds idle workers to break the paragraphs ahead
	// (preBreaker): pre is the one at work, helped is set once one was
	// found; preBreak marks a helper's composer, whose items are thrown
	// away (tables and pictures, kept by the composer itself, are skipped)
	help         helpers
	pre          *preBreaker
	helped       bool
	helpedBlocks int // how many blocks a helper broke
	preBreak     bool
	// the structure elements (tags.go): the document's section, the
	// element of the lines being added, the titles met so far
	sect, elem *Elem
	titles     int
}

// ch is n body characters on the grid.
func (c *composer) ch(n float64) float64 { return n * c.st.CharPitch() }

// track is the spacing that puts body-size CJK type on the grid pitch.
func (c *composer) track(size float64) float64 {
	if size == c.st.BodySize {
		return c.st.CharPitch() - c.st.BodySize
	}
	return 0
}

// headRole is the face of a numbered head (GB/T 9704-2012 7.3.3: 一、黑体,
// （一）楷体, 1. and （1） 仿宋).
func headRole(level int) fonts.Role {
	switch level {
	case 1:
		return fonts.Hei
	case 2:
		return fonts.Kai
	}
	return fonts.Fang
}

// compose lays out every block of the document.
func (c *composer) compose() { c.composeFrom(0) }

// composeFrom lays out the blocks of the document from block first on.
func (c *composer) composeFrom(first int) {
	for i := first; i < len(c.doc.Blocks); i++ {
		c.askHelp(i)
		c.reach(i)
		c.record(i)
		c.composeOne(i)
	}
	c.stopHelp()
	c.keepLastPageFull()
}

// composeOne lays out block i.
func (c *composer) composeOne(i int) {
	blocks := c.doc.Blocks
	b := &blocks[i]
	c.block = b
	c.elem = c.blockElem(b)
	// headings keep their marks, so that those of one level look alike,
	// and so does a table: its cells are no lines of the text to save,
	// and a squeezed bracket reads as an ASCII one there
	c.tight = i >= len(blocks)-c.tightLast && b.Kind != model.TableBlock && b.Kind != model.Heading
	var prev, next *model.Block
	if i > 0 {
		prev = &blocks[i-1]
	}
	if i+1 < len(blocks) {
		next = &blocks[i+1]
	}
	from := len(c.items)
	c.composeBlock(b, prev, next)
	for k := from; k < len(c.items); k++ { // blank lines, table rows: the block's place too
		if it := &c.items[k]; it.file == "" {
			it.file, it.srcLine = c.doc.Source, b.Line
		}
	}
}

// keepLastPageFull keeps a document's last two text lines together, so that
// its last page never holds a single line ("孤行不成页", https://www.w3.org/TR/clreq/#adjustments_of_orphans_and_widows).
func (c *composer) keepLastPageFull() {
	c.pageFullKeep = -1
	seen := 0
	for i := len(c.items) - 1; i >= 0; i-- {
		if c.items[i].line == nil {
			continue
		}
		if seen++; seen == 2 {
			c.pageFullKeep, c.pageFullWas = i, c.items[i].keepNext
			c.items[i].keepNext = true
			return
		}
	}
}

func (c *composer) composeBlock(b, prev, next *model.Block) {
	if c.composeKind(b, prev, next) {
		return
	}
	st := c.st
	switch b.Kind {
	case model.Title:
		c.title(b, next)
	case model.DocNumber:
		if prev != nil && prev.Kind == model.DocNumber && prev.Text == b.Text {
			return // typed twice (Check names it): printed once
		}
		// docs/house-design.md#documents: the 发文字号 in 楷体 under the title, then one
		// blank line before the 主送机关 (GB/T 9704-2012 7.3.2).
		c.text(Span{Text: "（" + b.Text + "）", Role: fonts.Kai, Size: st.BodySize}, 0, AlignCenter, true)
		c.blankUnlessNext(next)
	case model.Addressee:
		c.paragraph([]Span{{Text: b.Text, Role: fonts.Fang, Size: st.BodySize}}, 0, 0, Justify, false)
	case model.Heading:
		c.paragraph([]Span{{Text: b.Text, Role: headRole(b.Level), Size: st.BodySize}}, c.ch(2), 0, Justify, true)
	case model.Paragraph:
		c.paragraph(c.leadSpans(b), c.ch(2), 0, Justify, false)
	case model.AttachmentNote:
		c.attachmentNote(b)
	case model.Signer:
		var date *model.Block
		if next != nil && next.Kind == model.SignDate {
			date = next
		}
		c.signature(b, date)
	case model.SignDate:
		if prev == nil || prev.Kind != model.Signer { // a date with no 署名 above it
			c.signature(nil, b)
		} // otherwise placed with its Signer
	case model.Note:
		c.paragraph([]Span{{Text: b.Text, Role: fonts.Fang, Size: st.BodySize}}, c.ch(2), 0, Justify, false)
	case model.AttachmentLabel:
		c.newPage()
		c.text(Span{Text: b.Text, Role: fonts.Hei, Size: st.BodySize}, 0, AlignLeft, true)
		c.blank(true) // GB/T 9704-2012 7.3.7: label on line 1, title on line 3
	case model.Presider:
		c.text(Span{Text: b.Text, Role: fonts.Kai, Size: st.BodySize}, 0, AlignCenter, true)
		c.blank(true)
	case model.PageBreak:
		c.newPage()
	case model.TableBlock:
		c.table(b)
	case model.ImageBlock:
		c.image(b)
	}
}

// leadSpans splits a paragraph into its run-in head, in the head's face, and
// the rest in 仿宋. A 仿宋 head of the third or fourth level ("1.产业化育龙头。")
// is set in fake bold, so that it stands out from the text it runs into, as
// 公文 offices print it (docs/gbt9704.md#where-the-standard-leaves-a-choice-office-practice-we-follow) — GB/T
// 9704-2012 7.3.3 names only the typeface.
func (c *composer) leadSpans(b *model.Block) []Span {
	size := c.st.BodySize
	if b.Lead == "" || !strings.HasPrefix(b.Text, b.Lead) {
		return []Span{{Text: b.Text, Role: fonts.Fang, Size: size}}
	}
	return []Span{{Text: b.Lead, Role: headRole(b.Level), Size: size, FakeBold: b.Level >= 3},
		{Text: b.Text[len(b.Lead):], Role: fonts.Fang, Size: size}}
}

// left is where the line's measured text starts: its first glyph, less the
// blank an opening mark at a line start loses.
func (l *Line) left() float64 { return l.Left }

// lineExtent is the width from the first glyph to the line's measured end.
func lineExtent(l *Line) float64 { return l.Right - l.left() }

// text sets a single-span paragraph.
func (c *composer) text(s Span, indent float64, a Align, keep bool) {
	c.paragraph([]Span{s}, indent, 0, a, keep)
}

// paragraph breaks spans into lines and appends them with the keeps of
// GB/T 9704 practice and https://www.w3.org/TR/clreq/#adjustments_of_orphans_and_widows: a head keeps with the next line, the
// first and the last line of a paragraph never stand alone on a page.
func (c *composer) paragraph(spans []Span, indent, hang float64, a Align, keepAll bool) {
	size := spans[0].Size
	p := &Paragraph{Spans: spans, Width: c.st.TextWidth(), Indent: indent, Hang: hang, Align: a, Track: c.track(size)}
	c.addLines(c.breakKept(p), size, keepAll)
}

// addLines appends a paragraph's lines with the keeps of paragraph.
func (c *composer) addLines(lines []Line, size float64, keepAll bool) {
	start := len(c.items)
	for i := range lines {
		c.addLine(lines[i], c.baselineFor(size), keepAll)
	}
	n := len(lines)
	if n >= 2 {
		c.items[start].keepNext = true     // no orphan: line 1 not alone at a page's foot
		c.items[start+n-2].keepNext = true // no widow: the last line not alone at the top
	}
	if start > 0 && c.items[start-1].keepNext && n >= 2 && !keepAll {
		c.items[start].keepNext = true // a head keeps two lines of its text
	}
}

// breakReport breaks a paragraph and reports characters no face covers.
// The lines are the caller's to change.
func (c *composer) breakReport(p *Paragraph) []Line {
	return c.report(p, true)
}

// breakKept is breakReport for lines kept as they are (addLines): a
// paragraph set before comes back as the very lines it was set in, not a
// copy, and they must not be changed.
func (c *composer) breakKept(p *Paragraph) []Line {
	return c.report(p, false)
}

// report breaks p, the lines a copy of those remembered when asked, and
// reports characters no face covers.
func (c *composer) report(p *Paragraph, copied bool) []Line {
	p.Tight = c.tight
	brk := c.memo.shared
	if copied {
		brk = c.memo.breakLines
	}
	lines, missing := brk(c.lb, p)
	if c.missing == nil {
		return lines
	}
	for _, r := range missing {
		line := 0
		if c.block != nil {
			line = c.block.Line
		}
		*c.missing = append(*c.missing, missingChar{r: r, file: c.doc.Source, line: line,
			role: c.lb.roleOf(p, r), face: faceName(c.lb.Metrics, c.lb.roleOf(p, r))})
	}
	return lines
}

// missingChar is a character no configured face covers, where it occurs.
type missingChar struct {
	r    rune
	file string
	line int
	role fonts.Role // the role whose text holds it
	face string     // that role's face, by PostScript name ("" if unknown)
}

// roleOf is the role whose face was asked for r in p (the first span that
// holds it).
func (lb *LineBreaker) roleOf(p *Paragraph, r rune) fonts.Role {
	for _, s := range p.Spans {
		if strings.ContainsRune(s.Text, r) {
			return lb.faceFor(s.Role, r)
		}
	}
	return fonts.Fang
}

// isHan reports a Chinese character, also one of a CJK extension newer
// than Go's Unicode tables (planes 2 and 3 hold only ideographs).
func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x20000 && r <= 0x3FFFF)
}

// faceName is the name of role's face, when the metrics can tell.
func faceName(m Metrics, role fonts.Role) string {
	if n, ok := m.(interface{ FaceName(fonts.Role) string }); ok {
		return n.FaceName(role)
	}
	return ""
}

// maxMissingListed is how many characters are reported one by one; beyond
// it the face plainly lacks a script, and one summary says so.
const maxMissingListed = 12

// missingProblems reports each missing character once, at its first
// occurrence; when there are more than maxMissingListed, a single problem
// names how many, shows the first of them and points at the likely cause.
func missingProblems(all []missingChar) diag.List {
	var first []missingChar
	seen := map[rune]bool{}
	for _, m := range all {
		if !seen[m.r] {
			seen[m.r] = true
			first = append(first, m)
		}
	}
	var out diag.List
	if len(first) <= maxMissingListed {
		for _, m := range first {
			out = append(out, missingProblem(m))
		}
		return out
	}
	sample := make([]rune, 0, maxMissingListed)
	for _, m := range first[:maxMissingListed] {
		sample = append(sample, m.r)
	}
	return append(out, &diag.Problem{File: first[0].file, Line: first[0].line,
		Msg: fmt.Sprintf("本期有 %d 个不同的字在所配置的字体中都没有，如“%s”等（这是第一处）", len(first), string(sample)),
		Hint: "缺这么多字，多半是 issue.toml 的 [fonts] 中换用的字体不含中文或不是所需的字体；" +
			"运行 gazette fonts issue.toml 可以看到每个字体缺哪些字。"})
}

// missingProblem names the role that lacks the character and its face —
// "仿宋（正文）FandolFang-Regular 没有“喆”" — and says what to do: a face
// in [fonts] fallback, or an installed font that has it.
func missingProblem(m missingChar) *diag.Problem {
	file, line, r := m.file, m.line, m.r
	msg := fmt.Sprintf("%s%s 没有“%c”（U+%04X），[fonts] fallback 和本机安装的字体中也都没有", m.role.Label(), m.face, r, r)
	hint := "请安装含有这个字的字体（如 Noto Serif CJK SC / 思源宋体，Windows 的 SimSun-ExtB），" +
		"或在 issue.toml 的 [fonts] 中写 fallback = [\"含有这个字的字体文件\"]；也可改用常用字。"
	switch {
	case r > 0xFFFF && !isHan(r):
		hint = "这个字符（如表情符号）印刷字体里一般没有；请删去或改用文字。"
	case unicode.In(r, unicode.Co):
		msg = fmt.Sprintf("字符 U+%04X 是私用区字符（多为本单位的造字），%s%s 和 [fonts] fallback 中的字体都没有它的字形", r, m.role.Label(), m.face)
		hint = "请改用标准汉字，或在 issue.toml 的 [fonts] 中写 fallback = [\"含有这个造字的字体文件\"]（本机安装的字体不用于私用区字符：同一个码位在各字体中是不同的字）。"
	case !unicode.IsGraphic(r) && !isHan(r):
		msg = fmt.Sprintf("文件中有看不见的控制字符 U+%04X", r)
		hint = "请删去这个字符（可在记事本中把这一行重新输入一遍）。"
	}
	if !utf8.ValidRune(r) || r == utf8.RuneError {
		msg = "文件中有无法识别的字符（U+FFFD）"
		hint = "文件可能不是 UTF-8 编码，请另存为 UTF-8 后再试。"
	}
	return &diag.Problem{File: file, Line: line, Msg: msg, Hint: hint}
}

// baselineFor centres type of the given size in a grid row.
func (c *composer) baselineFor(size float64) float64 {
	return CentredBaseline(c.st.LinePitch, size)
}

func (c *composer) addLine(l Line, baseline float64, keep bool) {
	c.items = append(c.items, item{line: &l, baseline: baseline, height: c.st.LinePitch, grid: true, keepNext: keep,
		file: c.doc.Source, srcLine: c.blockLine(), elem: c.elem})
}

// blockLine is the source line of the block being composed.
func (c *composer) blockLine() int {
	if c.block == nil {
		return 0
	}
	return c.block.Line
}

// blank adds an empty grid line.
func (c *composer) blank(keep bool) {
	c.items = append(c.items, item{blank: true, height: c.st.LinePitch, grid: true, keepNext: keep})
}

// blankUnlessNext adds a kept blank line unless the next block is one of kinds.
func (c *composer) blankUnlessNext(next *model.Block, kinds ...model.Kind) {
	if next != nil {
		for _, k := range kinds {
			if next.Kind == k && !next.NewPage {
				c.keepLast()
				return
			}
		}
	}
	c.keepLast()
	c.blank(true)
}

func (c *composer) keepLast() {
	if n := len(c.items); n > 0 {
		c.items[n-1].keepNext = true
	}
}

// newPage makes the next item start a page.
func (c *composer) newPage() {
	c.items = append(c.items, item{newPage: true, blank: true})
}

// attachmentNote sets 附件说明 (GB/T 9704-2012 7.3.4): one blank line after
// the body, 2 characters in, "附件：" then the names; a name that wraps aligns
// with its first character (hanging indent).
func (c *composer) attachmentNote(b *model.Block) {
	c.keepLast()
	c.blank(true)
	size := c.st.BodySize
	prefix := c.ch(2) + c.ch(3)
	list := newElem("L", c.sect)
	lines := strings.Split(b.Text, "\n")
	label, first := attachmentNoteLabel(lines[0])
	lines[0] = first
	for _, name := range lines {
		c.listItem(list)
		name = strings.TrimSpace(name)
		if name == "" {
			continue // "附件：" alone, the names under it: the label goes before the first
		}
		lead := label
		label = ""
		hang := prefix + c.numberWidth(name)
		p := &Paragraph{Spans: []Span{{Text: name, Role: fonts.Fang, Size: size}}, Width: c.st.TextWidth(), Indent: prefix, Hang: hang, Align: Justify, Track: c.track(size)}
		lines := c.breakReport(p)
		if lead != "" && len(lines) > 0 {
			lines[0].Glyphs = append(c.labelGlyphs(lead, c.ch(2), size), lines[0].Glyphs...)
		}
		for k := range lines {
			c.addLine(lines[k], c.baselineFor(size), true)
		}
	}
}

// attachmentNoteLabel splits the first line of a 附件说明 into its label as
// the office wrote it ("附件：", or "附件:" with the half-width colon that
// Check names) and the first name after it. The label is printed as
// written, never added to: a "附件:名称" with its own label must not print
// "附件：附件:名称".
func attachmentNoteLabel(line string) (label, rest string) {
	line = strings.TrimSpace(line)
	after, ok := strings.CutPrefix(line, "附件")
	if !ok {
		return "附件：", line
	}
	after = strings.TrimLeft(after, " \u3000")
	colon := "："
	if c, ok := strings.CutPrefix(after, ":"); ok {
		colon, after = ":", c
	} else {
		after = strings.TrimPrefix(after, "：")
	}
	return "附件" + colon, strings.TrimLeft(after, " \u3000")
}

// numberWidth is the width of an item number like "1." at the start of name,
// so that wrapped lines align with the name after it.
func (c *composer) numberWidth(name string) float64 {
	n := 0
	for _, r := range name {
		if (r >= '0' && r <= '9') || r == '.' || r == '．' {
			n++
			continue
		}
		break
	}
	if n == 0 {
		return 0
	}
	w := 0.0
	for _, r := range name[:n] {
		a, _ := c.lb.Metrics.Advance(fonts.Latin, r)
		w += a * c.st.BodySize
	}
	return w
}

// labelGlyphs places a short label at x without breaking it.
func (c *composer) labelGlyphs(s string, x, size float64) []Glyph {
	p := &Paragraph{Spans: []Span{{Text: s, Role: fonts.Fang, Size: size}}, Width: 1e6, Align: AlignLeft, Track: c.track(size)}
	lines := c.breakReport(p)
	gs := lines[0].Glyphs
	for i := range gs {
		gs[i].X += x
	}
	return gs
}

// signature sets 发文机关署名 and 成文日期 without a seal (GB/T 9704-2012
// 7.3.5.2): one blank line after the body, the signer 2 characters from the
// right, the date on the next line starting 2 characters right of the
// signer's first character; a date longer than that sits 2 characters from
// the right and pushes the signer left. Joint signers too long for one line
// stand one below the other, the lead signer first, each 2 characters from
// the right. A date without a signer sits 2 characters from the right. The
// block keeps with the body line before it (7.3.5.5: no page holds only the
// signature). Either block may be nil.
func (c *composer) signature(signer, date *model.Block) {
	size := c.st.BodySize
	right := c.st.TextWidth() - c.ch(2)
	var names []Line
	if signer != nil {
		c.block = signer
		names = c.signerLines(signer.Text, size, right)
	}
	var d *Line
	if date != nil {
		c.block = date
		l := c.single(date.Text, size)
		d = &l
		dateX := right - lineExtent(d)
		if n := len(names); n > 0 {
			dateX = min(names[n-1].left()+c.ch(2), dateX)
			if n == 1 && dateX+lineExtent(d) >= right-0.01 {
				shiftLine(&names[0], dateX-c.ch(2))
			}
		}
		shiftLine(d, dateX)
	}
	c.keepLast()
	c.blank(true)
	for i := range names {
		c.addLine(names[i], c.baselineFor(size), d != nil || i < len(names)-1)
	}
	if d != nil {
		c.elem = c.blockElem(date)
		c.addLine(*d, c.baselineFor(size), false)
	}
}

// signerLines sets the 署名 flush against right: on one line when it fits,
// else one line per organisation (the names separated by spaces in the
// source), and a name longer than the measure broken with the line breaker.
func (c *composer) signerLines(text string, size, right float64) []Line {
	parts := []string{text}
	if l := c.single(text, size); lineExtent(&l) > right {
		parts = strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\u3000' })
	}
	var out []Line
	for _, part := range parts {
		l := c.single(part, size)
		if lineExtent(&l) <= right {
			shiftLine(&l, right-lineExtent(&l))
			out = append(out, l)
			continue
		}
		p := &Paragraph{Spans: []Span{{Text: part, Role: fonts.Fang, Size: size}}, Width: right, Align: AlignRight, Track: c.track(size)}
		out = append(out, c.breakReport(p)...)
	}
	return out
}

// single sets text as one unbroken line starting at 0.
func (c *composer) single(text string, size float64) Line {
	p := &Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: size}}, Width: 1e6, Align: AlignLeft, Track: c.track(size)}
	return c.breakReport(p)[0]
}

func shiftLine(l *Line, x float64) {
	d := x - l.left()
	for i := range l.Glyphs {
		l.Glyphs[i].X += d
	}
	l.Right += d
	l.Left += d
}
