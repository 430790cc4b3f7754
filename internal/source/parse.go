package source

import (
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"gazette/internal/diag"
	"gazette/internal/model"
)

// maxFileBytes bounds what we read: a 公文 or its table is never this large.
const maxFileBytes = 32 << 20

// ParseDocument reads and recognises the document in the file at path
// (ReadDocument, without its notes). Problems in the file are *diag.Problem
// values (several in a diag.List); tables and pictures are read relative to
// the file's folder.
func ParseDocument(path string) (*model.Document, error) {
	doc, _, err := ReadDocument(path)
	return doc, err
}

// readFile reads a regular file of reasonable size.
func readFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &diag.Problem{File: path, Msg: "找不到文件或无法读取", Hint: "请检查文件名和位置", Err: err}
	}
	if !fi.Mode().IsRegular() {
		return nil, diag.New(path, 0, "这不是一个普通文件", "请检查文件名")
	}
	if fi.Size() > maxFileBytes {
		return nil, diag.New(path, 0, fmt.Sprintf("文件太大（%d MB），不像是文字或表格文件", fi.Size()>>20), "请检查文件名")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &diag.Problem{File: path, Msg: "无法读取文件", Err: err}
	}
	return data, nil
}

// Parse recognises the structure of a document's text (see the package
// documentation for the rules). name is the file the text came from: it
// names the file in messages and is the folder tables and pictures are read
// relative to. text may still hold CRLF line ends and a byte-order mark;
// white space is normalised here (Normalize).
func Parse(name, text string) (*model.Document, error) {
	doc, _, err := parseLines(name, splitLines(text))
	return doc, err
}

// parseLines recognises a document's lines; notes are what reading the
// files it names (tables) found to tell the office without stopping.
func parseLines(name string, lines []line) (*model.Document, []*diag.Problem, error) {
	p := &parser{name: name, doc: &model.Document{Source: name}}
	p.lines = lines
	if len(p.lines) == 0 {
		return nil, nil, diag.New(name, 0, "文件是空的，没有文字", "请检查是否选错了文件，或在 issue.toml 中删去这一项")
	}
	p.run()
	p.titleOverNumber()
	p.promulgatedUnderNotice()
	if p.doc.Title() == "" {
		p.probs = append(p.probs, diag.New(name, p.lines[0].no, "没有识别出文件标题（目录和书签要用到它）",
			"请把标题写在文件开头；如果第一行就是标题，请在行首加“【标题】”"))
	}
	if err := p.probs.Err(); err != nil {
		return nil, nil, err
	}
	return p.doc, p.notes, nil
}

// line is one non-blank source line.
type line struct {
	no    int    // 1-based line number in the file (paragraph number in a Word file)
	text  string // normalised
	raw   string // as typed, only its ends trimmed; "" when text is all there is (a Word file)
	blank bool   // a blank line (or the file start) comes before it
	hint  hint   // what a Word file says of the line besides its text (docx.go)
}

// splitLines normalises the text and keeps its non-blank lines.
func splitLines(text string) []line {
	return splitValidLines(strings.ToValidUTF8(text, "\uFFFD"))
}

// splitValidLines is splitLines for text that is valid UTF-8, as Decode
// returns it: strings.ToValidUTF8 would decode every character of it only
// to return it as it was.
func splitValidLines(text string) []line {
	text = strings.TrimPrefix(text, "\uFEFF")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	raws := strings.Split(text, "\n")
	out := make([]line, 0, len(raws))
	marks := marksOf(text)
	blank := true
	for i, raw := range raws {
		l := normalizeLine(raw, marks)
		if l == "" {
			blank = true
			continue
		}
		out = append(out, line{no: i + 1, text: l, raw: strings.TrimFunc(raw, isBlank), blank: blank})
		blank = false
	}
	return out
}

// state is where the recogniser is in a document.
type state int

const (
	stTitle       state = iota // the document's first title (GB/T 9704-2012 7.3.1)
	stAttachTitle              // the title under an 附件 label (7.3.7)
	stHead                     // after a title: 发文字号, 主送机关, 主持
	stBody                     // 正文 (7.3.3)
	stClosing                  // after the date: 附注 (7.3.6), or a forwarded document
)

// parser is the recogniser's state over one document.
type parser struct {
	name      string
	lines     []line
	i         int // the next line
	state     state
	doc       *model.Document
	probs     diag.List
	notes     []*diag.Problem // warnings about files the document names
	forwarded []string        // keys of the 《X》 a notice 印发, not yet seen as a title
	// inRules is set once the current section has articles or chapters: a
	// 规章, whose （一） items are 项, plain text, not headings
	inRules bool
	// last is the number of the last numbered block and whether it was an
	// item (a sentence, not a heading)
	last struct {
		level, num int
		item       bool
	}
	// decimal is the number of the last decimal section head (decimal.go)
	// in this part of the document, nil before the first
	decimal []int
}

// run consumes every line.
func (p *parser) run() {
	for p.i < len(p.lines) {
		i, st := p.i, p.state
		p.step()
		if p.i == i && p.state == st { // never loop: take the line as text
			p.paragraph()
		}
	}
}

// cur is the next line.
func (p *parser) cur() line { return p.lines[p.i] }

// add appends a block.
func (p *parser) add(b model.Block) { p.doc.Blocks = append(p.doc.Blocks, b) }

// problem records a fault at a line of the document.
func (p *parser) problem(no int, msg, hint string) {
	p.probs = append(p.probs, diag.New(p.name, no, msg, hint))
}

// step handles the next line: an explicit command first, else by state.
func (p *parser) step() {
	if p.cur().hint.set() && p.hinted() {
		return
	}
	if strings.HasPrefix(p.cur().text, "【") && p.command() {
		return
	}
	switch p.state {
	case stTitle:
		p.docTitle()
	case stAttachTitle:
		p.attachTitle()
	case stHead:
		p.head()
	case stClosing:
		p.closing()
	default:
		p.body()
	}
}

// command handles an explicit command line; false if the line is text.
func (p *parser) command() bool {
	l := p.cur()
	c, ok, err := parseCommand(l.text)
	if !ok {
		return false
	}
	p.i++
	if err != nil {
		p.problem(l.no, err.Error(), "可用的命令："+knownCommands+
			"。如果这一行本来就是正文，请在行首加“【正文】”")
		return true
	}
	switch c.kind {
	case cmdPageBreak:
		p.add(model.Block{Kind: model.PageBreak, NewPage: true, Line: l.no})
	case cmdTable:
		p.table(c, l.no)
	case cmdImage:
		p.image(c, l.no)
	case cmdRole:
		p.role(c, l.no)
	}
	return true
}

// role places a block whose role the office forced with a prefix.
func (p *parser) role(c command, no int) {
	switch c.role {
	case model.Title:
		p.title(c.arg, no, p.state == stBody || p.state == stClosing)
		return
	case model.DocNumber:
		if inner, ok := unwrapParens(c.arg); ok {
			c.arg = strings.TrimFunc(inner, isBlank)
		}
		c.arg = p.closeUp(line{no: no, text: c.arg}, c.arg, "发文字号")
	case model.SignDate:
		c.arg = p.closeUp(line{no: no, text: c.arg}, c.arg, "成文日期")
	}
	p.add(model.Block{Kind: c.role, Text: c.arg, Line: no})
	switch c.role {
	case model.SignDate, model.Note:
		p.state = stClosing
	case model.DocNumber:
		if p.state != stTitle {
			p.state = stHead
		}
	default:
		p.state = stBody
	}
}

// docTitle reads the document's first title; a 发文字号 may come before it.
// A first line that reads like body text means the document has no title
// (Check reports it).
func (p *parser) docTitle() {
	l := p.cur()
	if t, ok := docNumber(l.text); ok {
		p.add(model.Block{Kind: model.DocNumber, Text: p.closeUp(l, t, "发文字号"), Line: l.no})
		p.i++
		return
	}
	if p.orderHeadAt(p.i, false) {
		p.orderHead()
		return
	}
	if p.issuerMarkAt(p.i) {
		p.add(model.Block{Kind: model.OrderHead, Text: l.text, Line: l.no})
		p.i++
		return
	}
	if n := p.issuersAt(p.i, false); n > 0 {
		p.issuers(n, false)
		return
	}
	if titleLike(strings.TrimRight(l.text, "？！?!")) {
		p.i++
		p.title(l.text, l.no, false)
		return
	}
	p.state = stBody
	p.body()
}

// attachTitle reads the title under an 附件 label, if there is one
// (GB/T 9704-2012 7.3.7).
func (p *parser) attachTitle() {
	l := p.cur()
	if titleLike(l.text) && !p.signatureAt(p.i) {
		p.i++
		p.title(l.text, l.no, false)
		return
	}
	p.state = stBody
	p.body()
}

// title collects a title starting with first (already consumed, at line
// no): the consecutive lines after it that have no sentence-final
// punctuation belong to it, joined with "\n" (GB/T 9704-2012 7.3.1). A
// blank line ends it.
func (p *parser) title(first string, no int, newPage bool) {
	parts := []string{first}
	for p.i < len(p.lines) && len(parts) < maxTitleLines {
		l := p.cur()
		wordTitle := l.hint.forced && l.hint.role == model.Title && !l.blank // docx.go
		if !wordTitle && (l.blank && !splitTitle(parts, l.text) || strings.ContainsRune("？！?!", lastRune(parts[len(parts)-1]))) {
			break
		}
		if endsWithKind(parts[len(parts)-1]) && organLine(l.text) {
			break // the issuer under a title that has ended with its 文种 (GB/T 9704-2012 7.3.1)
		}
		if c, ok, err := parseCommand(l.text); ok && err == nil && c.kind == cmdRole && c.role == model.Title {
			parts = append(parts, c.arg)
		} else if l.hint.forced && l.hint.role == model.Title {
			parts = append(parts, l.text) // a Word title line (docx.go)
		} else if titleLike(l.text) && p.forwardedSpan(p.i) == 0 {
			parts = append(parts, l.text)
		} else {
			break
		}
		p.i++
	}
	p.addTitle(parts, no, newPage)
}

// addTitle adds a Title block and starts a new section of numbering.
func (p *parser) addTitle(parts []string, no int, newPage bool) {
	text := strings.Join(parts, "\n")
	p.add(model.Block{Kind: model.Title, Text: text, NewPage: newPage, Line: no})
	p.forwarded = append(p.forwarded, forwardedNames(text)...)
	p.last.level, p.last.num = 0, 0
	p.inRules = false
	p.decimal = nil
	p.state = stHead
}

// head reads what may follow a title: the 发文字号 (7.2.4), a 规章's 题注,
// a 公告's number, the 主持 line of a 政务动态 report, the 主送机关 (7.3.2).
// Anything else starts the body.
func (p *parser) head() {
	l := p.cur()
	if t, ok := docNumber(l.text); ok {
		p.add(model.Block{Kind: model.DocNumber, Text: p.closeUp(l, t, "发文字号"), Line: l.no})
		p.i++
		return
	}
	if n := p.headnoteSpan(p.i); n > 0 {
		p.headnote(n)
		return
	}
	if note, rest, ok := runInHeadnote(l.text); ok {
		// the rest of the line is the first paragraph: read it next
		p.add(model.Block{Kind: model.Headnote, Text: note, Line: l.no})
		p.lines[p.i].text, p.lines[p.i].raw = rest, ""
		return
	}
	if p.orderHeadAt(p.i, true) {
		p.orderHead()
		return
	}
	if orderNumberLike(l.text) {
		p.add(model.Block{Kind: model.OrderNumber, Text: l.text, Line: l.no})
		p.i++
		return
	}
	if p.bylineAt(p.i) {
		p.issuers(1, false)
		return
	}
	kind := model.Paragraph
	switch {
	case presiderLike(l.text):
		kind = model.Presider
	case addresseeLike(l.text):
		kind = model.Addressee
	}
	p.state = stBody
	if kind == model.Paragraph {
		p.body()
		return
	}
	p.add(model.Block{Kind: kind, Text: l.text, Line: l.no})
	p.i++
}

// body reads one element of the body.
func (p *parser) body() {
	l := p.cur()
	switch {
	case isAttachmentLabel(l.text):
		p.add(model.Block{Kind: model.AttachmentLabel, Text: l.text, NewPage: true, Line: l.no})
		p.i++
		p.last.level, p.last.num = 0, 0
		p.state = stAttachTitle
	case isAttachmentNote(l.text):
		p.attachmentNote()
	case p.forwardedSpan(p.i) > 0:
		p.forwardedTitle(true)
	case p.issuersAt(p.i, true) > 0:
		p.issuersAndTitle(p.issuersAt(p.i, true))
	case p.kindElement():
	case p.signatureAt(p.i):
		p.signature()
	case releaseNote(l.text):
		// a 附注 whose 成文日期 and 署名 were lost (GB/T 9704-2012 7.3.6)
		p.add(model.Block{Kind: model.Note, Text: l.text, Line: l.no})
		p.i++
		p.state = stClosing
	default:
		p.paragraph()
	}
}

// signatureAt reports a 成文日期 at line i, or a 署名 with the date under it
// (GB/T 9704-2012 7.3.5), or a body's name right over a 附注 (7.3.6) that
// the date should stand between: a 署名 whose date was lost.
func (p *parser) signatureAt(i int) bool {
	if i >= len(p.lines) {
		return false
	}
	s := p.lines[i].text
	if isDate(s) {
		return true
	}
	if i+1 >= len(p.lines) {
		return false
	}
	next := p.lines[i+1].text
	return isDate(next) && signerLike(s) || organLine(s) && releaseNote(next) // the cheaper test first
}

// signature adds the 署名 (if any) and the 成文日期 (if not lost: check
// names a 署名 with no date under it).
func (p *parser) signature() {
	l := p.cur()
	p.i++
	if !isDate(l.text) {
		p.add(model.Block{Kind: model.Signer, Text: l.text, Line: l.no})
		if p.i >= len(p.lines) || !isDate(p.cur().text) {
			p.state = stClosing
			return
		}
		l = p.cur()
		p.i++
	}
	p.add(model.Block{Kind: model.SignDate, Text: p.closeUp(l, l.text, "成文日期"), Line: l.no})
	p.state = stClosing
}

// closing reads what follows the date: a 附注 in parentheses (7.3.6), or the
// title of the document the notice forwards, which starts a new page.
func (p *parser) closing() {
	l := p.cur()
	switch {
	case p.headnoteSpan(p.i) > 0:
		// the 题注 of a 条例 printed after the 公告 that promulgates it
		p.headnote(p.headnoteSpan(p.i))
	case noteLike(l.text):
		p.add(model.Block{Kind: model.Note, Text: l.text, Line: l.no})
		p.i++
	case isAttachmentNote(l.text) && strings.TrimLeft(l.text[len("附件"):], "：: \u3000") == "" && !p.numberedItemAt(p.i+1):
		// "附件：" alone after the date, with no items under it, is the
		// label of the attachment that follows (7.3.7), written with a colon
		p.add(model.Block{Kind: model.AttachmentLabel, Text: l.text, NewPage: true, Line: l.no})
		p.i++
		p.last.level, p.last.num = 0, 0
		p.state = stAttachTitle
	case p.issuersAt(p.i, false) > 0:
		p.issuersAndTitle(p.issuersAt(p.i, false))
	case p.forwardedSpan(p.i) > 0:
		p.forwardedTitle(true)
	case titleLike(l.text) && !p.signatureAt(p.i):
		p.i++
		p.title(l.text, l.no, true)
	default:
		p.state = stBody
		p.body()
	}
}

// attachmentNote reads the 附件说明 (GB/T 9704-2012 7.3.4): "附件：1.xxx"
// and the numbered lines "2.xxx" right under it.
func (p *parser) attachmentNote() {
	first := p.cur()
	p.i++
	items := []string{first.text}
	next := -1
	rest := strings.TrimFunc(first.text[len("附件"):], func(r rune) bool { return r == '：' || r == ':' || isBlank(r) })
	if h, ok := parseHead(rest); ok && h.level == 3 {
		next = h.num + 1
	} else if rest == "" {
		next = 1
	}
	for p.i < len(p.lines) {
		l := p.cur()
		h, ok := parseHead(l.text)
		if l.blank || !ok || h.level != 3 || h.num != next || runes(l.text) > maxTitleLine ||
			strings.ContainsAny(l.text, "。；;") {
			break
		}
		items = append(items, l.text)
		next++
		p.i++
	}
	p.add(model.Block{Kind: model.AttachmentNote, Text: strings.Join(items, "\n"), Line: first.no})
}

// numberedItemAt reports a "1." item at line i.
func (p *parser) numberedItemAt(i int) bool {
	if i >= len(p.lines) {
		return false
	}
	h, ok := parseHead(p.lines[i].text)
	return ok && h.level == 3
}

// forwardedSpan reports how many lines from i spell the title of a document
// the notice said it 印发 (《X》), or 0.
func (p *parser) forwardedSpan(i int) int {
	n, _ := p.forwardedMatch(i)
	return n
}

// forwardedMatch finds the forwarded name the lines from i spell. Each
// line's key (forwardKey) is made once for all the names, and only as far
// as some name still matches: the parser asks this of nearly every line.
func (p *parser) forwardedMatch(i int) (span, index int) {
	var keys [maxForwardSpan]string
	known, reach := 0, maxForwardSpan // keys[:known] are made; no title spans line i+reach
	for idx, name := range p.forwarded {
		rest := name
		for k := 0; k < reach; k++ {
			if k == known {
				if i+k >= len(p.lines) || (k > 0 && p.lines[i+k].blank) || moreRunes(p.lines[i+k].text, maxTitleLine) {
					reach = k
					break
				}
				keys[k] = forwardKey(p.lines[i+k].text)
				known++
			}
			if !strings.HasPrefix(rest, keys[k]) {
				break
			}
			if rest = rest[len(keys[k]):]; rest == "" {
				return k + 1, idx
			}
		}
	}
	return 0, -1
}

// issuersAndTitle reads the n lines of issuers that head a document in the
// notice's file and the title under them (docs/document-kinds.md#joint-issuers):
// the document starts a page with its issuers, not with its title.
func (p *parser) issuersAndTitle(n int) {
	p.issuers(n, true)
	if p.forwardedSpan(p.i) > 0 {
		p.forwardedTitle(false)
		return
	}
	l := p.cur()
	p.i++
	p.title(l.text, l.no, false)
}

// forwardedTitle starts the forwarded document: its title, on a new page
// unless its issuers above it start the page.
func (p *parser) forwardedTitle(newPage bool) {
	span, idx := p.forwardedMatch(p.i)
	p.forwarded = append(p.forwarded[:idx], p.forwarded[idx+1:]...)
	var parts []string
	no := p.cur().no
	for k := 0; k < span; k++ {
		parts = append(parts, p.cur().text)
		p.i++
	}
	p.addTitle(parts, no, newPage)
}

// paragraph reads a heading or a paragraph (GB/T 9704-2012 7.3.3), joining
// the lines of a paragraph the source broke in mid-sentence.
func (p *parser) paragraph() {
	l := p.cur()
	p.i++
	b := model.Block{Kind: model.Paragraph, Text: l.text, Line: l.no}
	if h, ok := parseHead(l.text); ok && len(l.text) > h.size {
		level := p.levelOf(h)
		prev := p.last
		p.last.level, p.last.num, p.last.item = level, h.num, false
		if p.inRules && level >= 2 {
			// 项 and 目 of an article are its text, set plain (立法技术规范)
			b.Level = level
			b.Text = p.joinBroken(b.Text)
			p.add(b)
			return
		}
		lead, runs := runIn(l.text, h)
		// in a 规章 a 一、 line is a heading only when it is a bare name
		// ("一、 领导机构。"); one that reads as a sentence is an article
		// numbered the older way
		if !runs && headAlone(l.text, h) && !(p.inRules && strings.ContainsAny(l.text[h.size:], clauseMarks)) &&
			!p.closedItem(l.text, h, level, prev.item && prev.level == level && prev.num == h.num-1) {
			b.Kind, b.Level = model.Heading, level
			p.add(b)
			return
		}
		switch {
		case runs:
			b.Lead, b.Level = lead, level
		case level <= 2:
			// a numbered item: its number in the face of its level, the
			// sentence in 仿宋 (docs/document-kinds.md#numbered-items)
			b.Lead, b.Level = l.text[:h.size], level
			p.last.item = true
		}
	}
	last := l.text
	for p.i < len(p.lines) && p.continues(last, p.i) {
		last = p.cur().text
		b.Text = joinLines(b.Text, last)
		p.i++
	}
	p.add(b)
	p.forwarded = append(p.forwarded, forwardedNames(b.Text)...)
}

// headAlone reports a line that is a heading by itself: the number and a
// short head with no sentence-final punctuation ("一、目的意义"), or with one
// sentence ending the line ("（一）贯彻落实……等方面。").
func headAlone(s string, h head) bool {
	if runes(s) > maxHeading {
		return false
	}
	rest := s[h.size:]
	r := lastRune(rest)
	if strings.ContainsRune("。！？!?", r) {
		rest = rest[:len(rest)-utf8.RuneLen(r)]
	}
	return !strings.ContainsAny(rest, sentenceEnds)
}

// closedItem reports a line that headAlone took for a heading but that is
// a numbered item: a sentence closed by 。！？ with nothing under it
// (docs/document-kinds.md#numbered-items). A heading heads something: the
// line after it is a deeper head ("（一）……等方面。" over "1.……"), or body
// text under a short phrase ("一、 领导机构。"). A line followed by its
// sibling, by a higher head or by the end of the text heads nothing; nor
// does one whose sibling before it was an item, nor a sentence with
// clauses over body text.
func (p *parser) closedItem(s string, h head, level int, afterItem bool) bool {
	rest := s[h.size:]
	if !strings.ContainsRune("。！？!?", lastRune(rest)) {
		return false // "一、目的意义": a heading by its form
	}
	j := p.i // the next line (blank lines are not kept)
	if j == len(p.lines) || p.signatureAt(j) || isAttachmentLabel(p.lines[j].text) || isAttachmentNote(p.lines[j].text) {
		return true
	}
	if next, ok := parseHead(p.lines[j].text); ok {
		return next.level <= level
	}
	return afterItem || strings.ContainsAny(rest, clauseMarks) || runes(rest) > maxLead
}

// runIn finds a run-in head: the number and a short first sentence closed by
// 。！？ or ：, with more text after it ("（一）强化理论学习。全区……"). A first
// sentence closed by ；starts a list of inline items, not a head
// ("1.贯彻……情况；2.贯彻……").
func runIn(s string, h head) (string, bool) {
	depth, n := 0, 0
	for i, r := range s[h.size:] {
		if isCommonHan(r) { // none of the marks below: most characters
			n++
			continue
		}
		switch {
		case strings.ContainsRune(openers, r):
			depth++
		case strings.ContainsRune(closers, r) && depth > 0:
			depth--
		case depth == 0 && strings.ContainsRune("；;", r):
			return "", false
		case depth == 0 && strings.ContainsRune(leadEnds, r):
			end := h.size + i + utf8.RuneLen(r)
			if n == 0 || n > maxLead || end >= len(s) {
				return "", false
			}
			return s[:end], true
		}
		n++
	}
	return "", false
}

// isCommonHan reports a character of the CJK Unified Ideographs block
// (U+4E00–U+9FFF), where no punctuation mark lies.
func isCommonHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// levelOf decides the level of a head. "2、" (an Arabic digit with 、) is a
// slip for either 二、 or 2.: it is level 1 when it continues the level-1
// sequence — the head before it is level 1 numbered one less (or there is no
// head before it and it is 1、) and the next 一、-style head, if any, is
// numbered one more; otherwise it is level 3.
func (p *parser) levelOf(h head) int {
	if h.style != styleArabicComma {
		return h.level
	}
	before := (p.last.level == 1 && p.last.num == h.num-1) || (p.last.level == 0 && h.num == 1)
	if next := p.nextLevel1(); before && (next == 0 || next == h.num+1) {
		return 1
	}
	return 3
}

// nextLevel1 is the number of the next 一、-style head in this section, or 0.
func (p *parser) nextLevel1() int {
	for j := p.i; j < len(p.lines) && j < p.i+maxLookahead; j++ {
		s := p.lines[j].text
		if isAttachmentLabel(s) || strings.HasPrefix(s, "【标题】") {
			return 0
		}
		if h, ok := parseHead(s); ok && h.level == 1 && h.han {
			return h.num
		}
	}
	return 0
}

// continues reports whether line j continues a paragraph whose last line
// is last: a hard line break in mid-sentence. The rule is conservative, so
// that no heading or other element is ever swallowed:
//   - last ends in a character, not a punctuation mark;
//   - last is at least 15 characters long or holds a comma, colon or 、;
//   - no blank line comes between;
//   - line j does not start an element: a head number, a command, ——,
//     附件, a 发文字号, a date or a signer over a date, a 附注, or the title
//     of a forwarded document.
func (p *parser) continues(last string, j int) bool {
	if p.lines[j].blank || !endsOpen(last) {
		return false
	}
	if runes(last) < minJoinedLine && !strings.ContainsAny(last, clauseMarks) {
		return false
	}
	return !p.startsElement(j)
}

// startsElement reports a line that starts an element of its own.
func (p *parser) startsElement(j int) bool {
	s := p.lines[j].text
	if strings.HasPrefix(s, "【") || strings.HasPrefix(s, "——") {
		return true
	}
	if _, ok := parseHead(s); ok {
		return true
	}
	if _, ok := docNumber(s); ok {
		return true
	}
	return isAttachmentLabel(s) || isAttachmentNote(s) || noteLike(s) || startsKindElement(s) ||
		p.signatureAt(j) || p.forwardedSpan(j) > 0
}

// joinLines joins two pieces of a broken line: Chinese needs no space, but
// two Latin words do.
func joinLines(a, b string) string {
	x, _ := utf8.DecodeLastRuneInString(a)
	y, _ := utf8.DecodeRuneInString(b)
	if isLatin(x) && isLatin(y) {
		return a + " " + b
	}
	return a + b
}

func isLatin(r rune) bool { return r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z') }
